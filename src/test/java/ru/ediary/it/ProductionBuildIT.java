package ru.ediary.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ru.ediary.test.GraphQL;
import ru.ediary.test.Management;
import ru.ediary.test.TestData;
import ru.ediary.test.Tokens;

/** The packaged server, in the production profile, exactly as it ships. */
@QuarkusIntegrationTest
@QuarkusTestResource(value = ProductionLikeResources.class, restrictToAnnotatedClass = true)
class ProductionBuildIT {

    @Test
    void theDevTokenMintIsNotInTheProductionBuild() {
        given().get("/dev/tokens").then().statusCode(404);
    }

    @Test
    void theDevConfirmationCodesAreNotInTheProductionBuild() {
        given().get("/dev/codes/demo-anna").then().statusCode(404);
        given().get("/dev/codes/prod-anyone").then().statusCode(404);
    }

    @Test
    void graphiqlIsNotServedInProduction() {
        given().get("/q/graphql-ui/").then().statusCode(404);
    }

    /** __type answered (non-null for a type that exists) and __schema { __typename } returned data before. */
    @Test
    void introspectionAndTheSchemaFileAreOffInProductionEvenForSignedInCallers() {
        given().get("/graphql/schema.graphql").then().statusCode(404);
        String token = Tokens.person(TestData.unique("introspect"), Map.of(), Set.of());
        for (String query : new String[] {"{ __schema { types { name } } }", "{ __schema { __typename } }",
            "{ __type(name: \"Account\") { __typename } }", "{ __type(name: \"NoSuchType\") { __typename } }"}) {
            var answer = GraphQL.call(token, query);
            org.junit.jupiter.api.Assertions.assertNull(answer.get("data"), query + ": " + answer.prettify());
            assertEquals("GRAPHQL_VALIDATION_FAILED", answer.getString("errors[0].extensions.code"), answer.prettify());
        }
        // the same answer for a type that exists and one that does not (a name of the same length): nothing to probe
        assertEquals(GraphQL.call(token, "{ __type(name: \"Account\") { name } }").prettify(),
                GraphQL.call(token, "{ __type(name: \"Xxxxxxx\") { name } }").prettify());
    }

    /** Anonymous requests are refused before parsing: no validation message names a type. */
    @Test
    void anonymousRequestsLearnNothingAboutTheSchema() {
        for (String query : new String[] {"{ nope }", "{ me { password } }", "{ __type(name: \"Account\") { name } }", "{"}) {
            String body = given().contentType("application/json").body(Map.of("query", query)).post("/graphql")
                    .then().statusCode(401).extract().asString();
            org.junit.jupiter.api.Assertions.assertTrue(body.contains("\"UNAUTHENTICATED\""), body);
            org.junit.jupiter.api.Assertions.assertFalse(body.contains("Query") || body.contains("Account"), body);
        }
    }

    @Test
    void aTokenSignedByAnUnknownKeyIsRefused() throws Exception {
        // signed by some key the production server does not trust: it never reaches a resolver
        String forged = io.smallrye.jwt.build.Jwt.issuer("ediary-dev").subject("demo-anna").audience(Tokens.AUDIENCE)
                .jws().keyId("dev").sign(java.security.KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate());
        given().header("Authorization", "Bearer " + forged).contentType("application/json")
                .body(Map.of("query", "{ me { id } }")).post("/graphql").then().statusCode(401);
    }

    @Test
    void aRealTokenRegistersAndServesTheCaller() {
        String token = Tokens.person(TestData.unique("prod"), Map.of("family_name", "Продова", "email",
                "prod@example.ru", "email_verified", true, "phone_number", "+79160001122",
                "phone_number_verified", true), Set.of());

        var answer = GraphQL.call(token, "{ me { fullName email phone } diaryAccess { nextSteps { code } } }");

        assertEquals("Продова", answer.getString("data.me.fullName"));
        assertEquals("+79160001122", answer.getString("data.me.phone"));
        assertEquals("GIVE_CONTACTS_TO_CLASS_TEACHER", answer.getString("data.diaryAccess.nextSteps[0].code"));
    }

    @Test
    void readinessIncludesTheDatabaseOnTheManagementPortOnly() {
        Management.given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("Database connections health check"));
        Management.given().get("/q/metrics").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(404);
        given().get("/q/metrics").then().statusCode(404);
    }
}
