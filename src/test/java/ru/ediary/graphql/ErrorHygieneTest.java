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

    /** The codes docs/client-guide.md lists ("GraphQL errors"). */
    static final Set<String> DOCUMENTED = Set.of("UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "BAD_USER_INPUT",
            "SERVICE_UNAVAILABLE", "INTERNAL", "BAD_REQUEST", "UNSUPPORTED_MEDIA_TYPE", "GRAPHQL_PARSE_FAILED",
            "GRAPHQL_VALIDATION_FAILED", "QUERY_TOO_COMPLEX");

    @Test
    void everyErrorCarriesADocumentedCode() {
        String token = fixtures.person().token();
        String wide = "{ " + java.util.stream.IntStream.range(0, 300)
                .mapToObj(i -> "a" + i + ": me { id } ").collect(java.util.stream.Collectors.joining()) + "}";
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put("{ me { id ", "GRAPHQL_PARSE_FAILED");
        expected.put("{ me { password } }", "GRAPHQL_VALIDATION_FAILED");
        expected.put("{ child(id: true) { id } }", "GRAPHQL_VALIDATION_FAILED");
        expected.put(wide, "QUERY_TOO_COMPLEX");
        expected.put("{ child(id: \"not-an-id\") { id } }", "BAD_USER_INPUT");
        for (var query : expected.entrySet()) {
            JsonPath answer = call(token, query.getKey());
            List<Map<String, Object>> errors = answer.getList("errors");
            assertFalse(errors.isEmpty(), query.getKey());
            for (Map<String, Object> error : errors) {
                Object code = ((Map<?, ?>) error.get("extensions")).get("code");
                assertTrue(DOCUMENTED.contains(code), code + " for " + query.getKey());
            }
            assertEquals(query.getValue(), answer.getString("errors[0].extensions.code"), answer.prettify());
        }
    }

    /** graphql-java's coercion message repeated the value ("No value found for name 'SECRET_+79161110001'"). */
    @Test
    void coercionErrorsNeverRepeatTheValue() {
        String token = fixtures.person().token();
        Map<String, Object> input = Map.of("service", "SECRET_+79161110001", "childIds", List.of(),
                "phone", "+79161110002", "surname", "Иванова");
        JsonPath byVariable = call(token, "query($i: InvitationInput!) { invitationPreview(input: $i) { userErrors { code } } }",
                Map.of("i", input));
        assertEquals("BAD_USER_INPUT", byVariable.getString("errors[0].extensions.code"), byVariable.prettify());
        assertTrue(byVariable.getString("errors[0].message").contains("$i"), byVariable.prettify());
        assertFalse(byVariable.prettify().contains("79161110001"), byVariable.prettify());
        assertFalse(byVariable.prettify().contains("SECRET"), byVariable.prettify());

        JsonPath byLiteral = call(token, "{ invitationPreview(input: {service: SECRET_79161110001, childIds: [],"
                + " phone: \"+79161110002\", surname: \"Иванова\"}) { userErrors { code } } }");
        assertEquals("GRAPHQL_VALIDATION_FAILED", byLiteral.getString("errors[0].extensions.code"), byLiteral.prettify());
        assertFalse(byLiteral.prettify().contains("79161110001"), byLiteral.prettify());
    }
}
