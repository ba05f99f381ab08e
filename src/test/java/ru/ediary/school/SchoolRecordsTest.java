package ru.ediary.school;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.ediary.test.GraphQL.call;
import static ru.ediary.test.GraphQL.errorCode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import ru.ediary.test.Fixtures;
import ru.ediary.test.Fixtures.ClassRef;
import ru.ediary.test.Fixtures.Person;
import ru.ediary.test.Fixtures.SchoolRef;
import ru.ediary.test.TestData;

/** Class teachers and school systems record contacts, each within their own class or school. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class SchoolRecordsTest {

    private static final String RECORD = """
            mutation($input: GuardianContactInput!) {
              recordGuardianContact(input: $input) {
                contact { id fullName relation maskedEmail maskedPhone }
                userErrors { field code }
              }
            }""";
    private static final String REMOVE =
            "mutation($id: ID!) { removeGuardianContact(id: $id) { removedId userErrors { code } } }";
    private static final String STUDENT_CONTACTS = """
            mutation($input: StudentContactsInput!) {
              recordStudentContacts(input: $input) { student { id maskedEmail maskedPhone } userErrors { field code } }
            }""";
    private static final String MY_CLASSES =
            "{ myClasses { id name students { id fullName maskedPhone guardians { id maskedEmail maskedPhone } } } }";
    private static final String DIARY_ACCESS = "{ diaryAccess { children { child { id } } } }";

    @Inject
    Fixtures fixtures;

    /** A school with a class led by {@code teacher}, and one student in it. */
    record Setting(SchoolRef school, Person teacher, ClassRef schoolClass, UUID student) {
    }

    private Setting setting() {
        SchoolRef school = fixtures.school();
        Person teacher = fixtures.teacher();
        ClassRef schoolClass = fixtures.schoolClass(school, teacher);
        return new Setting(school, teacher, schoolClass, fixtures.student(schoolClass));
    }

    private static Map<String, Object> contact(UUID student, Person parent) {
        Map<String, Object> input = new HashMap<>();
        input.put("studentId", student.toString());
        input.put("lastName", "Иванова");
        input.put("firstName", "Анна");
        input.put("middleName", "Сергеевна");
        input.put("relation", "MOTHER");
        input.put("email", parent.email().toUpperCase());
        input.put("phone", "8" + parent.phone().substring(2));
        return input;
    }

    @Test
    void theClassTeacherRecordsAParentsContactsAndTheParentGainsAccess() {
        Setting s = setting();
        Person parent = fixtures.person();
        assertEquals(List.of(), call(parent.token(), DIARY_ACCESS).getList("data.diaryAccess.children"));

        JsonPath answer = call(s.teacher().token(), RECORD, Map.of("input", contact(s.student(), parent)));

        assertEquals(List.of(), answer.getList("data.recordGuardianContact.userErrors"));
        assertEquals("Иванова Анна Сергеевна", answer.getString("data.recordGuardianContact.contact.fullName"));
        // the teacher reads the contact back masked
        String maskedPhone = answer.getString("data.recordGuardianContact.contact.maskedPhone");
        assertTrue(maskedPhone.contains("*") && !maskedPhone.equals(parent.phone()), maskedPhone);
        var stored = fixtures.contactsOf(s.student());
        assertEquals(1, stored.size());
        assertEquals(parent.email(), stored.get(0).email);
        assertEquals(parent.phone(), stored.get(0).phone);
        assertEquals(List.of(s.student().toString()),
                call(parent.token(), DIARY_ACCESS).getList("data.diaryAccess.children.child.id"));
    }

    @Test
    void theSchoolSystemRecordsContactsForAnyStudentOfItsSchool() {
        Setting s = setting();
        Person parent = fixtures.person();

        JsonPath answer = call(s.school().systemToken(), RECORD, Map.of("input", contact(s.student(), parent)));

        assertEquals(List.of(), answer.getList("data.recordGuardianContact.userErrors"));
        assertEquals(1, fixtures.contactsOf(s.student()).size());
    }

    @Test
    void aTeacherOfAnotherClassOrASystemOfAnotherSchoolFindsNoSuchStudentAndStoresNothing() {
        Setting s = setting();
        Person parent = fixtures.person();
        Person otherTeacher = fixtures.teacher();
        fixtures.schoolClass(s.school(), otherTeacher);
        SchoolRef otherSchool = fixtures.school();

        for (String outsider : List.of(otherTeacher.token(), otherSchool.systemToken())) {
            JsonPath answer = call(outsider, RECORD, Map.of("input", contact(s.student(), parent)));
            assertEquals("NOT_FOUND", errorCode(answer));
            assertNull(answer.get("data"));
        }
        assertEquals(List.of(), fixtures.contactsOf(s.student()));
    }

    @Test
    void aParentOrAnyoneWithoutAStaffRoleIsForbidden() {
        Setting s = setting();
        Person parent = fixtures.person();
        fixtures.guardianOf(s.student(), parent);

        assertEquals("FORBIDDEN", errorCode(call(parent.token(), RECORD, Map.of("input", contact(s.student(), parent)))));
        assertEquals("FORBIDDEN", errorCode(call(parent.token(), MY_CLASSES)));
        assertEquals("UNAUTHENTICATED", errorCode(call(null, RECORD, Map.of("input", contact(s.student(), parent)))));
        assertEquals("UNAUTHENTICATED", errorCode(call(null, MY_CLASSES)));
        assertEquals(1, fixtures.contactsOf(s.student()).size());
    }

    @Test
    void aTeacherRoleWithoutALedClassReachesNoStudent() {
        Setting s = setting();
        Person teacherOfNothing = fixtures.teacher();

        assertEquals(List.of(), call(teacherOfNothing.token(), MY_CLASSES).getList("data.myClasses"));
        assertEquals("NOT_FOUND", errorCode(call(teacherOfNothing.token(), RECORD,
                Map.of("input", contact(s.student(), fixtures.person())))));
    }

    @Test
    void correctingARecordChangesItInPlace() {
        Setting s = setting();
        Person parent = fixtures.person();
        UUID contactId = fixtures.guardian(s.student(), TestData.email(), TestData.mobile());
        Map<String, Object> input = contact(s.student(), parent);
        input.put("id", contactId.toString());

        JsonPath answer = call(s.teacher().token(), RECORD, Map.of("input", input));

        assertEquals(contactId.toString(), answer.getString("data.recordGuardianContact.contact.id"));
        var stored = fixtures.contactsOf(s.student());
        assertEquals(1, stored.size());
        assertEquals(parent.email(), stored.get(0).email);
    }

    @Test
    void invalidContactsAreRefusedWithEveryFieldNamedAndNothingStored() {
        Setting s = setting();
        Map<String, Object> input = new HashMap<>();
        input.put("studentId", s.student().toString());
        input.put("lastName", " ");
        input.put("firstName", "Анна<script>");
        input.put("relation", "MOTHER");
        input.put("email", "anna");
        input.put("phone", "+7 495 123 45 67");

        JsonPath answer = call(s.teacher().token(), RECORD, Map.of("input", input));

        List<Map<String, String>> errors = answer.getList("data.recordGuardianContact.userErrors");
        assertEquals(Map.of("lastName", "REQUIRED", "firstName", "INVALID_NAME", "email", "INVALID_EMAIL",
                "phone", "INVALID_PHONE"), toMap(errors));
        assertEquals(List.of(), fixtures.contactsOf(s.student()));
    }

    @Test
    void aWrongEnumValueIsAGraphQLValidationErrorThatReachesNoResolver() {
        Setting s = setting();
        Map<String, Object> input = contact(s.student(), fixtures.person());
        input.put("relation", "GRANDMOTHER");

        JsonPath answer = call(s.teacher().token(), RECORD, Map.of("input", input));

        assertNull(answer.get("data"));
        assertTrue(answer.getList("errors").size() >= 1);
        assertEquals(List.of(), fixtures.contactsOf(s.student()));
    }

    @Test
    void aStudentCannotCollectMoreContactsThanTheLimit() {
        Setting s = setting();
        for (int i = 0; i < 6; i++) {
            fixtures.guardian(s.student(), TestData.email(), TestData.mobile());
        }

        JsonPath answer = call(s.teacher().token(), RECORD, Map.of("input", contact(s.student(), fixtures.person())));

        assertEquals("TOO_MANY", answer.getString("data.recordGuardianContact.userErrors[0].code"));
        assertEquals(6, fixtures.contactsOf(s.student()).size());
    }

    @Test
    void removingAContactEndsTheParentsAccess() {
        Setting s = setting();
        Person parent = fixtures.person();
        UUID contactId = fixtures.guardianOf(s.student(), parent);
        assertEquals(1, call(parent.token(), DIARY_ACCESS).getList("data.diaryAccess.children").size());

        // outsiders first: nothing happens
        assertEquals("FORBIDDEN", errorCode(call(parent.token(), REMOVE, Map.of("id", contactId.toString()))));
        assertEquals("NOT_FOUND", errorCode(call(fixtures.school().systemToken(), REMOVE, Map.of("id", contactId.toString()))));
        assertEquals(1, fixtures.contactsOf(s.student()).size());

        JsonPath answer = call(s.teacher().token(), REMOVE, Map.of("id", contactId.toString()));

        assertEquals(contactId.toString(), answer.getString("data.removeGuardianContact.removedId"));
        assertEquals(List.of(), fixtures.contactsOf(s.student()));
        assertEquals(List.of(), call(parent.token(), DIARY_ACCESS).getList("data.diaryAccess.children"));
        // removing it again: it no longer exists
        assertEquals("NOT_FOUND", errorCode(call(s.teacher().token(), REMOVE, Map.of("id", contactId.toString()))));
    }

    @Test
    void recordingAStudentsOwnContactsGivesTheStudentAccess() {
        Setting s = setting();
        Person student = fixtures.person();

        JsonPath answer = call(s.teacher().token(), STUDENT_CONTACTS, Map.of("input", Map.of(
                "studentId", s.student().toString(), "email", student.email(), "phone", student.phone())));

        assertEquals(List.of(), answer.getList("data.recordStudentContacts.userErrors"));
        assertEquals(List.of(s.student().toString()),
                call(student.token(), DIARY_ACCESS).getList("data.diaryAccess.children.child.id"));

        // clearing the phone ends it
        call(s.teacher().token(), STUDENT_CONTACTS, Map.of("input", Map.of("studentId", s.student().toString(), "phone", "")));
        assertNull(fixtures.studentRecord(s.student()).phone);
        assertEquals(List.of(), call(student.token(), DIARY_ACCESS).getList("data.diaryAccess.children"));
    }

    @Test
    void studentContactsOutsideTheCallersScopeAreNotFoundAndUnchanged() {
        Setting s = setting();
        JsonPath answer = call(fixtures.school().systemToken(), STUDENT_CONTACTS, Map.of("input", Map.of(
                "studentId", s.student().toString(), "email", "x@example.ru", "phone", "+79161230000")));

        assertEquals("NOT_FOUND", errorCode(answer));
        assertNull(fixtures.studentRecord(s.student()).email);
        assertEquals("BAD_USER_INPUT", errorCode(call(s.teacher().token(), STUDENT_CONTACTS,
                Map.of("input", Map.of("studentId", "nope")))));
    }

    @Test
    void myClassesShowsATeachersOwnClassesAndASchoolSystemsWholeSchool() {
        Setting s = setting();
        ClassRef secondClass = fixtures.schoolClass(s.school(), null);
        fixtures.student(secondClass);
        fixtures.guardianOf(s.student(), fixtures.person());

        JsonPath teacherView = call(s.teacher().token(), MY_CLASSES);
        assertEquals(List.of(s.schoolClass().id().toString()), teacherView.getList("data.myClasses.id"));
        assertEquals(List.of(s.student().toString()), teacherView.getList("data.myClasses[0].students.id"));
        String maskedPhone = teacherView.getString("data.myClasses[0].students[0].guardians[0].maskedPhone");
        assertTrue(maskedPhone.matches("\\+7916\\*{5}\\d{2}"), maskedPhone);

        JsonPath systemView = call(s.school().systemToken(), MY_CLASSES);
        assertEquals(2, systemView.getList("data.myClasses").size());
        // a school system of a school with no classes sees none of this one's
        assertEquals(List.of(), call(fixtures.school().systemToken(), MY_CLASSES).getList("data.myClasses"));
    }

    private static Map<String, String> toMap(List<Map<String, String>> errors) {
        return errors.stream().collect(java.util.stream.Collectors.toMap(e -> e.get("field"), e -> e.get("code")));
    }
}
