package ru.ediary.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Tokens issued by the real Keycloak that e2e/keycloak.sh started with docker/keycloak/ediary-realm.json. */
final class Keycloak {

    static final String URL = System.getProperty("e2e.keycloak.url", "http://127.0.0.1:8280");
    static final String REALM = URL + "/realms/ediary";
    /** Every demo user's password (docker/keycloak/ediary-realm.json). */
    static final String DEMO_PASSWORD = "demo";
    /** The SPA's redirect URI, one the realm's wildcard allows. */
    static final String SPA_REDIRECT = "http://localhost:5173/callback";

    private Keycloak() {
    }

    private static String tokenEndpoint() {
        return REALM + "/protocol/openid-connect/token";
    }

    /** A person's access token, through the test-only client that allows the password grant. */
    static String person(String username) {
        return token(Map.of("grant_type", "password", "client_id", "ediary-e2e", "username", username,
                "password", DEMO_PASSWORD, "scope", "openid"));
    }

    /** A school system's access token, through client credentials (secret as in the demo realm). */
    static String schoolSystem(String clientId) {
        return token(Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", clientId + "-secret"));
    }

    /** The raw token endpoint answer, for grants that must be refused. */
    static JsonPath tokenAnswer(Map<String, String> form) {
        return given().formParams(form).post(tokenEndpoint()).then().extract().jsonPath();
    }

    private static String token(Map<String, String> form) {
        JsonPath answer = tokenAnswer(form);
        String token = answer.getString("access_token");
        assertTrue(token != null, () -> "Keycloak refused " + form.get("grant_type") + ": " + answer.prettify());
        return token;
    }

    /**
     * What the web client does: authorization code with PKCE (S256) through Keycloak's own login form.
     * Returns the access token.
     */
    static String spaSignIn(String username) throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String verifier = randomUrlSafe(48);
        String state = randomUrlSafe(16);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", "ediary-spa");
        query.put("response_type", "code");
        query.put("scope", "openid");
        query.put("redirect_uri", SPA_REDIRECT);
        query.put("state", state);
        query.put("code_challenge", s256(verifier));
        query.put("code_challenge_method", "S256");
        HttpResponse<String> loginPage = browser.send(HttpRequest.newBuilder(
                URI.create(REALM + "/protocol/openid-connect/auth?" + form(query))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, loginPage.statusCode(), loginPage.body());
        Matcher action = Pattern.compile("<form id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"").matcher(loginPage.body());
        assertTrue(action.find(), "Keycloak's login form");
        // Keycloak marks its session cookies Secure; browsers still send them to http://localhost (a secure
        // context), java.net's CookieManager does not, so they are carried by hand.
        String cookies = loginPage.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0])
                .collect(Collectors.joining("; "));

        HttpResponse<String> loggedIn = browser.send(HttpRequest.newBuilder(
                URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookies)
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", DEMO_PASSWORD,
                        "credentialId", ""))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, loggedIn.statusCode(), "login accepted");
        URI callback = URI.create(loggedIn.headers().firstValue("Location").orElseThrow());
        assertTrue(callback.toString().startsWith(SPA_REDIRECT), callback.toString());
        Map<String, String> params = parse(callback.getRawQuery());
        assertEquals(state, params.get("state"));

        return token(Map.of("grant_type", "authorization_code", "client_id", "ediary-spa",
                "code", params.get("code"), "redirect_uri", SPA_REDIRECT, "code_verifier", verifier));
    }

    /** Where the authorization endpoint sends the browser back when asked without a PKCE challenge. */
    static String authorizeWithoutPkce() throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String query = form(Map.of("client_id", "ediary-spa", "response_type", "code", "scope", "openid",
                "redirect_uri", SPA_REDIRECT));
        HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(
                URI.create(REALM + "/protocol/openid-connect/auth?" + query)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return answer.headers().firstValue("Location").orElse("status " + answer.statusCode());
    }

    static Map<String, String> parse(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
