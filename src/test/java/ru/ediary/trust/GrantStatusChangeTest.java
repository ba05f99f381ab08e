package ru.ediary.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.ediary.test.GraphQL.call;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import ru.ediary.test.Fixtures;
import ru.ediary.test.Fixtures.Family;
import ru.ediary.test.Fixtures.Person;
import ru.ediary.test.TestData;

/**
 * A grant that becomes SUSPENDED or ACTIVE again is told to the trusted person and the inviting parent by the
 * activation job's run: once per change, however often or on how many instances the job runs.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class GrantStatusChangeTest {

    private static final String NOTIFICATIONS = "{ notifications(first: 50) { edges { node { kind title body childId } } } }";
    private static final String AUDIT = "query($c: ID!) { auditLog(childId: $c) { edges { node { action } } } }";

    @Inject
    Fixtures fixtures;
    @Inject
    InvitationActivator activator;
    @Inject
    GrantStatusReconciler reconciler;
    @Inject
    EntityManager em;

    private record Granted(Family family, Person trusted) {
    }

    private Granted granted() throws Exception {
        Family family = fixtures.family();
        fixtures.execute("update student set first_name = 'Алиса', middle_name = 'Петровна' where id = ?1", family.child());
        Person trusted = fixtures.invitee("Бабушкина");
        TrustSteps.accept(trusted, TrustSteps.invite(family.parent(), trusted, family.child()));
        activator.runOnce();
        return new Granted(family, trusted);
    }

    private long told(Person person, String kind) {
        return fixtures.count("select count(*) from notification where account_id = ?1 and kind = ?2", person.id(), kind);
    }

    @Test
    void bothPartiesAreToldOnceWhenAGrantIsSuspendedAndOnceWhenItWorksAgain() throws Exception {
        Granted g = granted();
        Person parent = g.family().parent();
        fixtures.removeContacts(g.family().child());

        activator.runOnce();
        activator.runOnce();

        assertEquals(1, told(g.trusted(), "ACCESS_SUSPENDED"));
        assertEquals(1, told(parent, "ACCESS_SUSPENDED"));
        JsonPath inbox = call(g.trusted().token(), NOTIFICATIONS);
        String body = inbox.getString("data.notifications.edges.node.find { it.kind == 'ACCESS_SUSPENDED' }.body");
        assertEquals("Ваш доступ к дневнику приостановлен: Ученикова Алиса Петровна. У пригласившего вас родителя "
                + "сейчас нет доступа к дневнику. Доступ возобновится, когда он появится.", body);
        assertEquals(g.family().child().toString(),
                inbox.getString("data.notifications.edges.node.find { it.kind == 'ACCESS_SUSPENDED' }.childId"));
        assertFalse(inbox.prettify().contains(parent.email()) || inbox.prettify().contains(parent.phone().substring(2)));

        // the class teacher records the parent's contacts again
        fixtures.guardianOf(g.family().child(), parent);
        activator.runOnce();
        activator.runOnce();

        assertEquals(1, told(g.trusted(), "ACCESS_RESUMED"));
        assertEquals(1, told(parent, "ACCESS_RESUMED"));
        assertEquals(1, told(g.trusted(), "ACCESS_SUSPENDED"));
        assertEquals("Бабушкина Тест снова видит дневник: Ученикова Алиса Петровна.", call(parent.token(), NOTIFICATIONS)
                .getString("data.notifications.edges.node.find { it.kind == 'ACCESS_RESUMED' }.body"));
        List<String> actions = call(parent.token(), AUDIT, Map.of("c", g.family().child().toString()))
                .getList("data.auditLog.edges.node.action");
        assertTrue(actions.containsAll(List.of("ACCESS_SUSPENDED", "ACCESS_RESUMED")), actions.toString());
    }

    @Test
    void aGrantWhoseStatusDidNotChangeOrThatWasRevokedTellsNothing() throws Exception {
        Granted steady = granted();
        Granted revoked = granted();
        String grant = call(revoked.trusted().token(), TrustedPersonToldTest.DIARY_ACCESS)
                .getString("data.diaryAccess.trustedGrants[0].id");
        call(revoked.family().parent().token(), "mutation($id: ID!) { revokeTrustedAccess(id: $id) { userErrors { code } } }",
                Map.of("id", grant));
        fixtures.removeContacts(revoked.family().child());

        activator.runOnce();

        for (Granted g : List.of(steady, revoked)) {
            assertEquals(0, told(g.trusted(), "ACCESS_SUSPENDED") + told(g.trusted(), "ACCESS_RESUMED"));
            assertEquals(0, told(g.family().parent(), "ACCESS_SUSPENDED") + told(g.family().parent(), "ACCESS_RESUMED"));
        }
    }

    /** n families with an ACTIVE grant each, made in bulk; returns the tag of their trusted persons' subjects. */
    private String activeGrants(int n) throws Exception {
        String tag = fixtures.acceptedInvitations("susp", "+7998", n);
        activator.runOnce();
        assertEquals(n, fixtures.count("select count(*) from trusted_access t join account a on a.id = t.trusted_person_id"
                + " where a.subject like ?1 and t.revoked_at is null", tag + "-i-%"));
        return tag;
    }

    private long countFor(String tag, String kind) {
        return fixtures.count("select count(*) from notification n join account a on a.id = n.account_id"
                + " where n.kind = ?2 and (a.subject like ?1 || '-i-%' or a.subject like ?1 || '-p-%')", tag, kind);
    }

    @Test
    void twoReconciliationsAtOnceTellEachChangeExactlyOnce() throws Exception {
        String tag = activeGrants(60);
        // every inviting parent loses direct access at once
        fixtures.execute("delete from guardian_contact g using student s where s.id = g.student_id and s.external_id like ?1",
                tag + "-s-%");
        CyclicBarrier start = new CyclicBarrier(2);

        // small batches, so the two runs interleave over the same rows
        ExecutorService instances = Executors.newFixedThreadPool(2);
        int a;
        int b;
        try {
            var first = CompletableFuture.supplyAsync(() -> reconcile(start), instances);
            var second = CompletableFuture.supplyAsync(() -> reconcile(start), instances);
            a = first.get(60, TimeUnit.SECONDS);
            b = second.get(60, TimeUnit.SECONDS);
        } finally {
            instances.shutdownNow();
        }

        assertTrue(a + b >= 60, a + " + " + b);
        assertEquals(120, countFor(tag, "ACCESS_SUSPENDED"), "one per trusted person and one per inviting parent");
        assertEquals(0, fixtures.count("select count(*) from (select n.account_id from notification n join account a"
                + " on a.id = n.account_id where a.subject like ?1 || '-%' and n.kind = 'ACCESS_SUSPENDED'"
                + " group by n.account_id having count(*) > 1) doubled", tag));
        assertEquals(60, fixtures.count("select count(*) from audit_event e join account a on a.id = e.subject_id"
                + " where a.subject like ?1 || '-i-%' and e.action = 'ACCESS_SUSPENDED'", tag));
        assertEquals(0, reconciler.reconcile(5, 1000));
    }

    private int reconcile(CyclicBarrier start) {
        try {
            start.await(30, TimeUnit.SECONDS);
            return reconciler.reconcile(5, 1000);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aGrantAnotherInstanceIsTellingIsSkippedNotWaitedForNorToldTwice() throws Exception {
        Granted g = granted();
        fixtures.removeContacts(g.family().child());
        UUID grant = UUID.fromString(call(g.trusted().token(), TrustedPersonToldTest.DIARY_ACCESS)
                .getString("data.diaryAccess.trustedGrants[0].id"));
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // another instance holds the row, as its reconciliation would mid-transaction
        ExecutorService other = Executors.newSingleThreadExecutor();
        var holder = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("select id from trusted_access where id = ?1 for update").setParameter(1, grant)
                    .getResultList();
            locked.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }), other);
        assertTrue(locked.await(30, TimeUnit.SECONDS));
        try {
            long started = System.nanoTime();
            reconciler.reconcile(100, 1000);
            assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(20), "waited for the locked row");
            assertEquals(0, told(g.trusted(), "ACCESS_SUSPENDED"));
        } finally {
            release.countDown();
            holder.get(30, TimeUnit.SECONDS);
            other.shutdown();
        }

        reconciler.reconcile(100, 1000);

        assertEquals(1, told(g.trusted(), "ACCESS_SUSPENDED"));
        assertEquals(1, told(g.family().parent(), "ACCESS_SUSPENDED"));
    }
}
