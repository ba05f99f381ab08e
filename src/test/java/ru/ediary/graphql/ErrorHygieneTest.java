package ru.ediary.graphql;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.ediary.test.GraphQL.call;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ru.ediary.test.Fixtures;

/** No stack traces, class names or SQL ever reach a client, whatever it sends. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ErrorHygieneTest {

    @Inject
    Fixtures fixtures;

    private static void assertNoInternals(String raw) {
        // SmallRye names graphql-java's error category for unparseable documents; it is a category, not our code
        String body = raw.replaceAll("\"classification\"\\s*:\\s*\"DataFetchingException\"", "");
        for (String leak : List.of("java.", "Exception", "ru.ediary", "org.hibernate", "SQL", "select ", "at ")) {
            assertFalse(body.contains(leak), "leaked '" + leak + "': " + body);
        }
    }

    @Test
    void errorsCarryOnlyAStableCode() {
        JsonPath answer = call(null, "{ me { id } }");
        assertEquals(Set.of("code"), answer.getMap("errors[0].extensions").keySet());
        assertNoInternals(answer.prettify());
    }

    @Test
    void malformedDocumentsUnknownFieldsAndWrongTypesAnswerWithoutInternals() {
        String token = fixtures.person().token();
        for (String query : List.of("{ me { id ", "{ me { password } }", "{ child(id: 42) { id } }",
                "mutation { updateMyProfile(input: {snils: 11223344595}) { userErrors { code } } }",
                "{ __typename @skip }")) {
            JsonPath answer = call(token, query);
            assertTrue(answer.getList("errors").size() >= 1, query);
            assertNoInternals(answer.prettify());
        }
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedWithoutInternals() {
        String body = given().contentType(ContentType.JSON).body("{not json").post("/graphql")
                .then().extract().asString();
        assertNoInternals(body);
    }

    @Test
    void userErrorsNeverEchoTheRejectedValue() {
        String secret = "+7 495 765-43-21";
        JsonPath answer = call(fixtures.person().token(),
                "mutation($i: ProfileInput!) { updateMyProfile(input: $i) { userErrors { field code message } } }",
                Map.of("i", Map.of("phone", secret)));
        assertEquals("INVALID_PHONE", answer.getString("data.updateMyProfile.userErrors[0].code"));
        assertFalse(answer.prettify().contains("765"), answer.prettify());
    }
}
