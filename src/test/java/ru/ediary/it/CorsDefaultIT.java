package ru.ediary.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.response.Response;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ru.ediary.test.GraphQL;
import ru.ediary.test.TestData;
import ru.ediary.test.Tokens;

/**
 * The packaged server as it ships, without CORS_ORIGINS: the empty default is no cross-origin access at all
 * (not allow-all), while clients that send no Origin (school systems, the balancer's checks) are served.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = ProductionLikeResources.class, restrictToAnnotatedClass = true)
class CorsDefaultIT {

    @Test
    void withoutCorsOriginsNoBrowserOriginIsAllowed() {
        for (String origin : new String[] {"https://spa.example.ru", "http://localhost:5173", "null"}) {
            Response preflight = given().header("Origin", origin).header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "authorization,content-type").options("/graphql");
            assertEquals(403, preflight.statusCode(), origin);
            assertNull(preflight.header("Access-Control-Allow-Origin"), origin);

            Response request = GraphQL.request(null, "{ __typename }", Map.of()).header("Origin", origin)
                    .post("/graphql");
            assertEquals(403, request.statusCode(), origin);
            assertNull(request.header("Access-Control-Allow-Origin"), origin);
        }
    }

    @Test
    void aClientWithoutAnOriginIsServed() {
        String token = Tokens.person(TestData.unique("cors"), Map.of("family_name", "Безориджинов"), Set.of());
        Response answer = GraphQL.request(token, "{ me { fullName } }", Map.of()).post("/graphql");
        assertEquals("Безориджинов", answer.jsonPath().getString("data.me.fullName"));
        assertNull(answer.header("Access-Control-Allow-Origin"));
    }
}
