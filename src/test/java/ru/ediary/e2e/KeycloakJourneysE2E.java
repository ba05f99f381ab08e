package ru.ediary.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.ediary.test.GraphQL.call;
import static ru.ediary.test.GraphQL.errorCode;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The seed's journeys against the packaged server in its production profile, with tokens the real Keycloak
 * issued from docker/keycloak/ediary-realm.json: password grant for people (test-only client), client
 * credentials for school systems, authorization code with PKCE for the web client. Started by e2e/keycloak.sh,
 * which also creates the two schools (the only records no API creates) in an empty schema.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeycloakJourneysE2E {

    private static final String UPSERT_ROSTER = """
            mutation($input: RosterInput!) {
              upsertRoster(input: $input) {
                summary { classesCreated studentsCreated guardiansCreated }
                userErrors { field code }
              }
            }""";
    private static final String MY_CLASSES =
            "{ myClasses { externalId name school { name } students { id externalId fullName } } }";
    private static final String DIARY_ACCESS = """
            { diaryAccess { children { capacity child { id fullName schoolClass { name } } }
                            nextSteps { code message } awaitingActivation { invitationId } } }""";
    private static final String UPSERT_DIARY = """
            mutation($input: DiaryBatchInput!) {
              upsertDiaryEntries(input: $input) { created userErrors { field code } }
            }""";
    private static final String DIARY =
            "query($c: ID!) { diary(childId: $c, first: 10) { edges { node { subject topic marks { value } } } } }";

    /** Student ids by the school system's external ids, as the server assigned them. */
    private final Map<String, String> students = new HashMap<>();

    @BeforeAll
    void schoolSystemsPushTheirRosters() {
        RestAssured.baseURI = System.getProperty("e2e.server.url", "http://127.0.0.1:8281");
        RestAssured.port = URI.create(RestAssured.baseURI).getPort();

        JsonPath school1535 = call(Keycloak.schoolSystem("school-1535"), UPSERT_ROSTER, Map.of("input", Map.of(
                "classes", List.of(
                        schoolClass("cls-5a", "5А", "123-456-789 64"),
                        schoolClass("cls-7b", "7Б", "234-567-890 99")),
                "students", List.of(
                        student("st-masha", "cls-5a", "Иванова", "Мария", "2015-03-14", null, null,
                                guardian("g-anna-masha", "Иванова", "Анна", "MOTHER", "anna.ivanova@example.ru", "+79161234567"),
                                guardian("g-dmitry-masha", "Иванов", "Дмитрий", "FATHER", "dmitry.ivanov@example.ru", "+79161234568")),
                        student("st-petya", "cls-5a", "Петров", "Пётр", "2015-07-02", null, null,
                                guardian("g-boris-petya", "Петров", "Борис", "FATHER", "boris.petrov@example.ru", "+79035550101")),
                        student("st-alisa", "cls-5a", "Соколова", "Алиса", "2015-11-20", null, null,
                                guardian("g-victoria-alisa", "Соколова", "Виктория", "MOTHER", "vika.sokolova@example.ru", "+79261112233")),
                        student("st-ivan", "cls-7b", "Кузнецов", "Иван", "2013-05-09", "ivan.kuznetsov@example.ru", "8 985 777-00-11"),
                        student("st-kostya", "cls-7b", "Иванов", "Константин", "2013-09-01", null, null,
                                guardian("g-anna-kostya", "Иванова", "Анна", "MOTHER", "ANNA.IVANOVA@example.ru", "+7 916 123-45-67"))))));
        assertEquals(List.of(), school1535.getList("data.upsertRoster.userErrors"), school1535.prettify());
        assertEquals(Map.of("classesCreated", 2, "studentsCreated", 5, "guardiansCreated", 5),
                school1535.getMap("data.upsertRoster.summary"));

        JsonPath school57 = call(Keycloak.schoolSystem("school-57"), UPSERT_ROSTER, Map.of("input", Map.of(
                "classes", List.of(schoolClass("cls-3v", "3В", "456-789-012 38")),
                "students", List.of(student("st-lev", "cls-3v", "Ковалёв", "Лев", "2017-04-12", null, null,
                        guardian("g-lev-mother", "Ковалёва", "Наталья", "MOTHER", "n.kovaleva@example.ru", "+79265550077"))))));
        assertEquals(List.of(), school57.getList("data.upsertRoster.userErrors"), school57.prettify());

        for (String system : List.of("school-1535", "school-57")) {
            JsonPath classes = call(Keycloak.schoolSystem(system), MY_CLASSES);
            List<Map<String, String>> rows = classes.getList("data.myClasses.students.flatten()");
            rows.forEach(row -> students.put(row.get("externalId"), row.get("id")));
        }
        assertEquals(6, students.size(), "five students at № 1535, one at № 57");
    }

    @Test
    void eachSchoolSystemSeesOnlyItsOwnSchool() {
        JsonPath own = call(Keycloak.schoolSystem("school-1535"), MY_CLASSES);
        assertEquals(List.of("5А", "7Б"), own.getList("data.myClasses.name"));
        assertEquals(List.of("ГБОУ Школа № 1535", "ГБОУ Школа № 1535"), own.getList("data.myClasses.school.name"));
        JsonPath other = call(Keycloak.schoolSystem("school-57"), MY_CLASSES);
        assertEquals(List.of("3В"), other.getList("data.myClasses.name"));
    }

    @Test
    void aParentWhoseProfileMatchesTheSchoolsRecordsSeesBothChildren() {
        JsonPath anna = call(Keycloak.person("demo-anna"), DIARY_ACCESS);

        assertEquals(List.of(), anna.getList("data.diaryAccess.nextSteps"));
        assertEquals(Map.of("Иванова Мария", "PARENT", "Иванов Константин", "PARENT"), capacities(anna));
        // the account was registered from Keycloak's claims on the first call
        JsonPath me = call(Keycloak.person("demo-anna"), "{ me { fullName email phone } }");
        assertEquals("Иванова Анна Сергеевна", me.getString("data.me.fullName"));
        assertEquals("anna.ivanova@example.ru", me.getString("data.me.email"));
        assertEquals("+79161234567", me.getString("data.me.phone"));
    }

    @Test
    void aStudentWhoseOwnContactsMatchSeesTheirOwnDiary() {
        assertEquals(Map.of("Кузнецов Иван", "SELF"), capacities(call(Keycloak.person("demo-ivan"), DIARY_ACCESS)));
    }

    @Test
    void aParentWithoutAPhoneIsToldToFillItThenToGiveItToTheClassTeacher() {
        JsonPath boris = call(Keycloak.person("demo-boris"), DIARY_ACCESS);

        assertEquals(List.of(), boris.getList("data.diaryAccess.children"));
        assertEquals(List.of("FILL_PHONE", "GIVE_CONTACTS_TO_CLASS_TEACHER"), boris.getList("data.diaryAccess.nextSteps.code"));
    }

    @Test
    void aParentWhoseEmailDiffersIsToldToGiveTheClassTeacherHerContactsAndGetsAccessOnceTheTeacherDoes() {
        String victoria = Keycloak.person("demo-victoria");
        JsonPath before = call(victoria, DIARY_ACCESS);
        assertEquals(List.of(), before.getList("data.diaryAccess.children"));
        assertEquals(List.of("GIVE_CONTACTS_TO_CLASS_TEACHER"), before.getList("data.diaryAccess.nextSteps.code"));
        String message = before.getString("data.diaryAccess.nextSteps[0].message");
        assertTrue(message.contains("vika@example.ru"), "quotes her own profile e-mail: " + message);
        assertTrue(!message.contains("vika.sokolova"), "never the school's record: " + message);

        // she gives them to the class teacher of 5А, who records them
        String olga = Keycloak.person("demo-olga");
        JsonPath recorded = call(olga, """
                mutation($input: GuardianContactInput!) {
                  recordGuardianContact(input: $input) { contact { id } userErrors { field code } }
                }""", Map.of("input", Map.of("studentId", students.get("st-alisa"), "lastName", "Соколова",
                "firstName", "Виктория", "middleName", "Андреевна", "relation", "MOTHER",
                "email", "vika@example.ru", "phone", "+7 926 111-22-33")));
        assertEquals(List.of(), recorded.getList("data.recordGuardianContact.userErrors"), recorded.prettify());

        assertEquals(Map.of("Соколова Алиса", "PARENT"), capacities(call(victoria, DIARY_ACCESS)));
    }

    @Test
    void aClassTeacherSeesTheClassesTheyLeadAndNoOtherStudent() {
        // no SNILS typed anywhere: it comes from the realm's snils attribute, through the token's snils claim
        String olga = Keycloak.person("demo-olga");
        JsonPath classes = call(olga, MY_CLASSES);
        assertEquals(List.of("cls-5a"), classes.getList("data.myClasses.externalId"));
        assertTrue(classes.getList("data.myClasses[0].students.externalId").containsAll(
                List.of("st-masha", "st-petya", "st-alisa")), classes.prettify());

        String maria = Keycloak.person("demo-maria");
        assertEquals(List.of("3В"), call(maria, MY_CLASSES).getList("data.myClasses.name"));
        // 7Б is Sergey's class: to Olga its student does not exist
        assertEquals("NOT_FOUND", errorCode(call(olga, DIARY, Map.of("c", students.get("st-kostya")))));
        // a person without the teacher role leads nothing
        assertEquals("FORBIDDEN", errorCode(call(Keycloak.person("demo-anna"), MY_CLASSES)));
    }

    @Test
    void aSchoolSystemCannotReachAnotherSchoolsStudents() {
        String school57 = Keycloak.schoolSystem("school-57");
        String masha = students.get("st-masha");

        assertEquals("NOT_FOUND", errorCode(call(school57, DIARY, Map.of("c", masha))));
        JsonPath feed = call(school57, UPSERT_DIARY, Map.of("input", Map.of("entries", List.of(
                entry("e2e-foreign-1", "st-masha", "Математика", "Чужая школа")))));
        assertEquals(0, feed.getInt("data.upsertDiaryEntries.created"));
        // its own external ids reach only its own students: another school's is unknown
        assertEquals(List.of("UNKNOWN_STUDENT"), feed.getList("data.upsertDiaryEntries.userErrors.code"), feed.prettify());
        JsonPath contacts = call(school57, """
                mutation($input: StudentContactsInput!) {
                  recordStudentContacts(input: $input) { student { id } userErrors { field code } }
                }""", Map.of("input", Map.of("studentId", masha, "email", "masha@example.ru")));
        assertEquals("NOT_FOUND", errorCode(contacts), contacts.prettify());
        // a person is no school system
        assertEquals("FORBIDDEN", errorCode(call(Keycloak.person("demo-anna"), UPSERT_DIARY,
                Map.of("input", Map.of("entries", List.of(entry("e2e-person-1", "st-masha", "Математика", "x")))))));
    }

    @Test
    void aParentInvitesTheGrandmotherWhoAcceptsAndAfterActivationReadsTheDiary() throws Exception {
        String masha = students.get("st-masha");
        JsonPath fed = call(Keycloak.schoolSystem("school-1535"), UPSERT_DIARY, Map.of("input", Map.of("entries",
                List.of(entry("e2e-masha-1", "st-masha", "Окружающий мир", "Времена года")))));
        assertEquals(List.of(), fed.getList("data.upsertDiaryEntries.userErrors"), fed.prettify());
        // the grandmother is registered on the portal: she has signed in once
        String galina = Keycloak.person("demo-galina");
        assertEquals("Иванова Галина Михайловна", call(galina, "{ me { fullName } }").getString("data.me.fullName"));
        assertEquals("NOT_FOUND", errorCode(call(galina, DIARY, Map.of("c", masha))));

        String anna = Keycloak.person("demo-anna");
        Map<String, Object> input = Map.of("service", "ELECTRONIC_DIARY", "childIds", List.of(masha),
                "phone", "8 916 765-43-21", "surname", "Иванова");
        JsonPath preview = call(anna, """
                query($input: InvitationInput!) {
                  invitationPreview(input: $input) { preview { serviceName inviteeFullName children { fullName } }
                                                     userErrors { code } }
                }""", Map.of("input", input));
        assertEquals("Электронный дневник", preview.getString("data.invitationPreview.preview.serviceName"));
        assertEquals("Иванова Галина Михайловна", preview.getString("data.invitationPreview.preview.inviteeFullName"));
        assertEquals(List.of("Иванова Мария"), preview.getList("data.invitationPreview.preview.children.fullName"));
        JsonPath sent = call(anna, """
                mutation($input: InvitationInput!, $key: String!) {
                  sendInvitation(input: $input, idempotencyKey: $key) { invitation { id status } userErrors { code } }
                }""", Map.of("input", input, "key", UUID.randomUUID().toString()));
        assertEquals(List.of(), sent.getList("data.sendInvitation.userErrors"), sent.prettify());
        String invitation = sent.getString("data.sendInvitation.invitation.id");

        // she finds it in her notifications and accepts
        JsonPath inbox = call(galina, "{ notifications { edges { node { kind invitationId } } } }");
        assertEquals("INVITATION_RECEIVED", inbox.getString("data.notifications.edges[0].node.kind"));
        assertEquals(invitation, inbox.getString("data.notifications.edges[0].node.invitationId"));
        JsonPath accepted = call(galina, "mutation($id: ID!) { acceptInvitation(id: $id) { invitation { status } } }",
                Map.of("id", invitation));
        assertEquals("ACCEPTED", accepted.getString("data.acceptInvitation.invitation.status"));

        // the server's own scheduled job activates it (e2e/keycloak.sh runs it every second)
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonPath access = call(galina, DIARY_ACCESS);
        while (access.getList("data.diaryAccess.children").isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            access = call(galina, DIARY_ACCESS);
        }
        assertEquals(Map.of("Иванова Мария", "TRUSTED_PERSON"), capacities(access));
        JsonPath diary = call(galina, DIARY, Map.of("c", masha));
        assertEquals(List.of("Времена года"), diary.getList("data.diary.edges.node.topic"), diary.prettify());
        // and the parent sees who can read the child's diary
        JsonPath trusted = call(anna, "query($c: ID!) { trustedPersons(childId: $c) { status trustedPerson { fullName } } }",
                Map.of("c", masha));
        assertEquals(List.of("ACTIVE"), trusted.getList("data.trustedPersons.status"));
    }

    @Test
    void theWebClientSignsInWithPkceOnlyAndItsTokenIsAccepted() throws Exception {
        String token = Keycloak.spaSignIn("demo-dmitry");
        assertEquals(Map.of("Иванова Мария", "PARENT"), capacities(call(token, DIARY_ACCESS)));

        assertTrue(Keycloak.authorizeWithoutPkce().contains("error=invalid_request"), "PKCE is required");
        JsonPath password = Keycloak.tokenAnswer(Map.of("grant_type", "password", "client_id", "ediary-spa",
                "username", "demo-dmitry", "password", Keycloak.DEMO_PASSWORD));
        assertEquals("unauthorized_client", password.getString("error"), "the web client has no password grant");
    }

    @Test
    void aTokenFromAnotherRealmOfTheSameKeycloakIsRefused() {
        // e2e/keycloak.sh bootstraps the master realm's admin with these credentials
        String master = given().formParams(Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", "admin", "password", "admin"))
                .post(Keycloak.URL + "/realms/master/protocol/openid-connect/token").then().statusCode(200)
                .extract().jsonPath().getString("access_token");

        JsonPath answer = given().contentType(ContentType.JSON).header("Authorization", "Bearer " + master)
                .body(Map.of("query", "{ me { id } }")).post("/graphql").then().statusCode(401).extract().jsonPath();
        assertEquals("UNAUTHENTICATED", errorCode(answer));
    }

    /** Capacity by child's full name (the rosters above send no patronymics). */
    private static Map<String, String> capacities(JsonPath access) {
        Map<String, String> byChild = new HashMap<>();
        List<Map<String, Object>> children = access.getList("data.diaryAccess.children");
        assertNotNull(children, access::prettify);
        for (Map<String, Object> row : children) {
            @SuppressWarnings("unchecked")
            Map<String, Object> child = (Map<String, Object>) row.get("child");
            byChild.put((String) child.get("fullName"), (String) row.get("capacity"));
        }
        return byChild;
    }

    private static Map<String, Object> schoolClass(String externalId, String name, String teacherSnils) {
        return Map.of("externalId", externalId, "name", name, "teacherSnils", teacherSnils);
    }

    @SafeVarargs
    private static Map<String, Object> student(String externalId, String classExternalId, String lastName,
            String firstName, String birthDate, String email, String phone, Map<String, Object>... guardians) {
        Map<String, Object> student = new HashMap<>(Map.of("externalId", externalId, "classExternalId", classExternalId,
                "lastName", lastName, "firstName", firstName, "birthDate", birthDate, "status", "ENROLLED",
                "guardians", List.of(guardians)));
        if (email != null) {
            student.put("email", email);
            student.put("phone", phone);
        }
        return student;
    }

    private static Map<String, Object> guardian(String externalId, String lastName, String firstName, String relation,
            String email, String phone) {
        return Map.of("externalId", externalId, "lastName", lastName, "firstName", firstName, "relation", relation,
                "email", email, "phone", phone);
    }

    private static Map<String, Object> entry(String externalId, String studentExternalId, String subject, String topic) {
        return Map.of("externalId", externalId, "studentExternalId", studentExternalId, "date",
                LocalDate.now().toString(), "lessonNumber", 1, "subject", subject, "topic", topic,
                "marks", List.of(Map.of("kind", "LESSON", "value", 5)));
    }
}
