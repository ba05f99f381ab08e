package ru.ediary.graphql;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.ediary.test.Fixtures;
import ru.ediary.test.TestData;
import ru.ediary.test.Tokens;

/** Every kind of bad token is UNAUTHENTICATED and reaches no resolver (the account is never registered). */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class TokenRejectionTest {

    @Inject
    Fixtures fixtures;

    private static JwtClaimsBuilder valid(String subject) {
        return Jwt.issuer(Tokens.ISSUER).subject(subject).audience(Tokens.AUDIENCE).expiresIn(600);
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void expiredNotYetValidForeignForgedAndTamperedTokensAreAllRefused() throws Exception {
        Map<String, String> tokens = new LinkedHashMap<>();
        Map<String, String> subjects = new LinkedHashMap<>();
        for (String kind : new String[] {"expired", "not yet valid", "wrong issuer", "wrong audience", "alg none",
            "unknown key", "tampered payload"}) {
            subjects.put(kind, TestData.unique("bad"));
        }
        long now = Instant.now().getEpochSecond();
        tokens.put("expired", Tokens.sign(Jwt.issuer(Tokens.ISSUER).subject(subjects.get("expired"))
                .audience(Tokens.AUDIENCE).issuedAt(now - 7200).expiresAt(now - 3600)));
        tokens.put("not yet valid", Tokens.sign(valid(subjects.get("not yet valid")).claim("nbf", now + 3600)));
        tokens.put("wrong issuer", Tokens.sign(Jwt.issuer("https://evil.example.com").subject(subjects.get("wrong issuer"))
                .audience(Tokens.AUDIENCE).expiresIn(600)));
        tokens.put("wrong audience", Tokens.sign(Jwt.issuer(Tokens.ISSUER).subject(subjects.get("wrong audience"))
                .audience("another-api").expiresIn(600)));
        tokens.put("alg none", b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64("{\"iss\":\"" + Tokens.ISSUER
                + "\",\"sub\":\"" + subjects.get("alg none") + "\",\"aud\":\"" + Tokens.AUDIENCE + "\",\"exp\":"
                + (now + 600) + "}") + ".");
        tokens.put("unknown key", valid(subjects.get("unknown key")).jws().keyId("1")
                .sign(KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate()));
        String genuine = Tokens.sign(valid(TestData.unique("genuine")));
        String[] parts = genuine.split("\\.");
        tokens.put("tampered payload", parts[0] + "." + b64("{\"iss\":\"" + Tokens.ISSUER + "\",\"sub\":\""
                + subjects.get("tampered payload") + "\",\"aud\":\"" + Tokens.AUDIENCE + "\",\"exp\":" + (now + 600)
                + "}") + "." + parts[2]);

        for (var token : tokens.entrySet()) {
            JsonPath answer = given().contentType("application/json").header("Authorization", "Bearer " + token.getValue())
                    .body(Map.of("query", "{ me { id } }")).post("/graphql")
                    .then().statusCode(401).extract().jsonPath();
            assertEquals("UNAUTHENTICATED", answer.getString("errors[0].extensions.code"), token.getKey());
            assertEquals(0, fixtures.count("select count(*) from account where subject = ?1",
                    subjects.get(token.getKey())), token.getKey() + " reached a resolver");
        }
    }

    @io.quarkus.test.oidc.server.OidcWireMock
    com.github.tomakehurst.wiremock.WireMockServer identityProvider;

    /**
     * Malformed and foreign tokens are refused from what the server already holds: no token introspection at the
     * identity provider (an anonymous client could make us hammer it) and no ERROR log line. An unknown key id may
     * refresh the key set, at most once per quarkus.oidc.token.forced-jwk-refresh-interval.
     */
    @Test
    void badTokensNeitherCallTheIdentityProviderNorLogErrors() throws Exception {
        long now = Instant.now().getEpochSecond();
        String genuine = Tokens.sign(valid(TestData.unique("genuine")));
        String[] parts = genuine.split("\\.");
        var foreignKey = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate();
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("garbage", "garbage");
        tokens.put("three dots", "aaa.bbb.ccc");
        tokens.put("opaque", "2YotnFZFEjr1zCsicMWpAA");
        tokens.put("alg none", b64("{\"alg\":\"none\"}") + "." + parts[1] + ".");
        tokens.put("stripped signature", parts[0] + "." + parts[1] + ".");
        tokens.put("unknown kid", valid(TestData.unique("kid")).jws().keyId("not-a-known-key").sign(foreignKey));
        tokens.put("another realm", Jwt.issuer("https://other.example.com/realms/other").subject(TestData.unique("o"))
                .audience(Tokens.AUDIENCE).expiresIn(600).jws().keyId("other").sign(foreignKey));
        tokens.put("refresh token", Tokens.sign(valid(TestData.unique("refresh")).claim("typ", "Refresh")));
        tokens.put("expired", Tokens.sign(Jwt.issuer(Tokens.ISSUER).subject(TestData.unique("e")).audience(Tokens.AUDIENCE)
                .issuedAt(now - 7200).expiresAt(now - 3600)));

        java.util.List<java.util.logging.LogRecord> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler recorder = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                if (record.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()) {
                    errors.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        int before = identityProvider.getAllServeEvents().size();
        root.addHandler(recorder);
        try {
            for (var token : tokens.entrySet()) {
                for (int i = 0; i < 3; i++) {
                    JsonPath answer = given().contentType("application/json")
                            .header("Authorization", "Bearer " + token.getValue())
                            .body(Map.of("query", "{ me { id } }")).post("/graphql")
                            .then().statusCode(401).extract().jsonPath();
                    assertEquals("UNAUTHENTICATED", answer.getString("errors[0].extensions.code"), token.getKey());
                }
            }
        } finally {
            root.removeHandler(recorder);
        }
        var calls = identityProvider.getAllServeEvents().subList(0, identityProvider.getAllServeEvents().size() - before)
                .stream().map(e -> e.getRequest().getMethod() + " " + e.getRequest().getUrl()).toList();
        org.junit.jupiter.api.Assertions.assertTrue(calls.stream().noneMatch(c -> c.contains("introspect")), calls.toString());
        org.junit.jupiter.api.Assertions.assertTrue(calls.size() <= 1, "at most one key-set refresh: " + calls);
        org.junit.jupiter.api.Assertions.assertTrue(errors.isEmpty(),
                errors.stream().map(r -> r.getLoggerName() + ": " + r.getMessage()).toList().toString());
    }

    @Test
    void aGenuineTokenIsAccepted() {
        String subject = TestData.unique("genuine");
        given().contentType("application/json").header("Authorization", "Bearer " + Tokens.sign(valid(subject)))
                .body(Map.of("query", "{ me { id } }")).post("/graphql").then().statusCode(200);
        assertEquals(1, fixtures.count("select count(*) from account where subject = ?1", subject));
    }
}
