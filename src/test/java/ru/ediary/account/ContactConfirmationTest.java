package ru.ediary.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.ediary.test.ContactSteps.CONFIRM;
import static ru.ediary.test.ContactSteps.UPDATE;
import static ru.ediary.test.GraphQL.call;
import static ru.ediary.test.GraphQL.errorCode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ru.ediary.test.ContactDeliveryServers;
import ru.ediary.test.ContactSteps;
import ru.ediary.test.Fixtures;
import ru.ediary.test.Fixtures.Person;
import ru.ediary.test.TestClock;
import ru.ediary.test.TestData;

/**
 * A new e-mail or phone counts only once its owner entered the code sent to it: codes really go out (GreenMail,
 * a recording SMS gateway), are kept hashed, expire, die after 5 wrong tries and are limited per account and
 * channel; the verified value stays in force until then.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(ContactDeliveryServers.class)
class ContactConfirmationTest {

    private static final String ME = "{ me { email emailVerified phone phoneVerified pendingEmail { value } "
            + "pendingPhone { value attemptsLeft } } }";

    @Inject
    Fixtures fixtures;
    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A person whose profile holds these contacts, verified (by the identity provider, say) or not. */
    private Person person(String email, String phone, boolean verified) {
        Person person = fixtures.person(email, phone, null);
        fixtures.execute("update account set email_verified = ?1 and email is not null, "
                + "phone_verified = ?1 and phone is not null where id = ?2", verified, person.id());
        return person;
    }

    private static JsonPath type(Person person, String field, String value) {
        return call(person.token(), UPDATE, Map.of("input", Map.of(field, value)));
    }

    private static JsonPath confirm(Person person, String channel, String code) {
        return call(person.token(), CONFIRM, Map.of("input", Map.of("channel", channel, "code", code)));
    }

    private static String codeOf(JsonPath answer) {
        return answer.getString("data.confirmContact.userErrors[0].code");
    }

    private static String wrong(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }

    private static String smsCode(String phone) {
        return ContactDeliveryServers.lastSmsCode(phone).orElseThrow(() -> new AssertionError("no SMS to the phone"));
    }

    @Test
    void aNewEmailCountsOnlyOnceTheCodeEmailedToItIsEntered() {
        String old = TestData.email();
        Person person = person(old, TestData.mobile(), true);
        String fresh = TestData.email();

        JsonPath typed = type(person, "email", fresh.toUpperCase());

        assertEquals(List.of(), typed.getList("data.updateMyProfile.userErrors"), typed.prettify());
        assertEquals(old, typed.getString("data.updateMyProfile.account.email"));
        assertEquals(fresh, typed.getString("data.updateMyProfile.account.pendingEmail.value"));
        assertEquals(5, typed.getInt("data.updateMyProfile.account.pendingEmail.attemptsLeft"));
        Instant expires = Instant.parse(typed.getString("data.updateMyProfile.account.pendingEmail.codeExpiresAt"));
        assertTrue(expires.isAfter(Instant.now().plusSeconds(9 * 60)) && expires.isBefore(Instant.now().plusSeconds(601)));
        var mails = ContactDeliveryServers.emailsTo(fresh);
        assertEquals(1, mails.size());
        assertEquals("Код подтверждения электронной почты", mails.get(0).subject());
        assertTrue(mails.get(0).text().contains("Личном кабинете"), mails.get(0).text());
        String code = ContactDeliveryServers.lastEmailCode(fresh).orElseThrow();
        // only a salted hash is stored
        assertEquals(0, fixtures.count("select count(*) from contact_confirmation where account_id = ?1 "
                + "and (code_hash like '%' || ?2 || '%' or length(code_hash) < 40)", person.id(), code));

        JsonPath confirmed = confirm(person, "EMAIL", code);

        assertEquals(List.of(), confirmed.getList("data.confirmContact.userErrors"), confirmed.prettify());
        assertEquals(fresh, confirmed.getString("data.confirmContact.account.email"));
        assertTrue(confirmed.getBoolean("data.confirmContact.account.emailVerified"));
        assertNull(confirmed.get("data.confirmContact.account.pendingEmail"));
        Account stored = fixtures.account(person.id());
        assertEquals(fresh, stored.email);
        assertTrue(stored.emailVerified);
        assertEquals(0, fixtures.count("select count(*) from contact_confirmation where account_id = ?1", person.id()));
        // a code works once
        assertEquals("NO_PENDING_CONFIRMATION", codeOf(confirm(person, "EMAIL", code)));
    }

    @Test
    void aNewPhoneCountsOnlyOnceTheCodeTextedToItIsEntered() {
        Person person = person(TestData.email(), null, false);
        String phone = TestData.mobile();

        JsonPath typed = type(person, "phone", "8 " + phone.substring(2, 5) + " " + phone.substring(5));

        assertEquals(phone, typed.getString("data.updateMyProfile.account.pendingPhone.value"), typed.prettify());
        assertNull(typed.get("data.updateMyProfile.account.phone"));
        var sms = ContactDeliveryServers.smsTo(phone);
        assertEquals(1, sms.size());
        assertEquals("Bearer " + ContactDeliveryServers.GATEWAY_TOKEN, sms.get(0).authorization());
        assertEquals("EDIARY", sms.get(0).sender());
        assertTrue(sms.get(0).text().startsWith("Электронный дневник: код подтверждения"), sms.get(0).text());

        JsonPath confirmed = confirm(person, "PHONE", " " + smsCode(phone) + " ");

        assertEquals(List.of(), confirmed.getList("data.confirmContact.userErrors"), confirmed.prettify());
        assertEquals(phone, confirmed.getString("data.confirmContact.account.phone"));
        assertTrue(confirmed.getBoolean("data.confirmContact.account.phoneVerified"));
        Account stored = fixtures.account(person.id());
        assertEquals(phone, stored.phone);
        assertTrue(stored.phoneVerified);
        assertFalse(stored.emailVerified, "confirming the phone says nothing about the e-mail");
    }

    @Test
    void theVerifiedPhoneStaysInForceUntilTheNewOneIsConfirmed() {
        String old = TestData.mobile();
        Person person = person(TestData.email(), old, true);
        String fresh = TestData.mobile();

        type(person, "phone", fresh);
        confirm(person, "PHONE", wrong(smsCode(fresh)));

        JsonPath me = call(person.token(), ME);
        assertEquals(old, me.getString("data.me.phone"));
        assertTrue(me.getBoolean("data.me.phoneVerified"));
        assertEquals(fresh, me.getString("data.me.pendingPhone.value"));
        Account stored = fixtures.account(person.id());
        assertEquals(old, stored.phone);
        assertTrue(stored.phoneVerified);

        ContactSteps.confirm(person.token(), "PHONE", smsCode(fresh));
        assertEquals(fresh, fixtures.account(person.id()).phone);
    }

    @Test
    void typingTheVerifiedValueAgainChangesNothingAndSendsNothing() {
        String phone = TestData.mobile();
        String email = TestData.email();
        Person person = person(email, phone, true);

        JsonPath typed = call(person.token(), UPDATE, Map.of("input", Map.of("phone", phone, "email", email)));

        assertEquals(List.of(), typed.getList("data.updateMyProfile.userErrors"), typed.prettify());
        assertNull(typed.get("data.updateMyProfile.account.pendingPhone"));
        assertNull(typed.get("data.updateMyProfile.account.pendingEmail"));
        assertEquals(List.of(), ContactDeliveryServers.smsTo(phone));
        assertEquals(List.of(), ContactDeliveryServers.emailsTo(email));
        assertEquals(0, fixtures.count("select count(*) from contact_confirmation where account_id = ?1", person.id()));
    }

    @Test
    void anUnverifiedValueTypedAgainGetsACodeSoItCanBeVerified() {
        String phone = TestData.mobile();
        Person person = person(TestData.email(), phone, false);

        JsonPath typed = type(person, "phone", phone);

        assertEquals(phone, typed.getString("data.updateMyProfile.account.pendingPhone.value"), typed.prettify());
        ContactSteps.confirm(person.token(), "PHONE", smsCode(phone));
        assertTrue(fixtures.account(person.id()).phoneVerified);
    }

    @Test
    void aWrongCodeConfirmsNothingAndUsesUpOneAttempt() {
        Person person = person(null, null, false);
        String phone = TestData.mobile();
        type(person, "phone", phone);
        String code = smsCode(phone);

        JsonPath answer = confirm(person, "PHONE", wrong(code));

        assertEquals("WRONG_CODE", codeOf(answer));
        assertEquals("code", answer.getString("data.confirmContact.userErrors[0].field"));
        assertNull(answer.get("data.confirmContact.account"));
        assertFalse(answer.prettify().contains(code), "an error never quotes the code");
        assertNull(fixtures.account(person.id()).phone);
        assertEquals(4, call(person.token(), ME).getInt("data.me.pendingPhone.attemptsLeft"));
        // a code on the other channel, or one that is not six digits, confirms nothing either
        assertEquals("NO_PENDING_CONFIRMATION", codeOf(confirm(person, "EMAIL", code)));
        assertEquals("INVALID_CODE", codeOf(confirm(person, "PHONE", "12345")));
        assertEquals(4, call(person.token(), ME).getInt("data.me.pendingPhone.attemptsLeft"), "no attempt used");
        // the right one still works
        ContactSteps.confirm(person.token(), "PHONE", code);
        assertEquals(phone, fixtures.account(person.id()).phone);
    }

    @Test
    void anExpiredCodeConfirmsNothingAndTypingTheValueAgainSendsANewOne() {
        Person person = person(null, null, false);
        String phone = TestData.mobile();
        type(person, "phone", phone);
        String code = smsCode(phone);

        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        assertEquals("CODE_EXPIRED", codeOf(confirm(person, "PHONE", code)));
        assertNull(fixtures.account(person.id()).phone);

        type(person, "phone", phone);
        String second = smsCode(phone);
        assertEquals(2, ContactDeliveryServers.smsTo(phone).size());
        ContactSteps.confirm(person.token(), "PHONE", second);
        assertEquals(phone, fixtures.account(person.id()).phone);
    }

    @Test
    void fiveWrongCodesKillTheCodeEvenForTheRightOne() {
        Person person = person(null, null, false);
        String email = TestData.email();
        type(person, "email", email);
        String code = ContactDeliveryServers.lastEmailCode(email).orElseThrow();

        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            answers.add(codeOf(confirm(person, "EMAIL", wrong(code))));
        }

        assertEquals(List.of("WRONG_CODE", "WRONG_CODE", "WRONG_CODE", "WRONG_CODE", "TOO_MANY_ATTEMPTS"), answers);
        assertEquals("TOO_MANY_ATTEMPTS", codeOf(confirm(person, "EMAIL", code)));
        assertNull(fixtures.account(person.id()).email);
        // a new code starts afresh
        JsonPath again = type(person, "email", email);
        assertEquals(List.of(), again.getList("data.updateMyProfile.userErrors"), again.prettify());
        ContactSteps.confirm(person.token(), "EMAIL", ContactDeliveryServers.lastEmailCode(email).orElseThrow());
        assertEquals(email, fixtures.account(person.id()).email);
    }

    @Test
    void parallelGuessesNeverExceedFiveAttempts() throws Exception {
        Person person = person(null, null, false);
        String phone = TestData.mobile();
        type(person, "phone", phone);
        String code = smsCode(phone);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<String>> guesses = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                String guess = String.format("%06d", (Integer.parseInt(code) + 1 + i) % 1_000_000);
                guesses.add(pool.submit((Callable<String>) () -> codeOf(confirm(person, "PHONE", guess))));
            }
            List<String> answers = new ArrayList<>();
            for (Future<String> guess : guesses) {
                answers.add(guess.get());
            }
            assertEquals(4, answers.stream().filter("WRONG_CODE"::equals).count(), answers.toString());
            assertEquals(16, answers.stream().filter("TOO_MANY_ATTEMPTS"::equals).count(), answers.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(5, fixtures.count("select attempts from contact_confirmation where account_id = ?1", person.id()));
        assertEquals("TOO_MANY_ATTEMPTS", codeOf(confirm(person, "PHONE", code)));
        assertNull(fixtures.account(person.id()).phone);
    }

    @Test
    void codesAreLimitedPerAccountAndChannelInPostgres() {
        Person person = person(null, null, false);
        String phone = TestData.mobile();
        for (int i = 0; i < 5; i++) {
            JsonPath resend = type(person, "phone", phone);
            assertEquals(List.of(), resend.getList("data.updateMyProfile.userErrors"), resend.prettify());
        }
        String fifth = smsCode(phone);

        JsonPath sixth = type(person, "phone", phone);

        assertEquals(List.of(Map.of("field", "phone", "code", "TOO_MANY_CODES",
                "message", "Слишком много запросов кода подтверждения. Повторите позже.")),
                sixth.getList("data.updateMyProfile.userErrors"));
        assertEquals(5, ContactDeliveryServers.smsTo(phone).size(), "nothing sent over the limit");
        // the counter is a row every instance shares
        assertEquals(6, fixtures.count("select coalesce(sum(hits), 0) from rate_limit_window where caller = ?1 "
                + "and action = 'contact-code-phone'", person.id().toString()));
        // the last code sent still works; the other channel has its own limit
        ContactSteps.confirm(person.token(), "PHONE", fifth);
        String email = TestData.email();
        assertEquals(List.of(), type(person, "email", email).getList("data.updateMyProfile.userErrors"));
    }

    @Test
    void aResentCodeReplacesTheEarlierOne() {
        Person person = person(null, null, false);
        String phone = TestData.mobile();
        type(person, "phone", phone);
        String first = smsCode(phone);
        type(person, "phone", phone);
        String second = smsCode(phone);
        if (first.equals(second)) {
            return; // one in a million: the same digits again prove nothing here
        }

        assertEquals("WRONG_CODE", codeOf(confirm(person, "PHONE", first)));
        ContactSteps.confirm(person.token(), "PHONE", second);
    }

    @Test
    void aNewPendingValueReplacesTheEarlierOneAndItsCode() {
        Person person = person(null, null, false);
        String first = TestData.mobile();
        String second = TestData.mobile();
        type(person, "phone", first);
        String firstCode = smsCode(first);
        type(person, "phone", second);

        assertEquals(second, call(person.token(), ME).getString("data.me.pendingPhone.value"));
        if (!firstCode.equals(smsCode(second))) {
            assertEquals("WRONG_CODE", codeOf(confirm(person, "PHONE", firstCode)));
        }
        ContactSteps.confirm(person.token(), "PHONE", smsCode(second));
        assertEquals(second, fixtures.account(person.id()).phone);
    }

    @Test
    void anotherAccountCannotConfirmSomeoneElsesPendingContact() {
        Person owner = person(null, null, false);
        Person other = person(null, null, false);
        String phone = TestData.mobile();
        type(owner, "phone", phone);
        String ownersCode = smsCode(phone);

        // nothing pending for the other account: the owner's code means nothing to it
        assertEquals("NO_PENDING_CONFIRMATION", codeOf(confirm(other, "PHONE", ownersCode)));
        // typing the same phone gets the other account its own code; the owner's does not confirm it
        type(other, "phone", phone);
        String othersCode = smsCode(phone);
        if (!othersCode.equals(ownersCode)) {
            assertEquals("WRONG_CODE", codeOf(confirm(other, "PHONE", ownersCode)));
        }
        assertNull(fixtures.account(other.id()).phone);
        // the owner's pending contact is untouched
        assertEquals(0, fixtures.count("select attempts from contact_confirmation where account_id = ?1", owner.id()));
        ContactSteps.confirm(owner.token(), "PHONE", ownersCode);
        assertEquals(phone, fixtures.account(owner.id()).phone);
    }

    @Test
    void anEmptyStringClearsTheEmailAndItsPendingConfirmation() {
        Person person = person(TestData.email(), TestData.mobile(), true);
        type(person, "email", TestData.email());

        JsonPath cleared = type(person, "email", "");

        assertEquals(List.of(), cleared.getList("data.updateMyProfile.userErrors"), cleared.prettify());
        assertNull(cleared.get("data.updateMyProfile.account.email"));
        assertFalse(cleared.getBoolean("data.updateMyProfile.account.emailVerified"));
        assertNull(cleared.get("data.updateMyProfile.account.pendingEmail"));
        Account stored = fixtures.account(person.id());
        assertNull(stored.email);
        assertFalse(stored.emailVerified);
        assertTrue(stored.phoneVerified, "the phone is another field");
        assertEquals(0, fixtures.count("select count(*) from contact_confirmation where account_id = ?1", person.id()));
    }

    @Test
    void aCodeTheGatewayRefusedLeavesNothingPendingAndSaysSo() {
        Person person = person(null, null, false);
        String phone = TestData.mobile();
        ContactDeliveryServers.refuseSmsTo(phone);

        JsonPath answer = call(person.token(), UPDATE, Map.of("input", Map.of("phone", phone, "middleName", "Ильич")));

        assertEquals(List.of(Map.of("field", "phone", "code", "DELIVERY_FAILED",
                "message", "Не удалось отправить код подтверждения. Повторите попытку позже.")),
                answer.getList("data.updateMyProfile.userErrors"));
        assertNull(answer.get("data.updateMyProfile.account.pendingPhone"));
        assertEquals(1, ContactDeliveryServers.smsTo(phone).size(), "the gateway was asked");
        assertEquals(0, fixtures.count("select count(*) from contact_confirmation where account_id = ?1", person.id()));
        assertEquals("Ильич", fixtures.account(person.id()).middleName, "the rest of the input is saved");
        assertNull(fixtures.account(person.id()).phone);
    }

    @Test
    void aCodeTheMailServerCouldNotTakeLeavesNothingPending() {
        Person person = person(null, null, false);
        String email = TestData.email();
        ContactDeliveryServers.stopSmtp();
        JsonPath answer;
        try {
            answer = type(person, "email", email);
        } finally {
            ContactDeliveryServers.startSmtp();
        }

        assertEquals("DELIVERY_FAILED", answer.getString("data.updateMyProfile.userErrors[0].code"), answer.prettify());
        assertEquals("email", answer.getString("data.updateMyProfile.userErrors[0].field"));
        assertNull(answer.get("data.updateMyProfile.account.pendingEmail"));
        assertEquals(0, fixtures.count("select count(*) from contact_confirmation where account_id = ?1", person.id()));
        // once the server is back, the same value gets its code
        JsonPath again = type(person, "email", email);
        assertEquals(List.of(), again.getList("data.updateMyProfile.userErrors"), again.prettify());
        ContactSteps.confirm(person.token(), "EMAIL", ContactDeliveryServers.lastEmailCode(email).orElseThrow());
    }

    @Test
    void withoutATokenConfirmContactIsUnauthenticated() {
        JsonPath answer = call(null, CONFIRM, Map.of("input", Map.of("channel", "PHONE", "code", "123456")));
        assertEquals("UNAUTHENTICATED", errorCode(answer));
        assertNull(answer.get("data"));
    }

    @Test
    void aSchoolSystemCannotConfirmContacts() {
        var school = fixtures.school();
        JsonPath answer = call(school.systemToken(), CONFIRM, Map.of("input", Map.of("channel", "EMAIL", "code", "123456")));
        assertEquals("FORBIDDEN", errorCode(answer));
        assertNull(answer.get("data"));
    }

    @Test
    void pendingContactsAreShownToTheirOwnerOnly() {
        Person owner = person(null, null, false);
        Person other = person(null, null, false);
        String phone = TestData.mobile();
        type(owner, "phone", phone);

        assertEquals(phone, call(owner.token(), ME).getString("data.me.pendingPhone.value"));
        JsonPath others = call(other.token(), ME);
        assertNull(others.get("data.me.pendingPhone"));
        assertNotNull(others.get("data.me"));
    }
}
