package ru.ediary.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.sql.Connection;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import ru.ediary.test.Fixtures;
import ru.ediary.test.Fixtures.Person;
import ru.ediary.test.SqlRecorder;
import ru.ediary.test.SqlRecorder.Cost;
import ru.ediary.test.WsFrames;

/**
 * Live notifications that scale with instances: the recipient travels in the announcement, only accounts with a
 * subscription on this instance are read, and the LISTEN holds a session of its own, outside the pool, that comes
 * back when it is lost.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class LiveNotificationsTest {

    @Inject
    Fixtures fixtures;
    @Inject
    NotificationService notifications;
    @Inject
    NotificationBus bus;
    @Inject
    NotificationListener listener;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    @PersistenceUnitExtension
    SqlRecorder recorder;

    @TestHTTPResource("/graphql")
    URI graphql;

    @Transactional
    void notify(Person person, String title) {
        notifications.notify(person.id(), NotificationKind.INVITATION_RECEIVED, title, "Текст", null, null);
    }

    /** A live notificationAdded subscription of this person, registered on this instance. */
    private WsFrames subscribed(Person person) throws Exception {
        WsFrames socket = WsFrames.connect(URI.create(graphql.toString().replace("http", "ws")));
        socket.send("{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer " + person.token() + "\"}}");
        String ack = socket.next();
        assertTrue(String.valueOf(ack).contains("connection_ack"), ack);
        socket.send("{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":"
                + "\"subscription { notificationAdded { title } }\"}}");
        await(() -> bus.hasSubscriber(person.id()), "the subscription is registered");
        return socket;
    }

    /** The title of the next notification on this socket. */
    private static String nextTitle(WsFrames socket) throws InterruptedException {
        String frame = socket.next();
        assertNotNull(frame, "no notification within 10 s");
        JsonPath json = JsonPath.from(frame);
        assertEquals("next", json.getString("type"), frame);
        return json.getString("payload.data.notificationAdded.title");
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within 10 s: " + what);
            }
            Thread.sleep(20);
        }
    }

    private void listenerIsUp() throws InterruptedException {
        await(() -> listener.listeningPid() != 0, "the listener is listening");
    }

    private static boolean isNotificationRead(SqlRecorder.Statement statement) {
        return statement.sql().replaceAll("\\s+", " ").matches("(?i)select .* from notification .*");
    }

    @Test
    void eachSubscriberGetsItsOwnNotificationsAndNoOneElses() throws Exception {
        Person anna = fixtures.person();
        Person boris = fixtures.person();
        WsFrames annas = subscribed(anna);
        WsFrames boriss = subscribed(boris);
        try {
            notify(anna, "Анне 1");
            notify(boris, "Борису");
            notify(anna, "Анне 2");

            // Boris's notification was announced between Anna's two: had it reached her, it would be second here
            assertEquals("Анне 1", nextTitle(annas));
            assertEquals("Анне 2", nextTitle(annas));
            assertEquals("Борису", nextTitle(boriss));
        } finally {
            annas.close();
            boriss.close();
        }
    }

    @Test
    void aNotificationForAnAccountWithoutASubscriberHereIsNotRead() throws Exception {
        Person subscriber = fixtures.person();
        Person elsewhere = fixtures.person();
        WsFrames socket = subscribed(subscriber);
        try {
            String[] delivered = new String[1];
            Cost cost = recorder.record(() -> {
                try {
                    notify(elsewhere, "Тому, кто не подключён");
                    Thread.sleep(300); // were it read, it would be read on its own, not batched with the next
                    notify(subscriber, "Подписчику");
                    // announcements arrive in commit order: once this one is delivered, the other was handled
                    return delivered[0] = nextTitle(socket);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertEquals("Подписчику", delivered[0]);
            List<SqlRecorder.Statement> reads = cost.statements().stream()
                    .filter(LiveNotificationsTest::isNotificationRead).toList();
            // the subscriber's notification is read, by its id alone; the other account's is not read at all
            assertEquals(1, reads.size(), cost.describe());
            assertTrue(reads.get(0).sql().replaceAll("\\s+", "").contains("in(?)"), cost.describe());
        } finally {
            socket.close();
        }
    }

    @Test
    void theListenerHoldsNoPoolConnection() throws Exception {
        boolean metricsWereOn = dataSource.getConfiguration().metricsEnabled();
        dataSource.getConfiguration().setMetricsEnabled(true);
        Person person = fixtures.person();
        WsFrames socket = subscribed(person);
        try {
            listenerIsUp();
            notify(person, "Связь есть");
            assertEquals("Связь есть", nextTitle(socket));

            // the count is real: a connection taken from the pool shows in it
            try (Connection taken = dataSource.getConnection()) {
                assertTrue(dataSource.getMetrics().activeCount() >= 1, dataSource.getMetrics().toString());
            }
            // idle, with a live subscription and a listening session: no pool connection in use
            await(() -> dataSource.getMetrics().activeCount() == 0, "no pool connection in use, "
                    + dataSource.getMetrics());
            // the LISTEN is on the listener's own session
            assertEquals(1, fixtures.count("select count(*) from pg_stat_activity where pid = ?1"
                    + " and application_name = ?2 and query ilike 'LISTEN%'", listener.listeningPid(),
                    NotificationListener.APPLICATION_NAME));
        } finally {
            socket.close();
            dataSource.getConfiguration().setMetricsEnabled(metricsWereOn);
        }
    }

    @Test
    void aNotificationStillArrivesAfterTheListeningSessionWasKilled() throws Exception {
        Person person = fixtures.person();
        WsFrames socket = subscribed(person);
        try {
            listenerIsUp();
            int killed = listener.listeningPid();
            long start = System.nanoTime();
            assertEquals(1, fixtures.count("select count(*) from (select pg_terminate_backend(cast(?1 as int))"
                    + " as done) as terminated where done", killed));

            await(() -> listener.listeningPid() != 0 && listener.listeningPid() != killed,
                    "the listener listens on a new session");
            long millis = (System.nanoTime() - start) / 1_000_000;
            notify(person, "После обрыва");
            assertEquals("После обрыва", nextTitle(socket));
            System.out.printf("LISTENER_RECONNECT: listening again %d ms after its session was killed%n", millis);
        } finally {
            socket.close();
        }
    }

    @Test
    void announcementsOfAnotherFormatAreIgnoredAndTheListenerGoesOn() throws Exception {
        Person person = fixtures.person();
        WsFrames socket = subscribed(person);
        try {
            listenerIsUp();
            // an instance of the previous version announces the id alone, on the old channel
            fixtures.count("with stored as (insert into notification (id, account_id, kind, title, body, created_at)"
                    + " values (gen_random_uuid(), ?1, 'INVITATION_RECEIVED', 'Со старого сервера', 'Текст', now())"
                    + " returning id), told as (select pg_notify('ediary_notification', cast(id as text)) from stored)"
                    + " select count(*) from told", person.id());
            // garbage on the new channel
            fixtures.count("select count(pg_notify('" + NotificationListener.CHANNEL + "', 'не:идентификатор'))");
            notify(person, "С нового сервера");

            assertEquals("С нового сервера", nextTitle(socket));
        } finally {
            socket.close();
        }
    }
}
