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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import ru.ediary.account.Account;
import ru.ediary.test.Fixtures;
import ru.ediary.test.Fixtures.ClassRef;
import ru.ediary.test.Fixtures.Person;
import ru.ediary.test.TestData;
import ru.ediary.test.Tokens;

/**
 * Issue 11: only a verified identity opens a child's diary. The three attacks of the issue, each written as "the
 * attack does not work", and the claims of the identity provider moving access on the next request.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class VerifiedIdentityTest {

    static final String DIARY_ACCESS = "{ diaryAccess { children { capacity child { id } } nextSteps { code message } } }";
    static final String DIARY = "query($c: ID!) { diary(childId: $c) { edges { node { subject } } } }";
    static final String PREVIEW = """
            query($input: InvitationInput!) {
              invitationPreview(input: $input) { preview { inviteeFullName } userErrors { field code } }
            }""";
    static final String MY_CLASSES = "{ myClasses { id students { id } } }";
    static final String RECORD = """
            mutation($input: GuardianContactInput!) {
              recordGuardianContact(input: $input) { contact { id } userErrors { field code } }
            }""";

    @Inject
    Fixtures fixtures;

    private List<String> children(String token) {
        JsonPath access = call(token, DIARY_ACCESS);
        assertNull(access.get("errors"), access.prettify());
        return access.getList("data.diaryAccess.children.child.id");
    }

    private static Map<String, Object> verified(String email, String phone) {
        return Map.of("email", email, "email_verified", true, "phone_number", phone, "phone_number_verified", true);
    }

    /** Attack 1: a stranger types a parent's e-mail and phone into their own profile. */
    @Test
    void typingAParentsContactsOpensNoChildDiaryAndNoInvitation() {
        ClassRef schoolClass = fixtures.schoolClass(fixtures.school(), null);
        UUID child = fixtures.student(schoolClass);
        Person parent = fixtures.person();
        fixtures.guardianOf(child, parent);
        assertEquals(List.of(child.toString()), children(parent.token()));
        Person stranger = fixtures.person();

        call(stranger.token(), "mutation($input: ProfileInput!) { updateMyProfile(input: $input) { userErrors { code } } }",
                Map.of("input", Map.of("email", parent.email(), "phone", parent.phone())));

        JsonPath access = call(stranger.token(), DIARY_ACCESS);
        assertEquals(List.of(), access.getList("data.diaryAccess.children"), access.prettify());
        List<String> steps = access.getList("data.diaryAccess.nextSteps.code");
        assertTrue(steps.contains("CONFIRM_EMAIL") && steps.contains("CONFIRM_PHONE"), steps.toString());
        assertEquals("NOT_FOUND", errorCode(call(stranger.token(), DIARY, Map.of("c", child.toString()))));
        Person invitee = fixtures.invitee("Сообщникова");
        JsonPath preview = call(stranger.token(), PREVIEW, Map.of("input", Map.of("service", "ELECTRONIC_DIARY",
                "childIds", List.of(child.toString()), "phone", invitee.phone(), "surname", invitee.lastName())));
        assertEquals(List.of("CHILD_NOT_AVAILABLE"), preview.getList("data.invitationPreview.userErrors.code"),
                preview.prettify());
        // the real parent keeps their access, diary included
        assertEquals(List.of(child.toString()), children(parent.token()));
        assertNull(call(parent.token(), DIARY, Map.of("c", child.toString())).get("errors"));
    }

    /** Attack 2: a teacher types the teacher SNILS of a class in another school. */
    @Test
    void aTeacherCannotGainAnotherSchoolsClassByTypingItsTeachersSnils() {
        Person ownTeacher = fixtures.teacher();
        ClassRef foreignClass = fixtures.schoolClass(fixtures.school(), ownTeacher);
        UUID foreignChild = fixtures.student(foreignClass);
        Person intruder = fixtures.teacher();
        fixtures.schoolClass(fixtures.school(), intruder);
        String intruderToken = intruder.token();

        // whether the input refuses the field or ignores it, nothing may come of it
        call(intruderToken, "mutation($input: ProfileInput!) { updateMyProfile(input: $input) { userErrors { code } } }",
                Map.of("input", Map.of("snils", ownTeacher.snils())));

        assertEquals(intruder.snils(), fixtures.account(intruder.id()).snils);
        JsonPath classes = call(intruderToken, MY_CLASSES);
        assertEquals(1, classes.getList("data.myClasses").size(), classes.prettify());
        assertFalse(classes.getList("data.myClasses.id").contains(foreignClass.id().toString()));
        assertEquals("NOT_FOUND", errorCode(call(intruderToken, DIARY, Map.of("c", foreignChild.toString()))));
        // recordGuardianContact is staff-only and bound to the teacher's own classes: recording themself as a
        // guardian of the foreign child is refused and changes nothing
        Map<String, Object> self = new HashMap<>(Map.of("studentId", foreignChild.toString(), "lastName", "Тестов",
                "firstName", "Тест", "relation", "FATHER", "email", intruder.email(), "phone", intruder.phone()));
        assertEquals("NOT_FOUND", errorCode(call(intruderToken, RECORD, Map.of("input", self))));
        assertEquals(List.of(), fixtures.contactsOf(foreignChild));
        assertEquals(List.of(), children(intruderToken));
        // the class's real teacher, whose SNILS the provider asserted, still leads it
        assertEquals(List.of(foreignClass.id().toString()), call(ownTeacher.token(), MY_CLASSES).getList("data.myClasses.id"));
    }

    /** Attack 3: a squatter types someone's SNILS first; the invitation by SNILS must reach its real owner. */
    @Test
    void aSquatterCannotOwnASnilsAndAnInvitationBySnilsReachesOnlyTheClaimsOwner() {
        Fixtures.Family family = fixtures.family();
        String snils = TestData.snils();
        Person squatter = fixtures.invitee("Захватова");
        call(squatter.token(), "mutation($input: ProfileInput!) { updateMyProfile(input: $input) { userErrors { code } } }",
                Map.of("input", Map.of("snils", snils)));
        assertEquals(squatter.snils(), fixtures.account(squatter.id()).snils, "a typed SNILS is not stored");

        // the owner signs in; the portal asserts their SNILS
        String ownerSubject = TestData.unique("owner");
        String owner = Tokens.person(ownerSubject, Map.of("family_name", "Настоящева", "given_name", "Анна",
                "snils", snils.substring(0, 3) + "-" + snils.substring(3, 6) + "-" + snils.substring(6, 9) + " "
                        + snils.substring(9)), Set.of());
        JsonPath me = call(owner, "{ me { id snils } }");
        assertNull(me.get("errors"), me.prettify());
        assertEquals(snils, fixtures.account(UUID.fromString(me.getString("data.me.id"))).snils);

        Map<String, Object> input = Map.of("service", "ELECTRONIC_DIARY", "childIds", List.of(family.child().toString()),
                "snils", snils, "surname", "Настоящева");
        JsonPath preview = call(family.parent().token(), PREVIEW, Map.of("input", input));
        assertEquals("Настоящева Анна", preview.getString("data.invitationPreview.preview.inviteeFullName"),
                preview.prettify());
        Map<String, Object> toSquatter = new HashMap<>(input);
        toSquatter.put("surname", "Захватова");
        JsonPath squatted = call(family.parent().token(), PREVIEW, Map.of("input", toSquatter));
        assertEquals(List.of("INVITEE_NOT_FOUND"), squatted.getList("data.invitationPreview.userErrors.code"));
    }

    @Test
    void verifiedClaimsOpenAccessOnTheNextRequestAndUnverifiedOnesDoNot() {
        ClassRef schoolClass = fixtures.schoolClass(fixtures.school(), null);
        UUID child = fixtures.student(schoolClass);
        String email = TestData.email();
        String phone = TestData.mobile();
        fixtures.guardian(child, email, phone);

        // unverified claims are stored, count for nothing, and the steps ask to confirm them
        String unverifiedSubject = TestData.unique("unverified");
        Map<String, Object> unverifiedClaims = Map.of("family_name", "Непроверенова", "email", email,
                "email_verified", false, "phone_number", phone);
        String unverified = Tokens.person(unverifiedSubject, unverifiedClaims, Set.of());
        JsonPath access = call(unverified, DIARY_ACCESS);
        assertEquals(List.of(), access.getList("data.diaryAccess.children"));
        assertEquals(List.of("CONFIRM_EMAIL", "CONFIRM_PHONE", "GIVE_CONTACTS_TO_CLASS_TEACHER"),
                access.getList("data.diaryAccess.nextSteps.code"));
        String give = access.getString("data.diaryAccess.nextSteps[2].message");
        assertFalse(give.contains(email) || give.contains(phone.substring(2)), "quotes only verified contacts: " + give);

        // the provider confirms them (booleans as JSON or as strings): access on the next request
        Map<String, Object> confirmed = new HashMap<>(unverifiedClaims);
        confirmed.put("email_verified", "true");
        confirmed.put("phone_number_verified", true);
        String verified = Tokens.person(unverifiedSubject, confirmed, Set.of());
        assertEquals(List.of(child.toString()), children(verified));
    }

    @Test
    void aPhoneChangedAtTheProviderMovesAccessOnTheNextRequest() {
        ClassRef schoolClass = fixtures.schoolClass(fixtures.school(), null);
        UUID first = fixtures.student(schoolClass);
        UUID second = fixtures.student(schoolClass);
        Person parent = fixtures.person();
        String newPhone = TestData.mobile();
        fixtures.guardian(first, parent.email(), parent.phone());
        fixtures.guardian(second, parent.email(), newPhone);
        String before = parent.token(verified(parent.email(), parent.phone()));
        assertEquals(List.of(first.toString()), children(before));

        String after = parent.token(verified(parent.email(), newPhone));
        assertEquals(List.of(second.toString()), children(after));
        assertEquals(newPhone, fixtures.account(parent.id()).phone);

        // an unverified phone from the provider never replaces the verified one
        String unverifiedChange = parent.token(Map.of("phone_number", TestData.mobile(), "phone_number_verified", false));
        assertEquals(List.of(second.toString()), children(unverifiedChange));
        assertEquals(newPhone, fixtures.account(parent.id()).phone);
    }

    @Test
    void unchangedClaimsCostNoWriteAndAbsentClaimsChangeNothing() {
        Person parent = fixtures.person();
        String token = parent.token(verified(parent.email(), parent.phone()));
        call(token, "{ me { id } }");
        long version = fixtures.account(parent.id()).version;

        call(token, "{ me { id } }");
        call(parent.token(Map.of("email", parent.email(), "email_verified", true, "phone_number", parent.phone(),
                "phone_number_verified", true)), "{ me { id } }");
        call(parent.token(), "{ me { id } }"); // no identity claims at all

        Account stored = fixtures.account(parent.id());
        assertEquals(version, stored.version, "no write for claims already taken in");
        assertEquals(parent.email(), stored.email);
        assertTrue(stored.emailVerified && stored.phoneVerified);
    }

    @Test
    void unverifiedStoredContactsGiveNothingAndAreNotFoundByInvitations() {
        Fixtures.Family family = fixtures.family();
        Person typed = fixtures.unverifiedPerson(TestData.email(), TestData.mobile());
        fixtures.guardianOf(family.child(), typed);

        assertEquals(List.of(), children(typed.token()));
        assertEquals("NOT_FOUND", errorCode(call(typed.token(), DIARY, Map.of("c", family.child().toString()))));
        // as an invitee, an unverified phone identifies nobody
        JsonPath preview = call(family.parent().token(), PREVIEW, Map.of("input", Map.of("service", "ELECTRONIC_DIARY",
                "childIds", List.of(family.child().toString()), "phone", typed.phone(), "surname", typed.lastName())));
        assertEquals(List.of("INVITEE_NOT_FOUND"), preview.getList("data.invitationPreview.userErrors.code"));
    }

    @Test
    void aContactWaitingForItsCodeAsksForConfirmationNotForFillingIn() {
        Person person = fixtures.person(TestData.email(), null, null);
        fixtures.execute("insert into contact_confirmation (account_id, channel, value, code_hash, created_at, expires_at)"
                + " values (?1, 'PHONE', ?2, 'x', now(), now() + interval '10 minutes')", person.id(), TestData.mobile());

        JsonPath access = call(person.token(), DIARY_ACCESS);

        assertEquals(List.of("CONFIRM_PHONE", "GIVE_CONTACTS_TO_CLASS_TEACHER"),
                access.getList("data.diaryAccess.nextSteps.code"), access.prettify());
        Person empty = fixtures.person(null, null, null);
        assertEquals(List.of("FILL_EMAIL", "FILL_PHONE", "GIVE_CONTACTS_TO_CLASS_TEACHER"),
                call(empty.token(), DIARY_ACCESS).getList("data.diaryAccess.nextSteps.code"));
    }

    @Test
    void aSnilsTheProviderReassignsMovesOnceAndDoesNotFlipBack() {
        Person teacher = fixtures.teacher();
        ClassRef led = fixtures.schoolClass(fixtures.school(), teacher);
        String oldLogin = teacher.token(Map.of("snils", teacher.snils()));
        assertEquals(List.of(led.id().toString()), call(oldLogin, MY_CLASSES).getList("data.myClasses.id"));

        // the provider now asserts that SNILS for a new login of the same person
        String newLogin = Tokens.person(TestData.unique("new-login"), Map.of("family_name", "Тестов",
                "snils", teacher.snils()), Set.of("teacher"));
        assertEquals(List.of(led.id().toString()), call(newLogin, MY_CLASSES).getList("data.myClasses.id"));
        assertNull(fixtures.account(teacher.id()).snils);

        // the old login, with its unchanged claims, does not take it back
        assertEquals(List.of(), call(oldLogin, MY_CLASSES).getList("data.myClasses"));
        assertEquals(1, fixtures.count("select count(*) from account where snils = ?1", teacher.snils()));
    }
}
