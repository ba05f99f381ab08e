package ru.ediary.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static ru.ediary.test.GraphQL.call;
import static ru.ediary.test.GraphQL.errorCode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import ru.ediary.test.Fixtures;
import ru.ediary.test.Fixtures.Family;
import ru.ediary.test.Fixtures.Person;
import ru.ediary.test.TestData;

/** Preview and send: who may be invited, for which child, and how often. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class InvitationRulesTest {

    @Inject
    Fixtures fixtures;
    @Inject
    InvitationActivator activator;

    private static List<Map<String, String>> errors(JsonPath answer, String operation) {
        return answer.getList("data." + operation + ".userErrors");
    }

    private static Map<String, String> error(String field, String code) {
        return Map.of("field", field, "code", code);
    }

    private static List<Map<String, String>> fieldsAndCodes(JsonPath answer, String operation) {
        return errors(answer, operation).stream().map(e -> error(e.get("field"), e.get("code"))).toList();
    }

    @Test
    void previewHasNoSideEffectButTheLookupCount() {
        Family family = fixtures.family();
        Person invitee = fixtures.invitee("Сидорова");

        JsonPath preview = call(family.parent().token(), TrustSteps.PREVIEW,
                Map.of("input", TrustSteps.byPhone(invitee, List.of(family.child()))));

        assertEquals("Сидорова Тест", preview.getString("data.invitationPreview.preview.inviteeFullName"));
        assertEquals(0, fixtures.count("select count(*) from invitation where invitee_id = ?1", invitee.id()));
        assertEquals(0, fixtures.count("select count(*) from notification where account_id = ?1", invitee.id()));
        assertEquals(1, fixtures.count("select coalesce(sum(hits), 0) from rate_limit_window where caller = ?1",
                family.parent().id().toString()));
    }

    @Test
    void theInviteeIsFoundBySnilsWithSurnameIgnoringCaseSpacesAndYo() {
        Family family = fixtures.family();
        Person invitee = fixtures.invitee("Королёва");
        Map<String, Object> input = TrustSteps.byPhone(invitee, List.of(family.child()));
        input.remove("phone");
        String s = invitee.snils();
        input.put("snils", s.substring(0, 3) + "-" + s.substring(3, 6) + "-" + s.substring(6, 9) + " " + s.substring(9));
        input.put("surname", " королева ");

        JsonPath preview = call(family.parent().token(), TrustSteps.PREVIEW, Map.of("input", input));

        assertEquals("Королёва Тест", preview.getString("data.invitationPreview.preview.inviteeFullName"));
    }

    @Test
    void noSuchPersonAndWrongSurnameGiveOneIdenticalAnswer() {
        Family family = fixtures.family();
        Person invitee = fixtures.invitee("Орлова");
        Map<String, Object> wrongSurname = TrustSteps.byPhone(invitee, List.of(family.child()));
        wrongSurname.put("surname", "Соколова");
        Map<String, Object> unknownPhone = TrustSteps.byPhone(invitee, List.of(family.child()));
        unknownPhone.put("phone", TestData.mobile());
        Map<String, Object> unknownSnils = TrustSteps.byPhone(invitee, List.of(family.child()));
        unknownSnils.remove("phone");
        unknownSnils.put("snils", TestData.snils());

        var answers = new ArrayList<Object>();
        for (var input : List.of(wrongSurname, unknownPhone)) {
            answers.add(call(family.parent().token(), TrustSteps.PREVIEW, Map.of("input", input))
                    .get("data.invitationPreview"));
        }
        assertEquals(answers.get(0), answers.get(1));
        assertEquals(List.of(Map.of("field", "phone", "code", "INVITEE_NOT_FOUND",
                "message", "Не найден зарегистрированный пользователь с такими данными. Проверьте номер телефона или "
                        + "СНИЛС и фамилию; доверенное лицо должно быть зарегистрировано на портале.")),
                ((Map<?, ?>) answers.get(0)).get("userErrors"));
        JsonPath bySnils = call(family.parent().token(), TrustSteps.PREVIEW, Map.of("input", unknownSnils));
        assertEquals(List.of(error("snils", "INVITEE_NOT_FOUND")), fieldsAndCodes(bySnils, "invitationPreview"));
    }

    @Test
    void exactlyOneOfPhoneAndSnilsIsRequired() {
        Family family = fixtures.family();
        Person invitee = fixtures.invitee("Орлова");
        Map<String, Object> both = TrustSteps.byPhone(invitee, List.of(family.child()));
        both.put("snils", invitee.snils());
        Map<String, Object> neither = TrustSteps.byPhone(invitee, List.of(family.child()));
        neither.remove("phone");

        for (var input : List.of(both, neither)) {
            JsonPath answer = call(family.parent().token(), TrustSteps.PREVIEW, Map.of("input", input));
            assertEquals(List.of(error("phone", "IDENTIFIER_REQUIRED")), fieldsAndCodes(answer, "invitationPreview"));
        }
    }

    @Test
    void aChildTheInviterDoesNotSeeIsRefusedAlikeWhetherForeignUnknownOrMalformed() {
        Family family = fixtures.family();
        Family other = fixtures.family();
        Person invitee = fixtures.invitee("Орлова");
        Map<String, Object> input = TrustSteps.byPhone(invitee, List.of());
        input.put("childIds", List.of(family.child().toString(), other.child().toString(),
                UUID.randomUUID().toString(), "not-an-id"));

        JsonPath answer = TrustSteps.send(family.parent(), input);

        assertEquals(List.of(error("childIds[1]", "CHILD_NOT_AVAILABLE"), error("childIds[2]", "CHILD_NOT_AVAILABLE"),
                error("childIds[3]", "CHILD_NOT_AVAILABLE")), fieldsAndCodes(answer, "sendInvitation"));
        assertEquals(0, fixtures.count("select count(*) from invitation where invitee_id = ?1", invitee.id()));
    }

    @Test
    void aStudentCannotInviteForTheirOwnDiary() {
        Person student = fixtures.person();
        var schoolClass = fixtures.schoolClass(fixtures.school(), null);
        UUID self = fixtures.student(schoolClass, ru.ediary.school.EnrolmentStatus.ENROLLED, student.email(), student.phone());

        JsonPath answer = TrustSteps.send(student, TrustSteps.byPhone(fixtures.invitee("Орлова"), List.of(self)));

        assertEquals(List.of(error("childIds[0]", "CHILD_NOT_AVAILABLE")), fieldsAndCodes(answer, "sendInvitation"));
    }

    @Test
    void invitingOneselfIsRefused() {
        Family family = fixtures.family();
        Person me = family.parent();

        JsonPath answer = TrustSteps.send(me, TrustSteps.byPhone(me, List.of(family.child())));

        assertEquals(List.of(error("phone", "CANNOT_INVITE_SELF")), fieldsAndCodes(answer, "sendInvitation"));
    }

    @Test
    void anInviteeWhoAlreadySeesTheChildDirectlyIsRefused() {
        Family family = fixtures.family();
        Person otherParent = fixtures.invitee("Отцов");
        fixtures.guardianOf(family.child(), otherParent);

        JsonPath answer = TrustSteps.send(family.parent(), TrustSteps.byPhone(otherParent, List.of(family.child())));

        assertEquals(List.of(error("childIds[0]", "ALREADY_HAS_ACCESS")), fieldsAndCodes(answer, "sendInvitation"));
    }

    @Test
    void anOpenInvitationOrALiveGrantForTheSameChildIsRefused() throws Exception {
        Family family = fixtures.family();
        Person invitee = fixtures.invitee("Орлова");
        String first = TrustSteps.invite(family.parent(), invitee, family.child());

        JsonPath again = TrustSteps.send(family.parent(), TrustSteps.byPhone(invitee, List.of(family.child())));
        assertEquals(List.of(error("childIds[0]", "ALREADY_INVITED")), fieldsAndCodes(again, "sendInvitation"));

        TrustSteps.accept(invitee, first);
        activator.runOnce();
        JsonPath granted = TrustSteps.send(family.parent(), TrustSteps.byPhone(invitee, List.of(family.child())));
        assertEquals(List.of(error("childIds[0]", "ALREADY_TRUSTED")), fieldsAndCodes(granted, "sendInvitation"));
    }

    @Test
    void aChildHasAtMostTenTrustedPersons() {
        Family family = fixtures.family();
        for (int i = 0; i < 10; i++) {
            TrustSteps.invite(family.parent(), fixtures.invitee("Гостева"), family.child());
        }

        JsonPath eleventh = TrustSteps.send(family.parent(), TrustSteps.byPhone(fixtures.invitee("Гостева"),
                List.of(family.child())));

        assertEquals(List.of(error("childIds[0]", "TOO_MANY_TRUSTED_PERSONS")), fieldsAndCodes(eleventh, "sendInvitation"));
    }

    @Test
    void lookupsAreRateLimitedPerInviter() {
        Family family = fixtures.family();
        Person invitee = fixtures.invitee("Орлова");
        Map<String, Object> input = TrustSteps.byPhone(invitee, List.of(family.child()));
        for (int i = 0; i < 20; i++) {
            JsonPath ok = call(family.parent().token(), TrustSteps.PREVIEW, Map.of("input", input));
            assertEquals(List.of(), errors(ok, "invitationPreview"), "lookup " + i);
        }

        JsonPath limited = call(family.parent().token(), TrustSteps.PREVIEW, Map.of("input", input));
        JsonPath sendLimited = TrustSteps.send(family.parent(), input);

        assertEquals(List.of(error("", "RATE_LIMITED")), fieldsAndCodes(limited, "invitationPreview"));
        assertNull(limited.get("data.invitationPreview.preview"));
        assertEquals(List.of(error("", "RATE_LIMITED")), fieldsAndCodes(sendLimited, "sendInvitation"));
        // another inviter is not affected
        Family other = fixtures.family();
        JsonPath theirs = call(other.parent().token(), TrustSteps.PREVIEW,
                Map.of("input", TrustSteps.byPhone(invitee, List.of(other.child()))));
        assertEquals(List.of(), errors(theirs, "invitationPreview"));
    }

    @Test
    void theSameIdempotencyKeyTwiceYieldsOneInvitation() {
        Family family = fixtures.family();
        Person invitee = fixtures.invitee("Орлова");
        Map<String, Object> input = TrustSteps.byPhone(invitee, List.of(family.child()));

        JsonPath first = TrustSteps.send(family.parent(), input, "retry-key-0001");
        JsonPath second = TrustSteps.send(family.parent(), input, "retry-key-0001");

        assertEquals(first.getString("data.sendInvitation.invitation.id"), second.getString("data.sendInvitation.invitation.id"));
        assertEquals(List.of(), errors(second, "sendInvitation"));
        assertEquals(1, fixtures.count("select count(*) from invitation where invitee_id = ?1", invitee.id()));
        assertEquals(1, fixtures.count("select count(*) from notification where account_id = ?1", invitee.id()));
    }

    @Test
    void reusingAKeyForADifferentInvitationIsRefused() {
        Family family = fixtures.family();
        TrustSteps.send(family.parent(), TrustSteps.byPhone(fixtures.invitee("Орлова"), List.of(family.child())), "reused-key-01");

        JsonPath other = TrustSteps.send(family.parent(), TrustSteps.byPhone(fixtures.invitee("Белова"),
                List.of(family.child())), "reused-key-01");

        assertEquals(List.of(error("idempotencyKey", "IDEMPOTENCY_KEY_REUSED")), fieldsAndCodes(other, "sendInvitation"));
    }

    @Test
    void theSameKeyFromTenThreadsAtOnceCreatesOneInvitation() throws Exception {
        Family family = fixtures.family();
        Person invitee = fixtures.invitee("Орлова");
        Map<String, Object> input = TrustSteps.byPhone(invitee, List.of(family.child()));
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Callable<JsonPath>> sends = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                sends.add(() -> TrustSteps.send(family.parent(), input, "concurrent-key-1"));
            }
            Set<String> ids = new HashSet<>();
            for (Future<JsonPath> answer : pool.invokeAll(sends)) {
                JsonPath result = answer.get();
                assertEquals(List.of(), errors(result, "sendInvitation"), result.prettify());
                ids.add(result.getString("data.sendInvitation.invitation.id"));
            }
            assertEquals(1, ids.size());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, fixtures.count("select count(*) from invitation where invitee_id = ?1", invitee.id()));
    }

    @Test
    void badInputIsRefusedBeforeAnyLookup() {
        Family family = fixtures.family();
        Map<String, Object> input = TrustSteps.byPhone(fixtures.invitee("Орлова"), List.of());
        input.put("surname", "x".repeat(500));
        input.put("phone", "+7 495 000-00-00");

        JsonPath answer = TrustSteps.send(family.parent(), input, "bad key with spaces");

        assertEquals(List.of(error("idempotencyKey", "INVALID_VALUE"), error("phone", "INVALID_PHONE"),
                error("surname", "TOO_LONG"), error("childIds", "REQUIRED")), fieldsAndCodes(answer, "sendInvitation"));
        assertEquals(0, fixtures.count("select count(*) from rate_limit_window where caller = ?1",
                family.parent().id().toString()));
    }

    @Test
    void invitationsNeedAPersonsToken() {
        Family family = fixtures.family();
        Map<String, Object> input = TrustSteps.byPhone(fixtures.invitee("Орлова"), List.of(family.child()));
        assertEquals("UNAUTHENTICATED", errorCode(call(null, TrustSteps.PREVIEW, Map.of("input", input))));
        assertEquals("UNAUTHENTICATED", errorCode(call(null, TrustSteps.SEND, Map.of("input", input, "key", "anon-key-01"))));
        assertEquals("FORBIDDEN", errorCode(call(fixtures.school().systemToken(), TrustSteps.SEND,
                Map.of("input", input, "key", "system-key-1"))));
    }
}
