package ru.ediary.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.ediary.test.GraphQL.call;
import static ru.ediary.test.GraphQL.errorCode;

import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import ru.ediary.notification.NotificationKind;
import ru.ediary.notification.NotificationService;
import ru.ediary.test.Fixtures;
import ru.ediary.test.Fixtures.Person;
import ru.ediary.test.SqlRecorder;
import ru.ediary.test.SqlRecorder.Cost;
import ru.ediary.test.WsFrames;

/**
 * One read-only transaction per GraphQL query, none around a mutation or a subscription (see {@link UnitOfWork});
 * that a query's batch fields share it is shown by DashboardQueryCountTest.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class UnitOfWorkTest {

    @Inject
    UnitOfWork units;
    @Inject
    EntityManager em;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    Fixtures fixtures;
    @Inject
    @PersistenceUnitExtension
    SqlRecorder recorder;
    @Inject
    NotificationService notifications;

    @TestHTTPResource("/graphql")
    URI graphql;

    private String single(String sql) {
        return String.valueOf(em.createNativeQuery(sql).getSingleResult());
    }

    @Test
    void aQuerysTransactionIsReadOnlyInPostgresqlAndItsConnectionGoesBackToThePoolWritable() {
        Person person = fixtures.person();
        String readOnly;
        String backend;
        var unit = units.beginReadOnly();
        try {
            readOnly = single("show transaction_read_only");
            backend = single("select pg_backend_pid()");
        } finally {
            units.end(unit);
        }
        assertEquals("on", readOnly);

        var writing = units.beginReadOnly();
        try {
            var refused = assertThrows(PersistenceException.class, () -> em.createNativeQuery(
                    "update account set updated_at = updated_at where id = ?1").setParameter(1, person.id())
                    .executeUpdate());
            assertTrue(String.valueOf(refused.getCause()).contains("read-only transaction"), refused.toString());
        } finally {
            units.end(writing);
        }
        assertEquals(0, units.open());

        // the same pooled connection, reset by the pool: the next (read-write) transaction writes
        String[] after = QuarkusTransaction.requiringNew().call(() -> new String[] {
            single("show transaction_read_only"), single("select pg_backend_pid()"),
            String.valueOf(em.createNativeQuery("update account set updated_at = updated_at where id = ?1")
                    .setParameter(1, person.id()).executeUpdate()) });
        assertEquals("off", after[0]);
        assertEquals(backend, after[1], "the pool handed out another connection: the reset was not exercised");
        assertEquals("1", after[2]);
    }

    @Test
    void aQueryCostsOneTransactionAndADocumentRefusedBeforeExecutionNone() {
        Person person = fixtures.person();
        call(person.token(), "{ me { id } }");

        JsonPath[] answer = new JsonPath[1];
        Cost refused = recorder.record(() -> answer[0] = call(person.token(), "{ me { id noSuchField } }"));
        assertEquals("GRAPHQL_VALIDATION_FAILED", errorCode(answer[0]));
        assertEquals(0, refused.transactions(), refused.describe());
        assertEquals(0, refused.statements().size(), refused.describe());

        Cost ran = recorder.record(() -> answer[0] = call(person.token(), "{ me { id fullName } }"));
        assertEquals(person.id().toString(), answer[0].getString("data.me.id"));
        assertEquals(1, ran.transactions(), ran.describe());
        assertEquals(1, ran.statements().size(), ran.describe());
    }

    @Test
    void aMutationKeepsItsOwnTransactions() {
        Person person = fixtures.person(); // registered, and never seen by the server: its account is read first
        JsonPath[] answer = new JsonPath[1];
        Cost cost = recorder.record(() -> answer[0] = call(person.token(), "mutation { updateMyProfile(input:"
                + " {middleName: \"Петровна\"}) { account { middleName } userErrors { code } } }"));

        assertEquals("Петровна", answer[0].getString("data.updateMyProfile.account.middleName"));
        assertEquals("Петровна", fixtures.account(person.id()).middleName);
        // the caller's lookup and the change commit apart, as before the unit of work: no outer transaction
        assertTrue(cost.transactionKeys().size() >= 2, cost.describe());
        assertFalse(cost.transactionKeys().contains("none"), cost.describe());
        assertEquals(0, units.open());
    }

    @Transactional
    void notify(Person person, String title) {
        notifications.notify(person.id(), NotificationKind.INVITATION_RECEIVED, title, "Текст", null, null);
    }

    @Test
    void aSubscriptionHoldsNoTransactionWhileItLives() throws Exception {
        Person person = fixtures.person();
        WsFrames listener = WsFrames.connect(URI.create(graphql.toString().replace("http", "ws")));
        try {
            listener.send("{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer " + person.token()
                    + "\"}}");
            assertTrue(listener.next().contains("connection_ack"));
            listener.send("{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":"
                    + "\"subscription { notificationAdded { title } }\"}}");
            Thread.sleep(500); // the subscription registers and reads the caller's account
            assertEquals(0, units.open());

            notify(person, "Пока подписка жива");
            String message = listener.next();
            assertNotNull(message, "no message within 10 s");
            assertTrue(message.contains("Пока подписка жива"), message);
            assertEquals(0, units.open());

            // a query over the socket runs its unit on a worker (OffTheEventLoop) and ends it with the answer
            listener.send("{\"id\":\"2\",\"type\":\"subscribe\",\"payload\":{\"query\":\"{ me { id } }\"}}");
            assertNotNull(listener.next(), "no answer within 10 s");
            assertEquals(0, units.open());
        } finally {
            listener.close();
        }
    }

    @Test
    void aQueryThatGetsNoConnectionAnswersServiceUnavailableAndTheNextOneRuns() throws Exception {
        Person person = fixtures.person();
        call(person.token(), "{ me { id } }");
        int pool = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.max-size", Integer.class);
        List<Connection> taken = new ArrayList<>();
        JsonPath refused;
        try {
            // the notification listener LISTENs on a session of its own, outside the pool: the test takes them all
            for (int i = 0; i < pool; i++) {
                taken.add(dataSource.getConnection());
            }
            refused = call(person.token(), "{ me { id } }");
        } finally {
            for (Connection connection : taken) {
                connection.close();
            }
        }
        assertEquals("SERVICE_UNAVAILABLE", errorCode(refused), refused.prettify());
        assertNull(refused.get("data"), refused.prettify());
        assertEquals(0, units.open());

        JsonPath served = call(person.token(), "{ me { id } }");
        assertNull(served.get("errors"), served.prettify());
        assertEquals(person.id().toString(), served.getString("data.me.id"));
    }
}
