package ru.ediary.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.ediary.test.GraphQL.call;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import ru.ediary.test.Fixtures;
import ru.ediary.test.Fixtures.Family;
import ru.ediary.test.Fixtures.Person;
import ru.ediary.test.TestData;
import ru.ediary.trust.InvitationActivator.RunResult;

/** The activation job: exactly once per invitation, even with two runs at once; partial and total loss. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ActivationJobTest {

    @Inject
    Fixtures fixtures;
    @Inject
    InvitationActivator activator;

    /** n families, each a parent with one child and an invitation to a different invitee, all accepted and due. */
    private String acceptedInvitations(int n) {
        return fixtures.acceptedInvitations("bulk", "+7999", n);
    }

    private long countFor(String tag, String select) {
        return fixtures.count(select + " and inv.subject like ?1", tag + "-i-%");
    }

    @Test
    void twoRunsInParallelOverAThousandInvitationsGrantExactlyOnceEach() throws Exception {
        String tag = acceptedInvitations(1000);
        long started = System.nanoTime();

        var first = CompletableFuture.supplyAsync(this::run);
        var second = CompletableFuture.supplyAsync(this::run);
        RunResult a = first.get();
        RunResult b = second.get();
        double seconds = (System.nanoTime() - started) / 1e9;

        assertTrue(a.activated() + b.activated() >= 1000, a + " " + b);
        assertEquals(1000, countFor(tag, "select count(*) from invitation i join account inv on inv.id = i.invitee_id"
                + " where i.status = 'ACTIVATED'"));
        assertEquals(1000, countFor(tag, "select count(*) from trusted_access t join account inv on inv.id = t.trusted_person_id"
                + " where t.revoked_at is null"));
        assertEquals(0, fixtures.count("select count(*) from (select t.invitation_id from trusted_access t"
                + " join account inv on inv.id = t.trusted_person_id where inv.subject like ?1"
                + " group by t.invitation_id having count(*) > 1) doubled", tag + "-i-%"));
        // both sides were told once each
        assertEquals(1000, countFor(tag, "select count(*) from notification n join account inv on inv.id = n.account_id"
                + " where n.kind = 'INVITATION_ACTIVATED'"));
        System.out.printf("ACTIVATION_THROUGHPUT: 1000 invitations in %.2f s with two parallel runs (%.0f/s)%n",
                seconds, 1000 / seconds);

        RunResult again = run();
        assertEquals(0, again.activated() + again.failed());
    }

    private RunResult run() {
        try {
            return activator.runOnce();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theOldestWaitingAcceptanceIsAMetricAndAWellnessCheck() {
        Family family = fixtures.family();
        Person invitee = fixtures.invitee("Орлова");
        String invitation = TrustSteps.invite(family.parent(), invitee, family.child());
        TrustSteps.accept(invitee, invitation);
        fixtures.execute("update invitation set accepted_at = now() - interval '3 hours',"
                + " activate_after = now() + interval '1 day' where id = cast(?1 as uuid)", invitation);
        try {
            ru.ediary.test.Management.given().get("/q/health/well").then().statusCode(503)
                    .body("checks.find { it.name == 'invitation-activation' }.status", org.hamcrest.Matchers.is("DOWN"))
                    .body("checks.find { it.name == 'invitation-activation' }.data.oldestAcceptedAgeSeconds",
                            org.hamcrest.Matchers.greaterThanOrEqualTo(3 * 3600));
            String metrics = ru.ediary.test.Management.given().get("/q/metrics").then().statusCode(200).extract().asString();
            double lag = metrics.lines().filter(l -> l.startsWith("ediary_activation_lag_seconds"))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(-1);
            assertTrue(lag >= 3 * 3600, metrics.lines().filter(l -> l.contains("activation")).toList().toString());
        } finally {
            fixtures.execute("update invitation set status = 'CANCELLED', closed_at = now() where id = cast(?1 as uuid)", invitation);
        }
        // readiness is not affected by a lagging job
        ru.ediary.test.Management.given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void aChildTheInviterNoLongerSeesIsSkippedAndTheRestGranted() throws Exception {
        Family family = fixtures.family();
        UUID second = fixtures.student(family.schoolClass());
        fixtures.guardianOf(second, family.parent());
        Person invitee = fixtures.invitee("Орлова");
        String invitation = TrustSteps.invite(family.parent(), invitee, family.child(), second);
        TrustSteps.accept(invitee, invitation);
        fixtures.removeContacts(second);

        activator.runOnce();

        assertEquals(List.of(family.child().toString()), TrustSteps.seenAsTrusted(invitee));
        JsonPath sent = call(family.parent().token(), "{ sentInvitations { edges { node { id status children { id outcome } } } } }");
        assertEquals("ACTIVATED", sent.getString("data.sentInvitations.edges[0].node.status"));
        assertEquals("SKIPPED", sent.getString("data.sentInvitations.edges[0].node.children.find { it.id == '" + second + "' }.outcome"));
        assertEquals("GRANTED", sent.getString("data.sentInvitations.edges[0].node.children.find { it.id == '" + family.child() + "' }.outcome"));
    }

    @Test
    void anInviterWhoLostAccessToEveryChildMakesTheInvitationFail() throws Exception {
        Family family = fixtures.family();
        Person invitee = fixtures.invitee("Орлова");
        String invitation = TrustSteps.invite(family.parent(), invitee, family.child());
        TrustSteps.accept(invitee, invitation);
        fixtures.removeContacts(family.child());

        activator.runOnce();

        assertEquals(List.of(), TrustSteps.seenAsTrusted(invitee));
        assertEquals(1, fixtures.count("select count(*) from invitation where id = cast(?1 as uuid) and status = 'FAILED'", invitation));
        assertEquals(1, fixtures.count("select count(*) from notification where account_id = ?1 and kind = 'INVITATION_FAILED'",
                invitee.id()));
    }

    @Test
    void aBatchThatFailsMidwayLosesAndDoublesNothing() throws Exception {
        String tag = acceptedInvitations(30);
        // a poisoned grant: the trigger aborts the whole batch's transaction, as a crash would
        fixtures.execute("create or replace function fail_once() returns trigger language plpgsql as $$"
                + " begin raise exception 'simulated crash'; end $$");
        fixtures.execute("create trigger fail_once before insert on notification for each row execute function fail_once()");
        try {
            try {
                activator.runOnce();
            } catch (RuntimeException expected) {
                // the run dies; the next one must pick everything up
            }
            assertEquals(30, countFor(tag, "select count(*) from invitation i join account inv on inv.id = i.invitee_id"
                    + " where i.status = 'ACCEPTED'"));
            assertEquals(0, countFor(tag, "select count(*) from trusted_access t join account inv on inv.id = t.trusted_person_id where true"));
        } finally {
            fixtures.execute("drop trigger fail_once on notification");
            fixtures.execute("drop function fail_once()");
        }

        activator.runOnce();

        assertEquals(30, countFor(tag, "select count(*) from trusted_access t join account inv on inv.id = t.trusted_person_id where true"));
        assertEquals(30, countFor(tag, "select count(*) from invitation i join account inv on inv.id = i.invitee_id"
                + " where i.status = 'ACTIVATED'"));
    }
}
