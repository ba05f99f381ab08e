package ru.ediary.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.ediary.test.Fixtures;
import ru.ediary.test.Fixtures.Person;
import ru.ediary.test.GraphQL;

/**
 * Browsers may call the API only from the origins in CORS_ORIGINS (the test profile allows
 * https://spa.example.ru): preflights are answered and cached, requests carry the allow headers; any other
 * origin gets 403 and no Access-Control-Allow-Origin, and its request does not run. Bearer tokens only, so no credentials mode.
 * CorsDefaultIT shows the production default (empty list) refuses every foreign origin.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class CorsTest {

    static final String ALLOWED = "https://spa.example.ru";
    private static final String RENAME =
            "mutation { updateMyProfile(input: {lastName: \"Чужаков\"}) { userErrors { code } } }";

    @Inject
    Fixtures fixtures;

    @TestHTTPResource("/graphql")
    URI graphql;

    static Response preflight(String origin) {
        return given().header("Origin", origin).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type").options("/graphql");
    }

    @Test
    void theAllowedOriginsPreflightNamesTheMethodsAndHeadersTheApiUsesAndIsCached() {
        Response answer = preflight(ALLOWED);

        assertEquals(200, answer.statusCode());
        assertEquals(ALLOWED, answer.header("Access-Control-Allow-Origin"));
        assertEquals("GET,POST", answer.header("Access-Control-Allow-Methods"));
        assertEquals("Authorization,Content-Type,X-Request-Id", answer.header("Access-Control-Allow-Headers"));
        assertEquals("7200", answer.header("Access-Control-Max-Age"));
        assertNotEquals("true", answer.header("Access-Control-Allow-Credentials"), "bearer tokens only, no cookies");
    }

    @Test
    void theAllowedOriginsRequestRunsAndMayReadItsAnswerAndRequestId() {
        Person person = fixtures.person();

        Response answer = GraphQL.request(person.token(), "{ me { lastName } }", Map.of())
                .header("Origin", ALLOWED).post("/graphql");

        assertEquals(200, answer.statusCode());
        assertEquals("Тестов", answer.jsonPath().getString("data.me.lastName"));
        assertEquals(ALLOWED, answer.header("Access-Control-Allow-Origin"));
        assertEquals("X-Request-Id", answer.header("Access-Control-Expose-Headers"));
        assertNotEquals("true", answer.header("Access-Control-Allow-Credentials"));
    }

    @Test
    void anotherOriginsPreflightIsRefusedWithoutAnyAllowOrigin() {
        for (String origin : new String[] {"https://evil.example.com", "https://spa.example.ru.evil.com",
                "http://spa.example.ru", "https://spa.example.ru:8443", "null"}) {
            Response answer = preflight(origin);
            assertEquals(403, answer.statusCode(), origin);
            assertNoCorsHeaders(answer, origin);
        }
    }

    @Test
    void anotherOriginsMutationIsRefusedAndChangesNothing() {
        Person person = fixtures.person();

        Response answer = GraphQL.request(person.token(), RENAME, Map.of())
                .header("Origin", "https://evil.example.com").post("/graphql");

        assertEquals(403, answer.statusCode());
        assertNoCorsHeaders(answer, "https://evil.example.com");
        assertEquals("Тестов", fixtures.account(person.id()).lastName, "the refused request never ran");
    }

    @Test
    void requestsWithoutAnOriginAreNotBrowsersAndAreServedWithoutCorsHeaders() {
        Person person = fixtures.person();

        Response answer = GraphQL.request(person.token(), "{ me { lastName } }", Map.of()).post("/graphql");

        assertEquals("Тестов", answer.jsonPath().getString("data.me.lastName"));
        assertNoCorsHeaders(answer, "no Origin");
        assertNull(answer.header("Access-Control-Allow-Methods"));
    }

    @Test
    void theSubscriptionsWebSocketOpensForTheAllowedOriginOnlyNotForAForeignPage() throws Exception {
        assertEquals(101, upgradeStatus(ALLOWED));
        // a page elsewhere cannot open a socket in the visitor's name (cross-site WebSocket hijacking)
        assertEquals(403, upgradeStatus("https://evil.example.com"));
    }

    /**
     * No header that grants access: the browser's CORS check needs Access-Control-Allow-Origin (and, for cookies,
     * Allow-Credentials), so without them the page cannot read the answer. Quarkus' filter still lists its
     * configured methods and headers on the 403; those alone grant nothing.
     */
    private static void assertNoCorsHeaders(Response answer, String origin) {
        assertNull(answer.header("Access-Control-Allow-Origin"), origin);
        assertNull(answer.header("Access-Control-Allow-Credentials"), origin);
    }

    /** The status line of a WebSocket handshake sent with the given Origin, as a browser sends it. */
    private int upgradeStatus(String origin) throws Exception {
        try (Socket socket = new Socket(graphql.getHost(), graphql.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /graphql HTTP/1.1\r\nHost: " + graphql.getHost() + ":" + graphql.getPort() + "\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Protocol: graphql-transport-ws\r\n"
                    + "Origin: " + origin + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            assertTrue(status != null && status.startsWith("HTTP/1.1 "), String.valueOf(status));
            return Integer.parseInt(status.substring(9, 12));
        }
    }
}
