package ru.ediary.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.ediary.test.GraphQL.call;
import static ru.ediary.test.GraphQL.errorCode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ru.ediary.test.Fixtures;
import ru.ediary.test.Fixtures.Person;
import ru.ediary.test.WsFrames;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class NotificationsTest {

    private static final String PAGE = """
            query($first: Int, $after: String, $unread: Boolean) {
              notifications(first: $first, after: $after, unreadOnly: $unread) {
                edges { cursor node { id title read } } pageInfo { hasNextPage endCursor }
              }
            }""";
    private static final String MARK = "mutation($ids: [String!]!) { markNotificationsRead(ids: $ids) { marked userErrors { code } } }";

    @Inject
    Fixtures fixtures;
    @Inject
    NotificationService notifications;

    @TestHTTPResource("/graphql")
    URI graphql;

    @Transactional
    void notify(Person person, String title) {
        notifications.notify(person.id(), NotificationKind.INVITATION_RECEIVED, title, "Текст", null, null);
    }

    @Test
    void pagesAreNewestFirstWithStableCursorsWhileNewOnesArrive() {
        Person person = fixtures.person();
        for (int i = 1; i <= 5; i++) {
            notify(person, "n" + i);
        }
        JsonPath first = call(person.token(), PAGE, Map.of("first", 2));
        assertEquals(List.of("n5", "n4"), first.getList("data.notifications.edges.node.title"));
        assertTrue(first.getBoolean("data.notifications.pageInfo.hasNextPage"));

        notify(person, "n6"); // arrives between pages: no duplicate, no gap
        List<String> rest = new ArrayList<>();
        String after = first.getString("data.notifications.pageInfo.endCursor");
        boolean more = true;
        while (more) {
            JsonPath page = call(person.token(), PAGE, Map.of("first", 2, "after", after));
            rest.addAll(page.getList("data.notifications.edges.node.title"));
            more = page.getBoolean("data.notifications.pageInfo.hasNextPage");
            after = page.getString("data.notifications.pageInfo.endCursor");
        }
        assertEquals(List.of("n3", "n2", "n1"), rest);
    }

    @Test
    void pageSizeIsCappedAndCursorsChecked() {
        Person person = fixtures.person();
        assertEquals("BAD_USER_INPUT", errorCode(call(person.token(), PAGE, Map.of("first", 101))));
        assertEquals("BAD_USER_INPUT", errorCode(call(person.token(), PAGE, Map.of("first", 0))));
        assertEquals("BAD_USER_INPUT", errorCode(call(person.token(), PAGE, Map.of("after", "garbage!"))));
    }

    @Test
    void markingReadTouchesOnlyTheCallersOwnNotifications() {
        Person me = fixtures.person();
        Person other = fixtures.person();
        notify(me, "mine");
        notify(other, "theirs");
        String mine = call(me.token(), PAGE, Map.of()).getString("data.notifications.edges[0].node.id");
        String theirs = call(other.token(), PAGE, Map.of()).getString("data.notifications.edges[0].node.id");

        JsonPath foreign = call(me.token(), MARK, Map.of("ids", List.of(mine, theirs)));
        assertEquals("NOT_FOUND", errorCode(foreign), foreign.prettify());
        assertFalse(call(me.token(), PAGE, Map.of()).getBoolean("data.notifications.edges[0].node.read"));
        assertFalse(call(other.token(), PAGE, Map.of()).getBoolean("data.notifications.edges[0].node.read"));

        assertEquals(1, call(me.token(), MARK, Map.of("ids", List.of(mine))).getInt("data.markNotificationsRead.marked"));
        assertEquals(0, call(me.token(), MARK, Map.of("ids", List.of(mine))).getInt("data.markNotificationsRead.marked"));
        assertEquals(List.of(), call(me.token(), PAGE, Map.of("unread", true)).getList("data.notifications.edges"));
        assertEquals("UNAUTHENTICATED", errorCode(call(null, MARK, Map.of("ids", List.of(mine)))));
    }

    @Test
    void theSubscriptionDeliversANewNotificationToARealWebSocketClient() throws Exception {
        Person person = fixtures.person();
        Person someoneElse = fixtures.person();
        WsFrames listener = WsFrames.connect(URI.create(graphql.toString().replace("http", "ws")));
        WebSocket socket = listener.socket();
        try {
            socket.sendText("{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer " + person.token() + "\"}}", true);
            assertTrue(listener.next().contains("connection_ack"));
            socket.sendText("{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":"
                    + "\"subscription { notificationAdded { title kind } }\"}}", true);
            Thread.sleep(500); // let the subscription register before the event

            notify(someoneElse, "не для вас");
            notify(person, "Вам приглашение");

            String message = listener.next();
            assertNotNull(message, "no message within 10 s");
            assertTrue(message.contains("\"next\"") && message.contains("Вам приглашение"), message);
            assertFalse(message.contains("не для вас"), message);
        } finally {
            socket.abort();
        }
    }

    @Test
    void aNotificationStoredByAnotherInstanceReachesThisInstancesSubscriber() throws Exception {
        Person person = fixtures.person();
        WsFrames listener = WsFrames.connect(URI.create(graphql.toString().replace("http", "ws")));
        WebSocket socket = listener.socket();
        try {
            socket.sendText("{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer " + person.token() + "\"}}", true);
            assertTrue(listener.next().contains("connection_ack"));
            socket.sendText("{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":"
                    + "\"subscription { notificationAdded { title } }\"}}", true);
            Thread.sleep(500);

            // another server process: its own connection, its own transaction, the same database
            fixtures.count("with stored as (insert into notification (id, account_id, kind, title, body, created_at)"
                    + " values (gen_random_uuid(), ?1, 'INVITATION_RECEIVED', 'С другого сервера', 'Текст', now())"
                    + " returning id, account_id), told as (select pg_notify('ediary_notification_v2',"
                    + " cast(account_id as text) || ':' || cast(id as text)) from stored)"
                    + " select count(*) from told", person.id());

            String message = listener.next();
            assertNotNull(message, "no message within 10 s");
            assertTrue(message.contains("С другого сервера"), message);
        } finally {
            socket.abort();
        }
    }

    @Test
    void aSubscriptionWithoutAValidTokenGetsNothing() throws Exception {
        WsFrames listener = WsFrames.connect(URI.create(graphql.toString().replace("http", "ws")));
        WebSocket socket = listener.socket();
        try {
            socket.sendText("{\"type\":\"connection_init\",\"payload\":{}}", true);
            String ack = listener.next();
            socket.sendText("{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":"
                    + "\"subscription { notificationAdded { title } }\"}}", true);
            String answer = listener.next();
            Set<String> seen = new HashSet<>();
            seen.add(String.valueOf(ack));
            seen.add(String.valueOf(answer));
            assertTrue(seen.stream().anyMatch(m -> m.contains("UNAUTHENTICATED") || m.contains("\"error\"")
                    || m.equals("null")), seen.toString());
            assertFalse(seen.stream().anyMatch(m -> m.contains("\"next\"")), seen.toString());
        } finally {
            socket.abort();
        }
    }
}
