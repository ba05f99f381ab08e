package ru.ediary.graphql;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.ediary.test.Fixtures;

/** GraphQL over HTTP: the application/graphql-response+json media type and its status codes. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class GraphQLOverHttpTest {

    private static final String MEDIA_TYPE = "application/graphql-response+json";

    @Inject
    Fixtures fixtures;

    private io.restassured.response.ValidatableResponse post(String accept, String query) {
        return given().header("Authorization", "Bearer " + fixtures.person().token()).accept(accept)
                .contentType("application/json").body(Map.of("query", query)).post("/graphql").then();
    }

    @Test
    void aValidRequestIsAnsweredInTheRequestedMediaType() {
        post(MEDIA_TYPE, "{ me { id } }").statusCode(200).contentType(startsWith(MEDIA_TYPE))
                .body("data.me.id", notNullValue());
    }

    @Test
    void parseAndValidationFailuresAre400WithGraphQLResponseJson() {
        post(MEDIA_TYPE, "{ me { id ").statusCode(400).contentType(startsWith(MEDIA_TYPE))
                .body("data", nullValue()).body("errors[0].extensions.code", equalTo("GRAPHQL_VALIDATION_FAILED"));
        post(MEDIA_TYPE, "{ me { password } }").statusCode(400).contentType(startsWith(MEDIA_TYPE))
                .body("data", nullValue());
        given().accept(MEDIA_TYPE).contentType("application/json").body("{\"nope\": 1}").post("/graphql")
                .then().statusCode(400);
    }

    @Test
    void legacyJsonClientsKeepStatus200() {
        post("application/json", "{ me { password } }").statusCode(200).contentType(startsWith("application/json"))
                .body("errors", notNullValue());
    }

    @Test
    void anUnacceptableMediaTypeIs406() {
        post("text/html", "{ me { id } }").statusCode(406);
    }
}
