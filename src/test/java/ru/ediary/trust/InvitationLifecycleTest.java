package ru.ediary.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.ediary.test.GraphQL.errorCode;
import static ru.ediary.trust.TrustSteps.transition;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ru.ediary.test.Fixtures;
import ru.ediary.test.Fixtures.Family;
import ru.ediary.test.Fixtures.Person;
import ru.ediary.test.TestClock;

/** PENDING → ACCEPTED → ACTIVATED; PENDING → DECLINED | CANCELLED | EXPIRED; ACCEPTED → CANCELLED. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class InvitationLifecycleTest {

    @Inject
    Fixtures fixtures;
    @Inject
    InvitationActivator activator;
    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private record Sent(Family family, Person invitee, String id) {
    }

    private Sent sent() {
        Family family = fixtures.family();
        Person invitee = fixtures.invitee("Орлова");
        return new Sent(family, invitee, TrustSteps.invite(family.parent(), invitee, family.child()));
    }

    private static String status(JsonPath answer, String mutation) {
        return answer.getString("data." + mutation + ".invitation.status");
    }

    private static List<String> codes(JsonPath answer, String mutation) {
        return answer.getList("data." + mutation + ".userErrors.code");
    }

    @Test
    void acceptingTwiceIsAnInvalidStateAndChangesNothing() {
        Sent s = sent();
        TrustSteps.accept(s.invitee(), s.id());

        JsonPath again = transition("acceptInvitation", s.invitee(), s.id());

        assertEquals(List.of("INVALID_STATE"), codes(again, "acceptInvitation"));
        assertEquals("ACCEPTED", status(again, "acceptInvitation"));
    }

    @Test
    void aCancelledInvitationCannotBeAccepted() {
        Sent s = sent();
        assertEquals("CANCELLED", status(transition("cancelInvitation", s.family().parent(), s.id()), "cancelInvitation"));

        JsonPath accept = transition("acceptInvitation", s.invitee(), s.id());

        assertEquals(List.of("INVALID_STATE"), codes(accept, "acceptInvitation"));
        assertEquals("CANCELLED", status(accept, "acceptInvitation"));
        assertEquals(1, fixtures.count(
                "select count(*) from notification where account_id = ?1 and kind = 'INVITATION_CANCELLED'",
                s.invitee().id()));
    }

    @Test
    void anAcceptedInvitationCanStillBeCancelledButAnActivatedOneCannot() throws Exception {
        Sent s = sent();
        TrustSteps.accept(s.invitee(), s.id());
        assertEquals("CANCELLED", status(transition("cancelInvitation", s.family().parent(), s.id()), "cancelInvitation"));
        activator.runOnce();
        assertEquals(List.of(), TrustSteps.seenAsTrusted(s.invitee()));

        Sent t = sent();
        TrustSteps.accept(t.invitee(), t.id());
        activator.runOnce();
        JsonPath cancel = transition("cancelInvitation", t.family().parent(), t.id());
        assertEquals(List.of("INVALID_STATE"), codes(cancel, "cancelInvitation"));
        assertEquals("ACTIVATED", status(cancel, "cancelInvitation"));
    }

    @Test
    void theInviteeDeclines() {
        Sent s = sent();

        JsonPath decline = transition("declineInvitation", s.invitee(), s.id());

        assertEquals("DECLINED", status(decline, "declineInvitation"));
        assertEquals(1, fixtures.count("select count(*) from notification where account_id = ?1 and kind = 'INVITATION_DECLINED'",
                s.family().parent().id()));
        // declined is final
        assertEquals(List.of("INVALID_STATE"), codes(transition("acceptInvitation", s.invitee(), s.id()), "acceptInvitation"));
    }

    @Test
    void onlyTheInviteeAnswersAndOnlyTheInviterCancels() {
        Sent s = sent();

        assertEquals("FORBIDDEN", errorCode(transition("acceptInvitation", s.family().parent(), s.id())));
        assertEquals("FORBIDDEN", errorCode(transition("declineInvitation", s.family().parent(), s.id())));
        assertEquals("FORBIDDEN", errorCode(transition("cancelInvitation", s.invitee(), s.id())));
        Person thirdParty = fixtures.person();
        for (String mutation : List.of("acceptInvitation", "declineInvitation", "cancelInvitation")) {
            JsonPath answer = transition(mutation, thirdParty, s.id());
            assertEquals("NOT_FOUND", errorCode(answer), mutation);
            assertNull(answer.get("data"));
        }
        assertEquals(1, fixtures.count("select count(*) from invitation where id = cast(?1 as uuid) and status = 'PENDING'",
                s.id()));
    }

    @Test
    void anUnansweredInvitationExpiresAfterThirtyDays() throws Exception {
        Sent late = sent();
        Sent stale = sent();
        clock.advance(Duration.ofDays(29));
        activator.runOnce();
        assertEquals(2, fixtures.count("select count(*) from invitation where id in (cast(?1 as uuid), cast(?2 as uuid))"
                + " and status = 'PENDING'", late.id(), stale.id()));

        clock.advance(Duration.ofDays(1).plusMinutes(1));
        // accepting after the deadline: the invitation is expired, whether or not the job has run
        JsonPath accept = transition("acceptInvitation", late.invitee(), late.id());
        assertEquals(List.of("INVALID_STATE"), codes(accept, "acceptInvitation"));
        assertEquals("EXPIRED", status(accept, "acceptInvitation"));

        activator.runOnce();
        assertEquals(1, fixtures.count("select count(*) from invitation where id = cast(?1 as uuid) and status = 'EXPIRED'", stale.id()));
        assertEquals(1, fixtures.count("select count(*) from notification where account_id = ?1 and kind = 'INVITATION_EXPIRED'",
                stale.family().parent().id()));
    }

    @Test
    void theActivationDelayIsRespected() throws Exception {
        // the default delay is zero; an accepted invitation dated in the future is left for a later run
        Sent s = sent();
        TrustSteps.accept(s.invitee(), s.id());
        fixtures.execute("update invitation set activate_after = activate_after + interval '2 hours' where id = cast(?1 as uuid)", s.id());

        activator.runOnce();
        assertEquals(List.of(), TrustSteps.seenAsTrusted(s.invitee()));

        clock.advance(Duration.ofHours(2).plusSeconds(1));
        activator.runOnce();
        assertEquals(List.of(s.family().child().toString()), TrustSteps.seenAsTrusted(s.invitee()));
    }

    @Test
    void acceptRacingCancelEndsInOneConsistentState() throws Exception {
        for (int round = 0; round < 5; round++) {
            Sent s = sent();
            CyclicBarrier start = new CyclicBarrier(2);
            var accept = CompletableFuture.supplyAsync(() -> {
                await(start);
                return transition("acceptInvitation", s.invitee(), s.id());
            });
            var cancel = CompletableFuture.supplyAsync(() -> {
                await(start);
                return transition("cancelInvitation", s.family().parent(), s.id());
            });
            JsonPath accepted = accept.get();
            JsonPath cancelled = cancel.get();

            long open = fixtures.count("select count(*) from invitation where id = cast(?1 as uuid) and status = 'ACCEPTED'", s.id());
            long closed = fixtures.count("select count(*) from invitation where id = cast(?1 as uuid) and status = 'CANCELLED'", s.id());
            assertEquals(1, open + closed);
            boolean acceptWon = codes(accepted, "acceptInvitation").isEmpty();
            boolean cancelWon = codes(cancelled, "cancelInvitation").isEmpty();
            // cancel may legally follow an accept; an accept never follows a cancel
            if (closed == 1) {
                assertTrue(cancelWon);
            } else {
                assertTrue(acceptWon && !cancelWon);
            }
            assertTrue(Set.of("ACCEPTED", "CANCELLED").contains(status(accepted, "acceptInvitation")));
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
