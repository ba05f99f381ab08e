package ru.ediary.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.ediary.test.GraphQL.call;
import static ru.ediary.test.GraphQL.errorCode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import ru.ediary.school.EnrolmentStatus;
import ru.ediary.test.ContactSteps;
import ru.ediary.test.Fixtures;
import ru.ediary.test.Fixtures.ClassRef;
import ru.ediary.test.Fixtures.Person;
import ru.ediary.test.TestData;

/** Brief rules 1–3: direct access for parents and students, and the next steps when there is none. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class DirectAccessTest {

    private static final String DIARY_ACCESS =
            "{ diaryAccess { children { capacity child { id fullName } } nextSteps { code message } } }";
    private static final String MY_CHILDREN = "{ myChildren { id fullName birthDate status schoolClass { name } } }";
    private static final String CHILD = "query($id: ID!) { child(id: $id) { id fullName schoolClass { id } } }";

    @Inject
    Fixtures fixtures;

    private ClassRef newClass() {
        return fixtures.schoolClass(fixtures.school(), null);
    }

    @Test
    void parentWhoseEmailAndPhoneMatchTheSchoolRecordSeesTheChild() {
        UUID child = fixtures.student(newClass());
        Person parent = fixtures.person();
        fixtures.guardianOf(child, parent);

        JsonPath access = call(parent.token(), DIARY_ACCESS);

        assertEquals(List.of(child.toString()), access.getList("data.diaryAccess.children.child.id"));
        assertEquals("PARENT", access.getString("data.diaryAccess.children[0].capacity"));
        assertEquals(List.of(), access.getList("data.diaryAccess.nextSteps"));
    }

    @Test
    void emailIsComparedCaseInsensitivelyAndPhoneInE164() {
        UUID child = fixtures.student(newClass());
        Person parent = fixtures.person(null, null, null);
        String email = TestData.email();
        fixtures.guardian(child, email, "+79031112233");

        // the identity provider writes both differently from the school (issue 11: typed contacts count for nothing)
        String token = parent.token(Map.of("email", email.toUpperCase(), "email_verified", true,
                "phone_number", "8 (903) 111-22-33", "phone_number_verified", true));

        assertEquals(List.of(child.toString()), call(token, DIARY_ACCESS).getList("data.diaryAccess.children.child.id"));
    }

    @Test
    void matchingEmailWithADifferentPhoneGivesNoAccess() {
        UUID child = fixtures.student(newClass());
        Person parent = fixtures.person();
        fixtures.guardian(child, parent.email(), TestData.mobile());

        JsonPath access = call(parent.token(), DIARY_ACCESS);

        assertEquals(List.of(), access.getList("data.diaryAccess.children"));
        assertEquals(List.of("GIVE_CONTACTS_TO_CLASS_TEACHER"), access.getList("data.diaryAccess.nextSteps.code"));
    }

    @Test
    void mismatchingEmailGivesNoAccessAndTheStepsQuoteOnlyTheCallersOwnProfile() {
        UUID child = fixtures.student(newClass());
        Person parent = fixtures.person();
        String schoolEmail = TestData.email();
        fixtures.guardian(child, schoolEmail, parent.phone());

        JsonPath access = call(parent.token(), DIARY_ACCESS);

        assertEquals(List.of(), access.getList("data.diaryAccess.children"));
        assertEquals(List.of("GIVE_CONTACTS_TO_CLASS_TEACHER"), access.getList("data.diaryAccess.nextSteps.code"));
        String message = access.getString("data.diaryAccess.nextSteps[0].message");
        assertTrue(message.contains(parent.email()), message);
        assertTrue(message.contains("+7 916 "), message);
        // never a word about the school's record: neither its e-mail nor that the phone matched
        assertFalse(message.contains(schoolEmail), message);
        assertFalse(access.prettify().contains(schoolEmail));
        assertFalse(message.toLowerCase().contains("совпадает"), message);
    }

    @Test
    void parentWithoutPhoneIsToldToFillItInFirst() {
        UUID child = fixtures.student(newClass());
        Person parent = fixtures.person(TestData.email(), null, null);
        fixtures.guardian(child, parent.email(), TestData.mobile());

        JsonPath access = call(parent.token(), DIARY_ACCESS);

        assertEquals(List.of(), access.getList("data.diaryAccess.children"));
        assertEquals(List.of("FILL_PHONE", "GIVE_CONTACTS_TO_CLASS_TEACHER"),
                access.getList("data.diaryAccess.nextSteps.code"));
    }

    @Test
    void parentWithoutEmailIsToldToFillItInFirst() {
        UUID child = fixtures.student(newClass());
        Person parent = fixtures.person(null, TestData.mobile(), null);
        fixtures.guardian(child, TestData.email(), parent.phone());

        JsonPath access = call(parent.token(), DIARY_ACCESS);

        assertEquals(List.of("FILL_EMAIL", "GIVE_CONTACTS_TO_CLASS_TEACHER"),
                access.getList("data.diaryAccess.nextSteps.code"));
    }

    @Test
    void anEmptyProfileGetsEveryStep() {
        Person nobody = fixtures.person(null, null, null);

        assertEquals(List.of("FILL_EMAIL", "FILL_PHONE", "GIVE_CONTACTS_TO_CLASS_TEACHER"),
                call(nobody.token(), DIARY_ACCESS).getList("data.diaryAccess.nextSteps.code"));
    }

    @Test
    void twoParentsOfOneChildBothSeeIt() {
        UUID child = fixtures.student(newClass());
        Person mother = fixtures.person();
        Person father = fixtures.person();
        fixtures.guardianOf(child, mother);
        fixtures.guardianOf(child, father);

        assertEquals(List.of(child.toString()), call(mother.token(), MY_CHILDREN).getList("data.myChildren.id"));
        assertEquals(List.of(child.toString()), call(father.token(), MY_CHILDREN).getList("data.myChildren.id"));
    }

    @Test
    void aParentSeesEachOfTheirChildrenAndNoOtherChild() {
        ClassRef schoolClass = newClass();
        UUID first = fixtures.student(schoolClass);
        UUID second = fixtures.student(schoolClass);
        UUID someoneElses = fixtures.student(schoolClass);
        Person parent = fixtures.person();
        fixtures.guardianOf(first, parent);
        fixtures.guardianOf(second, parent);
        fixtures.guardianOf(someoneElses, fixtures.person());

        List<String> seen = call(parent.token(), MY_CHILDREN).getList("data.myChildren.id");

        assertEquals(2, seen.size());
        assertTrue(seen.containsAll(List.of(first.toString(), second.toString())));
    }

    @Test
    void aStudentWhoseProfileMatchesTheirOwnSchoolContactsSeesTheirDiary() {
        Person student = fixtures.person();
        UUID record = fixtures.student(newClass(), EnrolmentStatus.ENROLLED, student.email(), student.phone());

        JsonPath access = call(student.token(), DIARY_ACCESS);

        assertEquals(List.of(record.toString()), access.getList("data.diaryAccess.children.child.id"));
        assertEquals("SELF", access.getString("data.diaryAccess.children[0].capacity"));
        // a student is not their own parent
        assertEquals(List.of(), call(student.token(), MY_CHILDREN).getList("data.myChildren"));
        assertEquals(record.toString(), call(student.token(), CHILD, Map.of("id", record.toString())).getString("data.child.id"));
    }

    @Test
    void aStudentWhoseSchoolContactsDifferSeesNothing() {
        Person student = fixtures.person();
        fixtures.student(newClass(), EnrolmentStatus.ENROLLED, student.email(), TestData.mobile());

        assertEquals(List.of(), call(student.token(), DIARY_ACCESS).getList("data.diaryAccess.children"));
    }

    @Test
    void aWithdrawnStudentIsSeenByNobody() {
        Person student = fixtures.person();
        UUID record = fixtures.student(newClass(), EnrolmentStatus.WITHDRAWN, student.email(), student.phone());
        Person parent = fixtures.person();
        fixtures.guardianOf(record, parent);

        assertEquals(List.of(), call(parent.token(), DIARY_ACCESS).getList("data.diaryAccess.children"));
        assertEquals(List.of(), call(student.token(), DIARY_ACCESS).getList("data.diaryAccess.children"));
        assertEquals("NOT_FOUND", errorCode(call(parent.token(), CHILD, Map.of("id", record.toString()))));
    }

    @Test
    void accessFollowsCurrentDataOnTheNextRequest() {
        UUID child = fixtures.student(newClass());
        Person parent = fixtures.person();
        fixtures.guardianOf(child, parent);
        assertEquals(1, call(parent.token(), DIARY_ACCESS).getList("data.diaryAccess.children").size());

        // a new verified phone at the identity provider takes effect on the next request
        String newPhone = TestData.mobile();
        String moved = parent.token(Map.of("phone_number", newPhone, "phone_number_verified", true));
        assertEquals(List.of(), call(moved, DIARY_ACCESS).getList("data.diaryAccess.children"));

        // and so does the school's correction
        fixtures.guardian(child, parent.email(), newPhone);
        assertEquals(1, call(moved, DIARY_ACCESS).getList("data.diaryAccess.children").size());

        // a withdrawal too
        fixtures.setStatus(child, EnrolmentStatus.WITHDRAWN);
        assertEquals(List.of(), call(moved, DIARY_ACCESS).getList("data.diaryAccess.children"));
    }

    @Test
    void childIsVisibleToItsParentTeacherAndSchoolSystemOnly() {
        Person teacher = fixtures.teacher();
        var school = fixtures.school();
        ClassRef schoolClass = fixtures.schoolClass(school, teacher);
        UUID child = fixtures.student(schoolClass);
        Person parent = fixtures.person();
        fixtures.guardianOf(child, parent);
        Map<String, String> id = Map.of("id", child.toString());

        assertEquals(child.toString(), call(parent.token(), CHILD, id).getString("data.child.id"));
        assertEquals(child.toString(), call(teacher.token(), CHILD, id).getString("data.child.id"));
        assertEquals(child.toString(), call(school.systemToken(), CHILD, id).getString("data.child.id"));

        Person otherParent = fixtures.person();
        Person otherTeacher = fixtures.teacher();
        fixtures.schoolClass(school, otherTeacher);
        var otherSchool = fixtures.school();
        for (String outsider : List.of(otherParent.token(), otherTeacher.token(), otherSchool.systemToken())) {
            JsonPath answer = call(outsider, CHILD, id);
            assertEquals("NOT_FOUND", errorCode(answer));
            assertNull(answer.get("data"));
        }
        assertEquals("UNAUTHENTICATED", errorCode(call(null, CHILD, id)));
    }

    @Test
    void aForeignChildAnswersExactlyLikeAnUnknownOne() {
        UUID foreign = fixtures.student(newClass());
        Person parent = fixtures.person();

        JsonPath foreignAnswer = call(parent.token(), CHILD, Map.of("id", foreign.toString()));
        JsonPath unknownAnswer = call(parent.token(), CHILD, Map.of("id", UUID.randomUUID().toString()));

        assertEquals(unknownAnswer.getString("errors[0].message"), foreignAnswer.getString("errors[0].message"));
        assertEquals(unknownAnswer.getMap("errors[0].extensions"), foreignAnswer.getMap("errors[0].extensions"));
    }

    @Test
    void malformedIdsAreRefusedAsBadInput() {
        Person parent = fixtures.person();
        for (String id : List.of("42", "not-a-uuid", "", "x".repeat(5000), "00000000-0000-0000-0000-00000000000g")) {
            assertEquals("BAD_USER_INPUT", errorCode(call(parent.token(), CHILD, Map.of("id", id))), id);
        }
    }

    @Test
    void accessQueriesNeedAToken() {
        assertEquals("UNAUTHENTICATED", errorCode(call(null, DIARY_ACCESS)));
        assertEquals("UNAUTHENTICATED", errorCode(call(null, MY_CHILDREN)));
    }

    @Test
    void aSchoolSystemIsNotAPersonAndHasNoDiaryAccess() {
        var school = fixtures.school();
        assertEquals("FORBIDDEN", errorCode(call(school.systemToken(), DIARY_ACCESS)));
        assertEquals("FORBIDDEN", errorCode(call(school.systemToken(), MY_CHILDREN)));
    }
}
