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

    @Test
    void introspectionAndTheSchemaFileAreOffInProduction() {
        given().get("/graphql/schema.graphql").then().statusCode(404);
        var answer = GraphQL.call(null, "{ __schema { types { name } } }");
        org.junit.jupiter.api.Assertions.assertNull(answer.get("data.__schema"));
        org.junit.jupiter.api.Assertions.assertFalse(answer.getList("errors").isEmpty());
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
    void readinessIncludesTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("Database connections health check"));
    }
}
