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

    @Test
    void aGenuineTokenIsAccepted() {
        String subject = TestData.unique("genuine");
        given().contentType("application/json").header("Authorization", "Bearer " + Tokens.sign(valid(subject)))
                .body(Map.of("query", "{ me { id } }")).post("/graphql").then().statusCode(200);
        assertEquals(1, fixtures.count("select count(*) from account where subject = ?1", subject));
    }
}
