package ru.ediary.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.ediary.test.ContactDeliveryServers;
import ru.ediary.test.Tokens;
import ru.ediary.test.WsFrames;

/**
 * Two packaged server processes on one database, as behind a balancer: instance A is the one Quarkus starts,
 * instance B a second process of the same jar. A notification produced on A reaches a subscriber on B.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = ProductionLikeResources.class, restrictToAnnotatedClass = true)
class TwoInstancesIT {

    private static final Path B_LOG = Path.of("target", "instance-b.log");
    private static Process instanceB;
    private static int portB;

    @BeforeAll
    static void startInstanceB() throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            portB = free.getLocalPort();
        }
        var builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", "target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true).redirectOutput(B_LOG.toFile());
        builder.environment().put("DB_SCHEMA", ProductionLikeResources.SCHEMA); // instance A's schema, not cleaned again
        builder.environment().put("OIDC_AUTH_SERVER_URL", System.getProperty(ProductionLikeResources.OIDC_URL_PROPERTY));
        builder.environment().put("QUARKUS_OIDC_TOKEN_ISSUER", Tokens.ISSUER);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(portB));
        // the same SMTP server and SMS gateway as instance A (ProductionLikeResources)
        builder.environment().putAll(ContactDeliveryServers.operatorEnvironment());
        instanceB = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            assertTrue(instanceB.isAlive(), () -> "instance B exited:\n" + log());
            try {
                if (given().baseUri("http://localhost").port(portB).get("/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (Exception notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("instance B not ready in 60 s:\n" + log());
    }

    @AfterAll
    static void stopInstanceB() throws InterruptedException {
        if (instanceB != null) {
            instanceB.destroy();
            if (!instanceB.waitFor(20, TimeUnit.SECONDS)) {
                instanceB.destroyForcibly();
            }
        }
    }

    private static String log() {
        try {
            return Files.readString(B_LOG);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static JsonPath call(Integer port, String token, String query, Map<String, ?> variables) {
        var request = given().contentType(ContentType.JSON).body(Map.of("query", query, "variables", variables));
        if (port != null) {
            request.baseUri("http://localhost").port(port);
        }
        return request.header("Authorization", "Bearer " + token).post("/graphql").then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void aNotificationProducedOnOneInstanceReachesASubscriberOnTheOther() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String schoolClient = "school-it-" + run;
        try (var db = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/postgres?currentSchema=" + ProductionLikeResources.SCHEMA, "postgres", "")) {
            // schools are provisioned with their school-system client, by the operator (brief: a school is bound
            // to its system); everything else arrives through the API
            try (var insert = db.prepareStatement("insert into school (id, name, system_client_id) values (?, ?, ?)")) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, "Школа " + run);
                insert.setString(3, schoolClient);
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        String motherPhone = "+7916" + (1_000_000 + Math.floorMod(run.hashCode(), 8_999_999));
        String motherEmail = "mother-" + run + "@example.ru";
        String mother = Tokens.person("mother-" + run, Map.of("family_name", "Соколова", "given_name", "Анна",
                "email", motherEmail, "email_verified", true, "phone_number", motherPhone,
                "phone_number_verified", true), Set.of());
        String grandmaPhone = "+7926" + (1_000_000 + Math.floorMod(run.hashCode() * 31, 8_999_999));
        String grandma = Tokens.person("grandma-" + run, Map.of("family_name", "Соколова", "given_name", "Галина",
                "phone_number", grandmaPhone, "phone_number_verified", "true"), Set.of());

        // on A: the school system sends its roster, in which the mother is the child's legal representative
        Map<String, Object> guardian = new HashMap<>(Map.of("externalId", "g-1", "lastName", "Соколова",
                "firstName", "Анна", "relation", "MOTHER", "email", motherEmail, "phone", motherPhone));
        Map<String, Object> student = new HashMap<>(Map.of("externalId", "s-1", "classExternalId", "c-1",
                "lastName", "Соколов", "firstName", "Миша", "birthDate", "2015-05-05", "status", "ENROLLED",
                "guardians", List.of(guardian)));
        JsonPath roster = call(null, Tokens.schoolSystem(schoolClient), """
                mutation($input: RosterInput!) { upsertRoster(input: $input) { userErrors { code } } }""",
                Map.of("input", Map.of("classes", List.of(Map.of("externalId", "c-1", "name", "2А")),
                        "students", List.of(student))));
        assertEquals(List.of(), roster.getList("data.upsertRoster.userErrors"), roster.prettify());
        String childId = call(null, mother, "{ diaryAccess { children { child { id } } } }", Map.of())
                .getString("data.diaryAccess.children[0].child.id");
        assertNotNull(childId, "the mother sees her child on A");

        // on B: the grandmother registers and subscribes
        assertNotNull(call(portB, grandma, "{ me { id } }", Map.of()).getString("data.me.id"));
        WsFrames frames = WsFrames.connect(URI.create("ws://localhost:" + portB + "/graphql"));
        WebSocket socket = frames.socket();
        try {
            socket.sendText("{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer " + grandma + "\"}}", true);
            assertTrue(String.valueOf(frames.next()).contains("connection_ack"));
            socket.sendText("{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":"
                    + "\"subscription { notificationAdded { kind title } }\"}}", true);
            Thread.sleep(500); // let the subscription register before the event

            // on A: the mother invites her
            JsonPath sent = call(null, mother, """
                    mutation($input: InvitationInput!, $key: String!) {
                      sendInvitation(input: $input, idempotencyKey: $key) { invitation { id } userErrors { code } }
                    }""", Map.of("key", "k-" + run, "input", Map.of("service", "ELECTRONIC_DIARY",
                    "childIds", List.of(childId), "phone", grandmaPhone, "surname", "Соколова")));
            assertEquals(List.of(), sent.getList("data.sendInvitation.userErrors"), sent.prettify());

            String message = frames.next();
            assertNotNull(message, "nothing reached the subscriber on B within 10 s");
            assertTrue(message.contains("\"next\"") && message.contains("INVITATION_RECEIVED"), message);
        } finally {
            socket.abort();
        }

        // B's production log: JSON lines with the request id and operation, and no personal data
        String requestId = "it-" + run + "-trace";
        given().baseUri("http://localhost").port(portB).contentType(ContentType.JSON).header("X-Request-Id", requestId)
                .header("Authorization", "Bearer " + grandma)
                .body(Map.of("query", "query ItProfile { me { id } }")).post("/graphql").then().statusCode(200);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        String line = null;
        while (line == null && System.nanoTime() < deadline) {
            line = log().lines().filter(l -> l.contains(requestId)).findFirst().orElse(null);
            Thread.sleep(100);
        }
        assertNotNull(line, "no log line with the request id:\n" + log());
        JsonPath json = JsonPath.from(line);
        assertEquals("ru.ediary.access", json.getString("loggerName"), line);
        assertEquals(requestId, json.getString("mdc.requestId"), line);
        assertEquals("ItProfile", json.getString("mdc.operation"), line);
        String whole = log();
        for (String personal : List.of(grandmaPhone, motherPhone, motherEmail, grandmaPhone.substring(2))) {
            assertFalse(whole.contains(personal), "personal data in instance B's log");
        }
    }

    @Test
    void aCodeSentThroughOneInstanceIsConfirmedThroughTheOther() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String token = Tokens.person("confirm-" + run, Map.of("family_name", "Кодова"), Set.of());
        String phone = "+7925" + (1_000_000 + Math.floorMod(run.hashCode(), 8_999_999));
        String update = """
                mutation($input: ProfileInput!) { updateMyProfile(input: $input) { userErrors { code } } }""";
        String confirm = """
                mutation($input: ConfirmContactInput!) {
                  confirmContact(input: $input) { account { phone phoneVerified } userErrors { code } }
                }""";

        // on A: the phone is typed and its code sent
        assertEquals(List.of(), call(null, token, update, Map.of("input", Map.of("phone", phone)))
                .getList("data.updateMyProfile.userErrors"));
        String code = ContactDeliveryServers.lastSmsCode(phone).orElseThrow(() -> new AssertionError("no SMS"));
        String wrong = String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
        // a wrong try on A counts on B: the attempts are in PostgreSQL, not in an instance
        assertEquals("WRONG_CODE", call(null, token, confirm, Map.of("input", Map.of("channel", "PHONE", "code", wrong)))
                .getString("data.confirmContact.userErrors[0].code"));
        assertEquals(4, call(portB, token, "{ me { pendingPhone { attemptsLeft } } }", Map.of())
                .getInt("data.me.pendingPhone.attemptsLeft"));

        // on B: the right code confirms it
        JsonPath confirmed = call(portB, token, confirm, Map.of("input", Map.of("channel", "PHONE", "code", code)));

        assertEquals(List.of(), confirmed.getList("data.confirmContact.userErrors"), confirmed.prettify());
        assertEquals(phone, confirmed.getString("data.confirmContact.account.phone"));
        JsonPath onA = call(null, token, "{ me { phone phoneVerified pendingPhone { value } } }", Map.of());
        assertEquals(phone, onA.getString("data.me.phone"));
        assertTrue(onA.getBoolean("data.me.phoneVerified"));
        // neither the code nor the phone is in B's production log
        String whole = log();
        assertFalse(whole.contains(code) || whole.contains(phone.substring(2)), "code or phone in instance B's log");
    }
}
