package ru.ediary.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import ru.ediary.test.Fixtures;
import ru.ediary.test.TestData;

/** Per-operation metrics at /q/metrics (management port) and request ids, as operators read them. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ObservabilityTest {

    @Inject
    Fixtures fixtures;

    private static Response post(String token, String requestId, Map<String, Object> body) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        return request.post("/graphql");
    }

    private static String metrics() {
        return ru.ediary.test.Management.metrics();
    }

    /** The count of the series with exactly these operation, type and outcome tags; 0 when it does not exist. */
    private static double count(String metrics, String operation, String type, String outcome) {
        Pattern series = Pattern.compile("ediary_graphql_requests_seconds_count\\{([^}]*)\\} (\\S+)");
        Matcher m = series.matcher(metrics);
        while (m.find()) {
            Set<String> tags = Set.of(m.group(1).split(","));
            if (tags.contains("operation=\"" + operation + "\"") && tags.contains("type=\"" + type + "\"")
                    && tags.contains("outcome=\"" + outcome + "\"")) {
                return Double.parseDouble(m.group(2));
            }
        }
        return 0;
    }

    private static double refused(String metrics, String reason) {
        Matcher m = Pattern.compile("ediary_graphql_refused_total\\{reason=\"" + reason + "\"\\} (\\S+)").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void metricsAndHealthAreOnlyOnTheManagementPort() {
        given().get("/q/metrics").then().statusCode(404);
        given().get("/q/health/ready").then().statusCode(404);
        ru.ediary.test.Management.given().get("/q/health/ready").then().statusCode(200);
        assertTrue(metrics().contains("ediary_graphql_requests_seconds"));
    }

    @Test
    void eachOperationIsCountedByNameTypeAndOutcome() {
        String name = "Obs" + TestData.unique("op").replaceAll("[^A-Za-z0-9]", "");
        var parent = fixtures.family().parent();

        post(parent.token(), null, Map.of("query", "query " + name + " { me { id } }", "operationName", name))
                .then().statusCode(200);
        post(parent.token(), null, Map.of("query", "query " + name + " { me { id } }")).then().statusCode(200);
        double refusedBefore = refused(metrics(), "UNAUTHENTICATED");
        post(null, null, Map.of("query", "query " + name + " { me { id } }")).then().statusCode(401);
        post(parent.token(), null, Map.of("query", "query " + name + " { noSuchField }")).then().statusCode(200);

        String metrics = metrics();
        assertEquals(2, count(metrics, name, "query", "ok"), "two successful runs");
        // a request without a token is refused before parsing: not an operation, counted as a refusal
        assertEquals(0, count(metrics, name, "query", "UNAUTHENTICATED"),
                metrics.lines().filter(l -> l.contains(name)).toList().toString());
        assertEquals(refusedBefore + 1, refused(metrics, "UNAUTHENTICATED"));
        assertEquals(1, count(metrics, name, "query", "VALIDATION_FAILED"));
        // latency histogram buckets for dashboards (histogram_quantile over _bucket)
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("ediary_graphql_requests_seconds_bucket{")
                && l.contains("operation=\"" + name + "\"") && l.contains("le=\"0.1\"")), "histogram buckets");
    }

    @Test
    void mutationsAndAnonymousOperationsAreTaggedToo() {
        var person = fixtures.person();
        double before = count(metrics(), "anonymous", "mutation", "ok");

        post(person.token(), null, Map.of("query", "mutation { updateMyProfile(input: {middleName: \"Петровна\"}) "
                + "{ userErrors { code } } }")).then().statusCode(200);

        assertEquals(before + 1, count(metrics(), "anonymous", "mutation", "ok"));
    }

    @Test
    void clientChosenNamesCannotGrowTheMetricsWithoutBound() {
        var parent = fixtures.family().parent();
        for (int i = 0; i < 120; i++) {
            String name = "Flood" + i + TestData.unique("n").replaceAll("[^A-Za-z0-9]", "");
            post(parent.token(), null, Map.of("query", "query " + name + " { me { id } }")).then().statusCode(200);
        }
        post(parent.token(), null, Map.of("query", "query Bad { me { id } }", "operationName", "x".repeat(100)))
                .then().statusCode(200);

        String metrics = metrics();
        Set<String> operations = Pattern.compile("ediary_graphql_requests_seconds_count\\{[^}]*operation=\"([^\"]*)\"")
                .matcher(metrics).results().map(r -> r.group(1)).collect(Collectors.toSet());
        // the configured 100 names, plus the fixed words
        assertTrue(operations.size() <= 100 + 3, operations.size() + " operation tags");
        assertTrue(operations.contains("other"), "names past the limit count as other");
    }

    @Test
    void aRequestIdFromTheBalancerIsKeptAndEchoed() {
        String id = "lb-" + TestData.unique("req").replaceAll("[^A-Za-z0-9]", "");
        String echoed = post(null, id, Map.of("query", "{ __typename }")).then().statusCode(401)
                .extract().header("X-Request-Id");
        assertEquals(id, echoed);
    }

    @Test
    void anUnusableRequestIdIsReplacedByAFreshOne() {
        String hostile = "x\" onerror=alert(1) " + "y".repeat(80);
        String echoed = post(null, hostile, Map.of("query", "{ __typename }")).then().statusCode(401)
                .extract().header("X-Request-Id");
        assertNotEquals(hostile, echoed);
        assertTrue(echoed.matches("[0-9a-f-]{36}"), echoed);
        // refused requests carry one as well
        String refused = given().contentType("text/plain").body("{}").post("/graphql").then().statusCode(415)
                .extract().header("X-Request-Id");
        assertTrue(refused != null && refused.matches("[0-9a-f-]{36}"), String.valueOf(refused));
    }
}
