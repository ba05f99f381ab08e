package ru.ediary.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static ru.ediary.test.GraphQL.call;
import static ru.ediary.test.GraphQL.errorCode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import ru.ediary.notification.NotificationKind;
import ru.ediary.notification.NotificationService;
import ru.ediary.test.Fixtures;
import ru.ediary.test.Fixtures.ClassRef;
import ru.ediary.test.Fixtures.Person;
import ru.ediary.trust.InvitationActivator;
import ru.ediary.trust.TrustStepsAccess;

/**
 * Every query and mutation of the served schema, called by outsiders with the ids of a family they must not
 * reach. Operations are discovered from the schema, so a new operation without a case here fails this test.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class AuthorizationSweepTest {

    /** REFUSE: must answer NOT_FOUND, FORBIDDEN or UNAUTHENTICATED with no data. SELF: the caller's own scope. */
    enum Kind {
        REFUSE,
        SELF
    }

    record Case(Kind kind, String document) {
    }

    @Inject
    Fixtures fixtures;
    @Inject
    InvitationActivator activator;
    @Inject
    NotificationService notifications;

    @Transactional
    UUID notify(Person person) {
        notifications.notify(person.id(), NotificationKind.INVITATION_RECEIVED, "Секрет", "Секрет", null, null);
        return ru.ediary.notification.Notification.<ru.ediary.notification.Notification>find(
                "accountId = ?1 order by createdAt desc", person.id()).firstResult().id;
    }

    private static Map<String, Case> cases(Map<String, String> v) {
        Map<String, Case> c = new LinkedHashMap<>();
        // queries
        c.put("me", new Case(Kind.SELF, "{ me { id fullName email phone snils } }"));
        c.put("diaryAccess", new Case(Kind.SELF, "{ diaryAccess { children { child { id fullName } } } }"));
        c.put("myChildren", new Case(Kind.SELF, "{ myChildren { id fullName } }"));
        c.put("child", new Case(Kind.REFUSE, "{ child(id: \"%child%\") { id fullName } }"));
        c.put("diary", new Case(Kind.REFUSE, "{ diary(childId: \"%child%\") { edges { node { id subject } } } }"));
        c.put("myClasses", new Case(Kind.SELF, "{ myClasses { id students { id externalId guardians { id } } } }"));
        c.put("invitationPreview", new Case(Kind.SELF, "{ invitationPreview(input: {service: ELECTRONIC_DIARY,"
                + " childIds: [\"%child%\"], phone: \"%phone%\", surname: \"%surname%\"}) { preview { inviteeFullName"
                + " children { id fullName } } userErrors { code } } }"));
        c.put("sentInvitations", new Case(Kind.SELF, "{ sentInvitations { edges { node { id } } } }"));
        c.put("receivedInvitations", new Case(Kind.SELF, "{ receivedInvitations { edges { node { id } } } }"));
        c.put("trustedPersons", new Case(Kind.REFUSE, "{ trustedPersons(childId: \"%child%\") { id } }"));
        c.put("notifications", new Case(Kind.SELF, "{ notifications { edges { node { id title } } } }"));
        c.put("auditLog", new Case(Kind.REFUSE, "{ auditLog(childId: \"%child%\") { edges { node { id } } } }"));
        // mutations
        c.put("updateMyProfile", new Case(Kind.SELF, "mutation { updateMyProfile(input: {middleName: \"Иванович\"})"
                + " { account { id } userErrors { code } } }"));
        c.put("confirmContact", new Case(Kind.SELF, "mutation { confirmContact(input: {channel: PHONE, code: \"123456\"})"
                + " { account { id } userErrors { code } } }"));
        c.put("recordGuardianContact", new Case(Kind.REFUSE, "mutation { recordGuardianContact(input: {id: \"%contact%\","
                + " lastName: \"Взломова\", firstName: \"Ева\", relation: MOTHER, email: \"eve@example.ru\","
                + " phone: \"+79160000099\"}) { contact { id } } }"));
        c.put("removeGuardianContact", new Case(Kind.REFUSE, "mutation { removeGuardianContact(id: \"%contact%\") { removedId } }"));
        c.put("recordStudentContacts", new Case(Kind.REFUSE, "mutation { recordStudentContacts(input: {studentId:"
                + " \"%child%\", email: \"eve@example.ru\", phone: \"+79160000099\"}) { student { id } } }"));
        c.put("upsertRoster", new Case(Kind.SELF, "mutation { upsertRoster(input: {classes: [], students: [{externalId:"
                + " \"%studentKey%\", classExternalId: \"%classKey%\", lastName: \"Взломов\", firstName: \"Ева\","
                + " birthDate: \"2015-01-01\", status: WITHDRAWN, guardians: []}]}) { summary { studentsUpdated }"
                + " userErrors { field code } } }"));
        c.put("upsertDiaryEntries", new Case(Kind.SELF, "mutation { upsertDiaryEntries(input: {entries: [{externalId:"
                + " \"x-1\", studentExternalId: \"%studentKey%\", date: \"" + LocalDate.now() + "\", lessonNumber: 1,"
                + " subject: \"Взлом\", marks: []}]}) { created userErrors { field code } } }"));
        c.put("upsertLessons", new Case(Kind.SELF, "mutation { upsertLessons(input: {lessons: [{externalId: \"x-2\","
                + " classExternalId: \"%classKey%\", date: \"" + LocalDate.now() + "\", lessonNumber: 2, subject: \"Взлом\","
                + " pupils: [{studentExternalId: \"%studentKey%\", attendance: ABSENT, marks: []}]}]}) { created"
                + " userErrors { field code } } }"));
        c.put("upsertLessonGroups", new Case(Kind.SELF, "mutation { upsertLessonGroups(input: {groups: [{externalId:"
                + " \"x-3\", classExternalId: \"%classKey%\", name: \"Взлом\", studentExternalIds: [\"%studentKey%\"]}]})"
                + " { created userErrors { field code } } }"));
        c.put("sendInvitation", new Case(Kind.SELF, "mutation { sendInvitation(idempotencyKey: \"sweep-key-1\","
                + " input: {service: ELECTRONIC_DIARY, childIds: [\"%child%\"], phone: \"%phone%\","
                + " surname: \"%surname%\"}) { invitation { id } userErrors { code } } }"));
        c.put("acceptInvitation", new Case(Kind.REFUSE, "mutation { acceptInvitation(id: \"%invitation%\") { invitation { id } } }"));
        c.put("declineInvitation", new Case(Kind.REFUSE, "mutation { declineInvitation(id: \"%invitation%\") { invitation { id } } }"));
        c.put("cancelInvitation", new Case(Kind.REFUSE, "mutation { cancelInvitation(id: \"%invitation%\") { invitation { id } } }"));
        c.put("revokeTrustedAccess", new Case(Kind.REFUSE, "mutation { revokeTrustedAccess(id: \"%grant%\") { trustedAccess { id } } }"));
        c.put("renounceTrustedAccess", new Case(Kind.REFUSE, "mutation { renounceTrustedAccess(id: \"%grant%\") { trustedAccess { id } } }"));
        c.put("markNotificationsRead", new Case(Kind.REFUSE, "mutation { markNotificationsRead(ids: [\"%notification%\"]) { marked } }"));
        Map<String, Case> filled = new LinkedHashMap<>();
        c.forEach((name, k) -> {
            String document = k.document();
            for (var value : v.entrySet()) {
                document = document.replace("%" + value.getKey() + "%", value.getValue());
            }
            filled.put(name, new Case(k.kind(), document));
        });
        return filled;
    }

    @Test
    void everyOperationRefusesOutsidersAndLeaksNothing() throws Exception {
        // the victims: a family with a contact, a pending invitation, an active trusted person, a notification
        Person teacher = fixtures.teacher();
        ClassRef schoolClass = fixtures.schoolClass(fixtures.school(), teacher);
        UUID child = fixtures.student(schoolClass);
        Person parent = fixtures.person();
        UUID contact = fixtures.guardianOf(child, parent);
        Person invitee = fixtures.invitee("Приглашённова");
        String invitation = TrustStepsAccess.invite(parent, invitee, child);
        Person trusted = fixtures.invitee("Довереннова");
        TrustStepsAccess.accept(trusted, TrustStepsAccess.invite(parent, trusted, child));
        activator.runOnce();
        String grant = call(parent.token(), "query($c: ID!) { trustedPersons(childId: $c) { id } }",
                Map.of("c", child.toString())).getString("data.trustedPersons[0].id");
        UUID notification = notify(parent);
        String studentKey = fixtures.studentRecord(child).externalId;
        String classKey = classKeyOf(schoolClass.id());

        Map<String, String> values = Map.of("child", child.toString(), "contact", contact.toString(),
                "invitation", invitation, "grant", grant, "notification", notification.toString(),
                "studentKey", studentKey, "classKey", classKey, "phone", trusted.phone(), "surname", trusted.lastName());
        Map<String, Case> cases = cases(values);

        // operations come from the schema: a new one without a case fails here
        // (graphql-java refuses __Type.fields twice in one document as bad-faith introspection, so two requests)
        Set<String> operations = new TreeSet<>(
                call(fixtures.person().token(), "{ __schema { queryType { fields { name } } } }").getList("data.__schema.queryType.fields.name"));
        operations.addAll(call(fixtures.person().token(), "{ __schema { mutationType { fields { name } } } }")
                .getList("data.__schema.mutationType.fields.name"));
        assertEquals(operations, new TreeSet<>(cases.keySet()), "every operation needs a case in this sweep");

        Person teacherOfAnotherClass = fixtures.teacher();
        fixtures.schoolClass(schoolClass.school(), teacherOfAnotherClass);
        Map<String, String> outsiders = new LinkedHashMap<>();
        outsiders.put("no token", null);
        outsiders.put("a parent of another family", fixtures.family().parent().token());
        outsiders.put("a teacher of another class", teacherOfAnotherClass.token());
        outsiders.put("the system of another school", fixtures.school().systemToken());
        List<String> secrets = List.of(child.toString(), contact.toString(), invitation, grant, notification.toString(),
                studentKey, parent.email());

        List<String> failures = new ArrayList<>();
        for (var outsider : outsiders.entrySet()) {
            for (var operation : cases.entrySet()) {
                String where = operation.getKey() + " by " + outsider.getKey();
                JsonPath answer = call(outsider.getValue(), operation.getValue().document());
                String body = answer.prettify();
                for (String secret : secrets) {
                    if (body.contains(secret)) {
                        failures.add(where + " leaked " + secret + ": " + body);
                    }
                }
                if (operation.getValue().kind() == Kind.REFUSE || outsider.getValue() == null) {
                    String code = errorCode(answer);
                    if (!Set.of("NOT_FOUND", "FORBIDDEN", "UNAUTHENTICATED").contains(code) || answer.get("data") != null) {
                        failures.add(where + " was not refused: " + body);
                    }
                }
            }
        }
        assertEquals(List.of(), failures);

        // and nothing changed
        assertEquals(List.of(contact), fixtures.contactsOf(child).stream().map(g -> g.id).toList());
        assertEquals("Родителева", fixtures.contactsOf(child).get(0).lastName);
        assertNull(fixtures.studentRecord(child).email);
        assertEquals("ENROLLED", fixtures.studentRecord(child).status.name());
        assertEquals(1, fixtures.count("select count(*) from invitation where id = cast(?1 as uuid) and status = 'PENDING'", invitation));
        assertEquals(1, fixtures.count("select count(*) from trusted_access where id = cast(?1 as uuid) and revoked_at is null", grant));
        assertEquals(1, fixtures.count("select count(*) from notification where id = ?1 and read_at is null", notification));
        assertEquals(0, fixtures.count("select count(*) from diary_entry where student_id = ?1", child));
        assertEquals(0, fixtures.count("select count(*) from lesson_group_member where student_id = ?1", child));
    }

    @Transactional
    String classKeyOf(UUID classId) {
        return ((ru.ediary.school.SchoolClass) ru.ediary.school.SchoolClass.findById(classId)).externalId;
    }
}
