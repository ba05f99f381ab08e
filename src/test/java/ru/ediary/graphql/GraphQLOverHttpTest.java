package ru.ediary.graphql;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.ediary.test.Fixtures;

/**
 * GraphQL over HTTP (the 2024 draft): media types, status codes and the shape of a request. Clients asking for
 * {@code application/graphql-response+json} get 4xx for an answer without data; everyone else
 * ({@code application/json}, {@code *}{@code /*}, no Accept) gets {@code application/json} and 200 for any
 * well-formed request; a body that is not a GraphQL request is 400 whatever was asked.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class GraphQLOverHttpTest {

    private static final String MEDIA_TYPE = "application/graphql-response+json";

    @Inject
    Fixtures fixtures;

    private ValidatableResponse send(String accept, String body) {
        return given().header("Authorization", "Bearer " + fixtures.person().token()).contentType("application/json")
                .header("Accept", accept).body(body).post("/graphql").then();
    }

    private ValidatableResponse post(String accept, String query) {
        return send(accept, io.vertx.core.json.Json.encode(Map.of("query", query)));
    }

    /** A POST with no Accept header at all (RestAssured always sends one). */
    private java.net.http.HttpResponse<String> withoutAccept(String body) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + "/graphql"))
                .header("Authorization", "Bearer " + fixtures.person().token()).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aValidRequestIsAnsweredInTheRequestedMediaType() {
        post(MEDIA_TYPE, "{ me { id } }").statusCode(200).contentType(startsWith(MEDIA_TYPE))
                .body("data.me.id", notNullValue());
        post("application/json", "{ me { id } }").statusCode(200).contentType(startsWith("application/json"))
                .body("data.me.id", notNullValue());
        post(MEDIA_TYPE + ", application/json;q=0.9", "{ me { id } }").statusCode(200).contentType(startsWith(MEDIA_TYPE));
        post("application/json, " + MEDIA_TYPE + ";q=0.5", "{ me { id } }").statusCode(200)
                .contentType(startsWith("application/json"));
    }

    @Test
    void answersWithoutDataAre400WithGraphQLResponseJson() {
        for (String query : new String[] {"{ me { id ", "{", "{ nope }", "{ me { password } }"}) {
            post(MEDIA_TYPE, query).statusCode(400).contentType(startsWith(MEDIA_TYPE))
                    .body("$", not(hasKey("data"))).body("errors[0].extensions.code", startsWith("GRAPHQL_"));
        }
    }

    @Test
    void withoutAcceptOrWithAnyTypeTheAnswerIsLegacyJsonWith200() throws Exception {
        for (String query : new String[] {"{ nope }", "{"}) {
            var answer = withoutAccept(io.vertx.core.json.Json.encode(Map.of("query", query)));
            org.junit.jupiter.api.Assertions.assertEquals(200, answer.statusCode(), answer.body());
            org.junit.jupiter.api.Assertions.assertTrue(answer.headers().firstValue("Content-Type").orElse("")
                    .startsWith("application/json"), answer.headers().toString());
            post("*/*", query).statusCode(200).contentType(startsWith("application/json"))
                    .body("errors[0].extensions.code", startsWith("GRAPHQL_"));
        }
        var ok = withoutAccept("{\"query\":\"{ me { id } }\"}");
        org.junit.jupiter.api.Assertions.assertEquals(200, ok.statusCode());
        org.junit.jupiter.api.Assertions.assertTrue(ok.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    }

    @Test
    void legacyJsonClientsKeepStatus200() {
        post("application/json", "{ me { password } }").statusCode(200).contentType(startsWith("application/json"))
                .body("errors[0].extensions.code", equalTo("GRAPHQL_VALIDATION_FAILED"));
    }

    @Test
    void malformedJsonIs400ForEveryMediaType() {
        for (String accept : new String[] {MEDIA_TYPE, "application/json", "*/*"}) {
            send(accept, "{ \"not a JSON").statusCode(400).body("errors[0].extensions.code", equalTo("BAD_REQUEST"));
            send(accept, "[{\"query\":\"{ me { id } }\"}]").statusCode(400)
                    .body("errors[0].extensions.code", equalTo("BAD_REQUEST"));
        }
    }

    /** These answered 500 (a NullPointerException or ClassCastException inside the engine) before. */
    @Test
    void parametersOfTheWrongTypeAre400AndNeverAServerError() {
        for (String body : new String[] {
            "{\"query\":\"{ __typename }\",\"variables\":\"x\"}",
            "{\"query\":\"{ __typename }\",\"variables\":5}",
            "{\"query\":\"{ __typename }\",\"variables\":true}",
            "{\"query\":\"{ __typename }\",\"variables\":[1]}",
            "{\"query\":\"{ __typename }\",\"operationName\":5}",
            "{\"query\":\"{ __typename }\",\"operationName\":{}}",
            "{\"query\":\"{ __typename }\",\"extensions\":\"x\"}",
            "{\"query\":5}",
            "{\"qeury\":\"{ __typename }\"}",
            "{}"}) {
            for (String accept : new String[] {MEDIA_TYPE, "application/json"}) {
                send(accept, body).statusCode(400).body("errors[0].extensions.code", equalTo("BAD_REQUEST"));
            }
        }
    }

    @Test
    void anUnacceptableMediaTypeIs406() {
        post("text/html", "{ me { id } }").statusCode(406);
    }
}
