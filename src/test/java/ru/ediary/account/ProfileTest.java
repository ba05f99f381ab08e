package ru.ediary.account;

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
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import ru.ediary.test.Fixtures;
import ru.ediary.test.Fixtures.Person;
import ru.ediary.test.TestData;
import ru.ediary.test.Tokens;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ProfileTest {

    private static final String ME = "{ me { id lastName firstName middleName fullName email phone snils } }";
    private static final String UPDATE = """
            mutation($input: ProfileInput!) {
              updateMyProfile(input: $input) {
                account { lastName firstName middleName email phone snils pendingEmail { value } pendingPhone { value } }
                userErrors { field code message }
              }
            }""";

    @Inject
    Fixtures fixtures;

    @Test
    void firstCallRegistersTheAccountFromStandardClaims() {
        String subject = TestData.unique("new");
        String token = Tokens.person(subject, Map.of("family_name", "Сидорова", "given_name", "Ольга",
                "middle_name", "Петровна", "email", "Olga.Sidorova@Example.RU", "phone_number", "8 916 555-12-34"),
                Set.of());

        JsonPath me = call(token, ME);

        assertEquals("Сидорова Ольга Петровна", me.getString("data.me.fullName"));
        assertEquals("olga.sidorova@example.ru", me.getString("data.me.email"));
        assertEquals("+79165551234", me.getString("data.me.phone"));
        assertNull(me.getString("data.me.snils"));
        // the second call finds the same account
        assertEquals(me.getString("data.me.id"), call(token, ME).getString("data.me.id"));
    }

    @Test
    void claimsThatFailOurChecksAreLeftEmptyInsteadOfStored() {
        String token = Tokens.person(TestData.unique("odd"), Map.of("family_name", "Bad\u0000Name",
                "email", "not-an-email", "phone_number", "+7 495 123-45-67"), Set.of());

        JsonPath me = call(token, ME);

        assertNull(me.getString("data.me.lastName"));
        assertNull(me.getString("data.me.email"));
        assertNull(me.getString("data.me.phone"));
    }

    @Test
    void profileUpdateNormalisesNamesAndTheContactsItSendsCodesTo() {
        Person person = fixtures.person(null, null, null);

        JsonPath answer = call(person.token(), UPDATE, Map.of("input", Map.of("lastName", " Кузнецова ",
                "firstName", "Анна", "middleName", "Ивановна", "email", "Anna.K@Mail.RU",
                "phone", "+7 (916) 765 43 21")));

        assertEquals(List.of(), answer.getList("data.updateMyProfile.userErrors"));
        assertEquals("Кузнецова", answer.getString("data.updateMyProfile.account.lastName"));
        // contacts wait for their codes (ContactConfirmationTest), normalised as they will be stored
        assertEquals("anna.k@mail.ru", answer.getString("data.updateMyProfile.account.pendingEmail.value"));
        assertEquals("+79167654321", answer.getString("data.updateMyProfile.account.pendingPhone.value"));
        assertNull(answer.getString("data.updateMyProfile.account.email"));
        Account stored = fixtures.account(person.id());
        assertEquals("Ивановна", stored.middleName);
        assertNull(stored.phone);
    }

    @Test
    void snilsCannotBeTypedIntoTheProfile() {
        Person person = fixtures.person(null, null, null);

        JsonPath answer = call(person.token(), UPDATE, Map.of("input", Map.of("snils", TestData.snils())));

        // not a field of ProfileInput: SNILS comes only from the identity provider
        assertEquals("ValidationError", answer.getString("errors[0].extensions.classification"), answer.prettify());
        assertNull(answer.get("data"));
        assertNull(fixtures.account(person.id()).snils);
    }

    @Test
    void anEmptyStringClearsTheEmailToo() {
        Person person = fixtures.person();

        JsonPath answer = call(person.token(), UPDATE, Map.of("input", Map.of("email", "")));

        assertEquals(List.of(), answer.getList("data.updateMyProfile.userErrors"));
        assertNull(answer.get("data.updateMyProfile.account.email"));
        assertNull(fixtures.account(person.id()).email);
        assertEquals(person.phone(), fixtures.account(person.id()).phone);
    }

    @Test
    void fieldsLeftOutStayAndEmptyStringsClear() {
        Person person = fixtures.person();

        JsonPath answer = call(person.token(), UPDATE, Map.of("input", Map.of("phone", "")));

        assertEquals(List.of(), answer.getList("data.updateMyProfile.userErrors"));
        Account stored = fixtures.account(person.id());
        assertNull(stored.phone);
        assertEquals(person.email(), stored.email);
        assertEquals("Тестов", stored.lastName);
    }

    @Test
    void invalidInputAnswersWithUserErrorsAndChangesNothing() {
        Person person = fixtures.person();

        JsonPath answer = call(person.token(), UPDATE, Map.of("input", Map.of(
                "lastName", "",
                "firstName", "Анна\u0007",
                "middleName", "x".repeat(101),
                "email", "anna@",
                "phone", "+7 495 123-45-67")));

        assertNull(answer.get("data.updateMyProfile.account"));
        assertEquals(Map.of("email", "INVALID_EMAIL", "firstName", "INVALID_NAME", "lastName", "REQUIRED",
                "middleName", "TOO_LONG", "phone", "INVALID_PHONE"), codesByField(answer));
        // messages are ours, never the rejected value
        answer.getList("data.updateMyProfile.userErrors.message", String.class)
                .forEach(message -> assertTrue(!message.contains("495") && !message.contains("anna@"), message));
        Account stored = fixtures.account(person.id());
        assertEquals(person.email(), stored.email);
        assertEquals(person.phone(), stored.phone);
        assertEquals("Тестов", stored.lastName);
    }

    @ParameterizedTest(name = "email {0} is refused")
    @ValueSource(strings = {"plainaddress", "a@b", "@example.ru", "a b@example.ru", "a@exa mple.ru", "a@@example.ru"})
    void malformedEmailsAreRefused(String email) {
        Person person = fixtures.person();

        JsonPath answer = call(person.token(), UPDATE, Map.of("input", Map.of("email", email)));

        assertEquals(Map.of("email", "INVALID_EMAIL"), codesByField(answer));
        assertEquals(person.email(), fixtures.account(person.id()).email);
    }

    @Test
    void oversizedInputIsRefusedAsTooLong() {
        Person person = fixtures.person();

        JsonPath answer = call(person.token(), UPDATE, Map.of("input", Map.of("email", "a".repeat(10_000) + "@x.ru",
                "phone", "9".repeat(5_000))));

        assertEquals(Map.of("email", "TOO_LONG", "phone", "TOO_LONG"), codesByField(answer));
    }

    @Test
    void aSnilsBelongsToAtMostOneAccountAndTypingItTakesNothing() {
        String snils = TestData.snils();
        Person owner = fixtures.person(TestData.email(), TestData.mobile(), snils);
        Person other = fixtures.person();

        call(other.token(), UPDATE, Map.of("input", Map.of("snils", snils)));

        // issue 11: a typed SNILS is not stored, so it can neither be squatted nor taken from its owner
        assertNull(fixtures.account(other.id()).snils);
        assertEquals(snils, fixtures.account(owner.id()).snils);
    }

    @Test
    void withoutATokenProfileOperationsAreUnauthenticated() {
        assertEquals("UNAUTHENTICATED", errorCode(call(null, ME)));
        JsonPath update = call(null, UPDATE, Map.of("input", Map.of("lastName", "Взломов")));
        assertEquals("UNAUTHENTICATED", errorCode(update));
        assertNull(update.get("data"));
    }

    @Test
    void aSchoolSystemHasNoProfile() {
        var school = fixtures.school();
        assertEquals("FORBIDDEN", errorCode(call(school.systemToken(), ME)));
        assertEquals("FORBIDDEN", errorCode(call(school.systemToken(), UPDATE, Map.of("input", Map.of("lastName", "Х")))));
    }

    @Test
    void eachPersonSeesAndChangesOnlyTheirOwnProfile() {
        Person anna = fixtures.person();
        Person boris = fixtures.person();

        call(boris.token(), UPDATE, Map.of("input", Map.of("lastName", "Борисов")));

        assertEquals(anna.id().toString(), call(anna.token(), ME).getString("data.me.id"));
        assertEquals("Тестов", fixtures.account(anna.id()).lastName);
        assertEquals("Борисов", fixtures.account(boris.id()).lastName);
    }

    static Map<String, String> codesByField(JsonPath answer) {
        List<Map<String, String>> errors = answer.getList("data.updateMyProfile.userErrors");
        return errors.stream().collect(java.util.stream.Collectors.toMap(e -> e.get("field"), e -> e.get("code")));
    }
}
