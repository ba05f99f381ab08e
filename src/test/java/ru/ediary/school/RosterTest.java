package ru.ediary.school;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;
import static ru.ediary.test.GraphQL.call;
import static ru.ediary.test.GraphQL.errorCode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import ru.ediary.test.Fixtures;
import ru.ediary.test.Fixtures.Person;
import ru.ediary.test.Fixtures.SchoolRef;
import ru.ediary.test.TestData;

/** upsertRoster: bulk, keyed by external ids, idempotent, all or nothing. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class RosterTest {

    private static final String UPSERT = """
            mutation($input: RosterInput!) {
              upsertRoster(input: $input) {
                summary { classesCreated classesUpdated studentsCreated studentsUpdated
                          guardiansCreated guardiansUpdated guardiansRemoved }
                userErrors { field code }
              }
            }""";
    private static final String UPSERT_WITH_MESSAGES = """
            mutation($input: RosterInput!) {
              upsertRoster(input: $input) { summary { studentsCreated } userErrors { field code message } }
            }""";
    private static final String MY_CLASSES =
            "{ myClasses { externalId name students { id externalId fullName status guardians { externalId fullName } } } }";
    private static final String DIARY_ACCESS = "{ diaryAccess { children { child { fullName schoolClass { name } } } } }";

    @Inject
    Fixtures fixtures;
    @Inject
    SessionFactory sessionFactory;

    private static Map<String, Object> guardian(String key, Person person) {
        Map<String, Object> row = new HashMap<>();
        row.put("externalId", key);
        row.put("lastName", "Петрова");
        row.put("firstName", "Елена");
        row.put("relation", "MOTHER");
        row.put("email", person.email());
        row.put("phone", person.phone());
        return row;
    }

    private static Map<String, Object> student(String key, String classKey, List<Map<String, Object>> guardians) {
        Map<String, Object> row = new HashMap<>();
        row.put("externalId", key);
        row.put("classExternalId", classKey);
        row.put("lastName", "Петров");
        row.put("firstName", "Пётр");
        row.put("birthDate", "2014-09-01");
        row.put("status", "ENROLLED");
        row.put("guardians", guardians);
        return row;
    }

    private static Map<String, Object> roster(List<Map<String, Object>> classes, List<Map<String, Object>> students) {
        return Map.of("input", Map.of("classes", classes, "students", students));
    }

    private Map<String, Object> typicalRoster(Person teacher, Person mother, Person father) {
        return roster(
                List.of(Map.of("externalId", "c-5a", "name", "5А", "teacherSnils", teacher.snils()),
                        Map.of("externalId", "c-6b", "name", "6Б")),
                List.of(student("s-1", "c-5a", List.of(guardian("g-1", mother), guardian("g-2", father))),
                        student("s-2", "c-6b", List.of(guardian("g-3", mother)))));
    }

    @Test
    void aRosterCreatesClassesStudentsAndContactsThatGiveAccess() {
        SchoolRef school = fixtures.school();
        Person teacher = fixtures.teacher();
        Person mother = fixtures.person();
        Person father = fixtures.person();

        JsonPath answer = call(school.systemToken(), UPSERT, typicalRoster(teacher, mother, father));

        assertEquals(List.of(), answer.getList("data.upsertRoster.userErrors"));
        assertEquals(Map.of("classesCreated", 2, "classesUpdated", 0, "studentsCreated", 2, "studentsUpdated", 0,
                "guardiansCreated", 3, "guardiansUpdated", 0, "guardiansRemoved", 0),
                answer.getMap("data.upsertRoster.summary"));
        assertEquals(2, call(mother.token(), DIARY_ACCESS).getList("data.diaryAccess.children").size());
        assertEquals(List.of("5А"), call(father.token(), DIARY_ACCESS).getList("data.diaryAccess.children.child.schoolClass.name"));
        // the class teacher named by SNILS now leads 5А
        assertEquals(List.of("c-5a"), call(teacher.token(), MY_CLASSES).getList("data.myClasses.externalId"));
    }

    @Test
    void theSamePayloadTwiceLeavesTheSameState() {
        SchoolRef school = fixtures.school();
        var payload = typicalRoster(fixtures.teacher(), fixtures.person(), fixtures.person());
        call(school.systemToken(), UPSERT, payload);
        String before = call(school.systemToken(), MY_CLASSES).prettify();

        JsonPath again = call(school.systemToken(), UPSERT, payload);

        assertEquals(Map.of("classesCreated", 0, "classesUpdated", 0, "studentsCreated", 0, "studentsUpdated", 0,
                "guardiansCreated", 0, "guardiansUpdated", 0, "guardiansRemoved", 0),
                again.getMap("data.upsertRoster.summary"));
        assertEquals(before, call(school.systemToken(), MY_CLASSES).prettify());
    }

    @Test
    void changedRowsUpdateInPlaceAndContactsTheSystemNoLongerSendsAreRemoved() {
        SchoolRef school = fixtures.school();
        Person mother = fixtures.person();
        Person father = fixtures.person();
        call(school.systemToken(), UPSERT, typicalRoster(fixtures.teacher(), mother, father));
        // a contact a class teacher recorded by hand is not the school system's to remove
        String firstStudent = call(school.systemToken(), MY_CLASSES).getString(
                "data.myClasses.find { it.externalId == 'c-5a' }.students[0].id");
        Person aunt = fixtures.person();
        fixtures.guardianOf(java.util.UUID.fromString(firstStudent), aunt);

        Map<String, Object> moved = student("s-1", "c-6b", List.of(guardian("g-1", mother)));
        moved.put("status", "WITHDRAWN");
        JsonPath answer = call(school.systemToken(), UPSERT, roster(List.of(), List.of(moved)));

        assertEquals(Map.of("classesCreated", 0, "classesUpdated", 0, "studentsCreated", 0, "studentsUpdated", 1,
                "guardiansCreated", 0, "guardiansUpdated", 0, "guardiansRemoved", 1),
                answer.getMap("data.upsertRoster.summary"));
        JsonPath classes = call(school.systemToken(), MY_CLASSES);
        assertEquals(List.of(), classes.getList("data.myClasses.find { it.externalId == 'c-5a' }.students"));
        String movedPath = "data.myClasses.find { it.externalId == 'c-6b' }.students.find { it.externalId == 's-1' }";
        assertEquals(firstStudent, classes.getString(movedPath + ".id"));
        assertEquals("WITHDRAWN", classes.getString(movedPath + ".status"));
        // g-2 is gone, g-1 stays, and so does the teacher's own record (no external id)
        List<String> keys = classes.getList(movedPath + ".guardians.externalId");
        assertEquals(2, keys.size());
        assertEquals(java.util.Arrays.asList("g-1", null), keys.stream().sorted(java.util.Comparator.nullsLast(
                java.util.Comparator.naturalOrder())).toList());
        // withdrawn: the mother keeps access only to s-2, the father loses it
        assertEquals(1, call(mother.token(), DIARY_ACCESS).getList("data.diaryAccess.children").size());
        assertEquals(List.of(), call(father.token(), DIARY_ACCESS).getList("data.diaryAccess.children"));
        assertEquals(List.of(), call(aunt.token(), DIARY_ACCESS).getList("data.diaryAccess.children"));
    }

    @Test
    void aPayloadWithBadRowsIsRefusedWholeWithEveryBadRowNamed() {
        SchoolRef school = fixtures.school();
        Person mother = fixtures.person();
        Map<String, Object> badPhone = student("s-2", "c-1", List.of(guardian("g-1", mother)));
        ((Map<String, Object>) ((List<?>) badPhone.get("guardians")).get(0)).put("phone", "12345");
        Map<String, Object> badDate = student("s-3", "c-1", List.of());
        badDate.put("birthDate", "1899-01-01");
        Map<String, Object> future = student("s-4", "c-1", List.of());
        future.put("birthDate", "2999-01-01");
        Map<String, Object> badName = student("s-5", "c-1", List.of());
        badName.put("lastName", "Robert'); DROP TABLE student;--");

        JsonPath answer = call(school.systemToken(), UPSERT, roster(
                List.of(Map.of("externalId", "c-1", "name", "1А"), Map.of("externalId", "c-1", "name", "1Б"),
                        Map.of("externalId", "c-2", "name", "2А", "teacherSnils", "123-456-789 00")),
                List.of(student("s-1", "c-1", List.of()), badPhone, badDate, future, badName,
                        student("s-1", "c-1", List.of()), student("s-6", "c-unknown", List.of()))));

        assertNull(answer.get("data.upsertRoster.summary"));
        Map<String, String> errors = answer.getList("data.upsertRoster.userErrors", Map.class).stream()
                .collect(Collectors.toMap(e -> (String) e.get("field"), e -> (String) e.get("code")));
        assertEquals(Map.of(
                "classes[1].externalId", "DUPLICATE",
                "classes[2].teacherSnils", "INVALID_SNILS",
                "students[1].guardians[0].phone", "INVALID_PHONE",
                "students[2].birthDate", "INVALID_DATE",
                "students[3].birthDate", "INVALID_DATE",
                "students[4].lastName", "INVALID_NAME",
                "students[5].externalId", "DUPLICATE",
                "students[6].classExternalId", "UNKNOWN_REFERENCE"), errors);
        assertEquals(List.of(), call(school.systemToken(), MY_CLASSES).getList("data.myClasses"));
    }

    @Test
    void aBadPhoneAndAnUnknownClassInOnePayloadAreBothNamedInOneAnswer() {
        SchoolRef school = fixtures.school();
        Map<String, Object> badPhone = student("s-1", "c-1", List.of());
        badPhone.put("phone", "12345");
        Map<String, Object> nowhere = student("s-2", "c-nowhere", List.of());

        JsonPath answer = call(school.systemToken(), UPSERT_WITH_MESSAGES,
                roster(List.of(Map.of("externalId", "c-1", "name", "1А")), List.of(badPhone, nowhere)));

        assertNull(answer.get("data.upsertRoster.summary"));
        assertEquals(List.of(Map.of("field", "students[0].phone", "code", "INVALID_PHONE"),
                Map.of("field", "students[1].classExternalId", "code", "UNKNOWN_REFERENCE")),
                answer.getList("data.upsertRoster.userErrors", Map.class).stream()
                        .map(e -> Map.of("field", e.get("field"), "code", e.get("code"))).toList());
        // Russian messages that never repeat what was sent
        for (String message : answer.<String>getList("data.upsertRoster.userErrors.message")) {
            assertTrue(message.matches("[А-Яа-яЁё0-9 ,.+\\-—]+"), message);
            assertFalse(message.contains("12345") || message.contains("c-nowhere"), message);
        }
        assertEquals(List.of(), call(school.systemToken(), MY_CLASSES).getList("data.myClasses"));

        // fixed, the same payload goes through, and again changes nothing
        badPhone.remove("phone");
        nowhere.put("classExternalId", "c-1");
        var fixed = roster(List.of(Map.of("externalId", "c-1", "name", "1А")), List.of(badPhone, nowhere));
        assertEquals(2, call(school.systemToken(), UPSERT, fixed).getInt("data.upsertRoster.summary.studentsCreated"));
        assertEquals(0, call(school.systemToken(), UPSERT, fixed).getInt("data.upsertRoster.summary.studentsCreated"));
    }

    @Test
    void anotherSchoolsClassIsNamedExactlyLikeAClassThatDoesNotExist() {
        SchoolRef mine = fixtures.school();
        SchoolRef theirs = fixtures.school();
        call(theirs.systemToken(), UPSERT, roster(List.of(Map.of("externalId", "c-theirs", "name", "1А")), List.of()));

        JsonPath foreign = call(mine.systemToken(), UPSERT_WITH_MESSAGES,
                roster(List.of(), List.of(student("s-1", "c-theirs", List.of()))));
        JsonPath unknown = call(mine.systemToken(), UPSERT_WITH_MESSAGES,
                roster(List.of(), List.of(student("s-1", "c-none", List.of()))));

        assertEquals(List.of(Map.of("field", "students[0].classExternalId", "code", "UNKNOWN_REFERENCE",
                "message", "Ссылка на запись, которой нет в запросе или в школе.")),
                foreign.getList("data.upsertRoster.userErrors"));
        assertEquals(unknown.getList("data.upsertRoster.userErrors"), foreign.getList("data.upsertRoster.userErrors"));
        assertEquals(List.of(), call(mine.systemToken(), MY_CLASSES).getList("data.myClasses"));
        assertEquals(List.of(), call(theirs.systemToken(), MY_CLASSES).getList("data.myClasses[0].students"));
    }

    @Test
    void unknownClassesAreLookedUpWithOneQueryWhateverTheirNumber() {
        SchoolRef school = fixtures.school();
        long one = statementsFor(school, 1);
        long many = statementsFor(school, 40);

        assertEquals(one, many, "statements for 1 and for 40 unknown classes");
    }

    private long statementsFor(SchoolRef school, int students) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < students; i++) {
            rows.add(student("s-" + i, "c-missing-" + i, List.of()));
        }
        var payload = roster(List.of(), rows);
        var statistics = sessionFactory.getStatistics();
        long before = statistics.getPrepareStatementCount();
        JsonPath answer = call(school.systemToken(), UPSERT, payload);
        long used = statistics.getPrepareStatementCount() - before;
        assertEquals(students, answer.getList("data.upsertRoster.userErrors").size());
        return used;
    }

    @Test
    void aRosterOfGarbageAnswersTheFirstHundredErrorsAfterTooManyErrors() {
        SchoolRef school = fixtures.school();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            Map<String, Object> row = student("s-" + i, "c-" + i, List.of());
            row.put("phone", "12345");
            row.put("birthDate", "2999-01-01");
            rows.add(row);
        }

        JsonPath answer = call(school.systemToken(), UPSERT, roster(List.of(), rows));

        List<Map<String, String>> errors = answer.getList("data.upsertRoster.userErrors");
        assertEquals(101, errors.size());
        assertEquals(Map.of("field", "", "code", "TOO_MANY_ERRORS"), errors.get(0));
        // in input order: three per row, so rows 0–33 are named
        assertEquals(Map.of("field", "students[0].birthDate", "code", "INVALID_DATE"), errors.get(1));
        assertEquals(Map.of("field", "students[33].birthDate", "code", "INVALID_DATE"), errors.get(100));
        assertEquals(List.of(), call(school.systemToken(), MY_CLASSES).getList("data.myClasses"));
    }

    @Test
    void exactlyAsManyErrorsAsTheCapAreAllNamedWithoutTooManyErrors() {
        SchoolRef school = fixtures.school();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            rows.add(student("s-" + i, "c-missing", List.of()));
        }

        JsonPath answer = call(school.systemToken(), UPSERT, roster(List.of(), rows));

        List<String> codes = answer.getList("data.upsertRoster.userErrors.code");
        assertEquals(100, codes.size());
        assertEquals(java.util.Set.of("UNKNOWN_REFERENCE"), java.util.Set.copyOf(codes));
    }

    @Test
    void tooManyGuardiansForOneStudentIsNamedWithTheOtherBadRows() {
        SchoolRef school = fixtures.school();
        List<Map<String, Object>> guardians = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            guardians.add(guardian("g-" + i, fixtures.person()));
        }
        Map<String, Object> badName = student("s-2", "c-1", List.of());
        badName.put("firstName", "П3тр");

        JsonPath answer = call(school.systemToken(), UPSERT, roster(List.of(Map.of("externalId", "c-1", "name", "1А")),
                List.of(student("s-1", "c-1", guardians), badName)));

        assertEquals(List.of(Map.of("field", "students[0].guardians", "code", "TOO_MANY"),
                Map.of("field", "students[1].firstName", "code", "INVALID_NAME")),
                answer.getList("data.upsertRoster.userErrors"));
    }

    @Test
    void aStudentInAClassNeitherSentNorStoredIsAnUnknownReferenceAndNothingIsStored() {
        SchoolRef school = fixtures.school();

        JsonPath answer = call(school.systemToken(), UPSERT, roster(
                List.of(Map.of("externalId", "c-1", "name", "1А")),
                List.of(student("s-1", "c-1", List.of()), student("s-2", "c-9", List.of()))));

        assertEquals(List.of(Map.of("field", "students[1].classExternalId", "code", "UNKNOWN_REFERENCE")),
                answer.getList("data.upsertRoster.userErrors"));
        assertEquals(List.of(), call(school.systemToken(), MY_CLASSES).getList("data.myClasses"));
    }

    @Test
    void classesSentEarlierCanBeReferencedLater() {
        SchoolRef school = fixtures.school();
        call(school.systemToken(), UPSERT, roster(List.of(Map.of("externalId", "c-1", "name", "1А")), List.of()));

        JsonPath answer = call(school.systemToken(), UPSERT, roster(List.of(), List.of(student("s-1", "c-1", List.of()))));

        assertEquals(1, answer.getInt("data.upsertRoster.summary.studentsCreated"));
    }

    @Test
    void externalIdsAreScopedToTheSchool() {
        SchoolRef first = fixtures.school();
        SchoolRef second = fixtures.school();
        var classes = List.<Map<String, Object>>of(Map.of("externalId", "c-1", "name", "1А"));
        call(first.systemToken(), UPSERT, roster(classes, List.of(student("s-1", "c-1", List.of()))));

        JsonPath answer = call(second.systemToken(), UPSERT, roster(classes, List.of(student("s-1", "c-1", List.of()))));

        assertEquals(1, answer.getInt("data.upsertRoster.summary.studentsCreated"));
        assertEquals(1, call(first.systemToken(), MY_CLASSES).getList("data.myClasses[0].students").size());
    }

    @Test
    void onlyASchoolSystemMayUpsertARoster() {
        Person teacher = fixtures.teacher();
        var payload = roster(List.of(Map.of("externalId", "c-1", "name", "1А")), List.of());

        assertEquals("FORBIDDEN", errorCode(call(teacher.token(), UPSERT, payload)));
        assertEquals("FORBIDDEN", errorCode(call(fixtures.person().token(), UPSERT, payload)));
        assertEquals("UNAUTHENTICATED", errorCode(call(null, UPSERT, payload)));
    }

    @Test
    void aSchoolSystemBoundToNoSchoolIsForbidden() {
        String token = ru.ediary.test.Tokens.schoolSystem(TestData.unique("unbound"));
        assertEquals("FORBIDDEN", errorCode(call(token, UPSERT, roster(List.of(), List.of()))));
    }

    @Test
    void anOversizedRosterIsRefusedBeforeAnyRowIsRead() {
        SchoolRef school = fixtures.school();
        List<Map<String, Object>> students = new ArrayList<>();
        for (int i = 0; i < 5001; i++) {
            students.add(Map.of("externalId", "s-" + i, "classExternalId", "c", "lastName", "А", "firstName", "Б",
                    "birthDate", "2014-01-01", "status", "ENROLLED", "guardians", List.of()));
        }

        JsonPath answer = call(school.systemToken(), UPSERT, roster(List.of(), students));

        assertEquals(List.of(Map.of("field", "students", "code", "TOO_MANY")), answer.getList("data.upsertRoster.userErrors"));
    }
}
