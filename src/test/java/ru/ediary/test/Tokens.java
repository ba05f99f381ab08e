package ru.ediary.test;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.util.Map;
import java.util.Set;

/** Real RS256 tokens, signed with the key whose public half quarkus-test-oidc-server publishes. */
public final class Tokens {

    public static final String ISSUER = "https://server.example.com";
    public static final String AUDIENCE = "ediary-api";

    private Tokens() {
    }

    /** Claims may be strings or JSON booleans ({@code email_verified: true}), as identity providers send them. */
    public static String person(String subject, Map<String, ?> claims, Set<String> roles) {
        JwtClaimsBuilder builder = Jwt.issuer(ISSUER).subject(subject).audience(AUDIENCE).groups(roles).expiresIn(600);
        claims.forEach((name, value) -> builder.claim(name, value));
        return sign(builder);
    }

    public static String schoolSystem(String clientId) {
        return sign(Jwt.issuer(ISSUER).subject("service-account-" + clientId).audience(AUDIENCE)
                .claim("azp", clientId).groups(Set.of("school-system")).expiresIn(600));
    }

    public static String sign(JwtClaimsBuilder builder) {
        return builder.jws().keyId("1").sign("privateKey.jwk");
    }
}
