package ru.ediary.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.ediary.test.GraphQL.call;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import org.junit.jupiter.api.Test;
import ru.ediary.test.Fixtures;
import ru.ediary.test.Fixtures.Person;
import ru.ediary.test.SqlRecorder;
import ru.ediary.test.SqlRecorder.Cost;
import ru.ediary.test.WsFrames;

/**
 * Queries and mutations over graphql-transport-ws (not only subscriptions) answer as they do over HTTP: SmallRye
 * runs WebSocket messages on the event loop, where our blocking resolvers and the query's unit of work cannot run
 * (see {@link OffTheEventLoop}).
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class WebSocketOperationsTest {

    @Inject
    Fixtures fixtures;
    @Inject
    UnitOfWork units;
    @Inject
    @PersistenceUnitExtension
    SqlRecorder recorder;

    @TestHTTPResource("/graphql")
    URI graphql;

    private WsFrames connected(String token) throws Exception {
        WsFrames socket = WsFrames.connect(URI.create(graphql.toString().replace("http", "ws")));
        String payload = token == null ? "{}" : "{\"Authorization\":\"Bearer " + token + "\"}";
        socket.send("{\"type\":\"connection_init\",\"payload\":" + payload + "}");
        String ack = socket.next();
        assertTrue(String.valueOf(ack).contains("connection_ack"), ack);
        return socket;
    }

    private static String subscribe(String id, String document) {
        return "{\"id\":\"" + id + "\",\"type\":\"subscribe\",\"payload\":{\"query\":\"" + document.replace("\"", "\\\"")
                + "\"}}";
    }

    /** The answer to operation {@code id}: its "next" frame's payload; asserts that "complete" follows. */
    private static JsonPath answer(WsFrames socket, String id) throws Exception {
        String next = socket.next();
        assertNotNull(next, "no answer within 10 s");
        JsonPath frame = JsonPath.from(next);
        assertEquals("next", frame.getString("type"), next);
        assertEquals(id, frame.getString("id"), next);
        String complete = socket.next();
        assertTrue(String.valueOf(complete).contains("\"complete\""), complete);
        return JsonPath.from(next).setRootPath("payload");
    }

    @Test
    void aQueryOverWebSocketAnswersLikeOverHttpInOneReadOnlyTransaction() throws Exception {
        Person person = fixtures.person();
        String overHttp = call(person.token(), "{ me { id fullName } }").getString("data.me.fullName");
        WsFrames socket = connected(person.token());
        try {
            JsonPath[] answer = new JsonPath[1];
            Cost cost = recorder.record(() -> {
                socket.send(subscribe("1", "{ me { id fullName } }"));
                try {
                    return answer[0] = answer(socket, "1");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertNull(answer[0].get("errors"), answer[0].prettify());
            assertEquals(person.id().toString(), answer[0].getString("data.me.id"));
            assertEquals(overHttp, answer[0].getString("data.me.fullName"));
            // the unit of work of a query, as over HTTP: one transaction, one statement, on a worker thread
            assertEquals(1, cost.transactions(), cost.describe());
            assertEquals(1, cost.statements().size(), cost.describe());
            assertFalse(cost.statements().get(0).thread().contains("eventloop"), cost.describe());
            assertEquals(0, units.open());
        } finally {
            socket.close();
        }
    }

    @Test
    void aMutationOverWebSocketChangesWhatItChangesOverHttp() throws Exception {
        Person person = fixtures.person();
        call(person.token(), "{ me { id } }");
        WsFrames socket = connected(person.token());
        try {
            socket.send(subscribe("m", "mutation { updateMyProfile(input: {middleName: \"Ивановна\"})"
                    + " { account { middleName } userErrors { code } } }"));
            JsonPath answer = answer(socket, "m");
            assertNull(answer.get("errors"), answer.prettify());
            assertEquals("Ивановна", answer.getString("data.updateMyProfile.account.middleName"));
            assertEquals("Ивановна", fixtures.account(person.id()).middleName);
        } finally {
            socket.close();
        }
    }

    @Test
    void aQueryOverWebSocketWithoutATokenIsUnauthenticatedNotAnInternalError() throws Exception {
        WsFrames socket = connected(null);
        try {
            socket.send(subscribe("1", "{ me { id } }"));
            String frame = socket.next();
            assertNotNull(frame, "no answer within 10 s");
            assertTrue(frame.contains("UNAUTHENTICATED"), frame);
            assertFalse(frame.contains("INTERNAL"), frame);
            assertEquals(0, units.open());
        } finally {
            socket.close();
        }
    }
}
