package ru.ediary.graphql;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.ediary.test.GraphQL.call;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.ediary.test.Fixtures;
import ru.ediary.test.Fixtures.Person;

/** Documents built to hurt: each is refused with an error, runs nothing and changes nothing. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class HostileQueriesTest {

    private static final String RENAME = "mutation M { updateMyProfile(input: {lastName: \"Взломов\"}) { userErrors { code } } }";

    @Inject
    Fixtures fixtures;

    @Test
    void severalOperationsWithoutAChoiceRunNone() {
        Person person = fixtures.person();
        JsonPath answer = call(person.token(), RENAME + " query Q { me { id } }");
        assertNull(answer.get("data"));
        assertTrue(answer.getString("errors[0].message").toLowerCase().contains("operation"), answer.prettify());
        assertEquals("Тестов", fixtures.account(person.id()).lastName);
    }

    @Test
    void fragmentCyclesAreInvalid() {
        JsonPath answer = call(fixtures.person().token(),
                "query { me { ...A } } fragment A on Account { id ...B } fragment B on Account { id ...A }");
        assertNull(answer.get("data"));
        assertTrue(answer.getList("errors").size() >= 1);
    }

    @Test
    void aBatchOfDocumentsInOneBodyRunsNoMutation() {
        Person person = fixtures.person();
        String body = "[{\"query\":\"" + RENAME.replace("\"", "\\\"") + "\"},{\"query\":\"" + RENAME.replace("\"", "\\\"") + "\"}]";
        int status = given().contentType("application/json").header("Authorization", "Bearer " + person.token())
                .body(body).post("/graphql").then().extract().statusCode();
        assertTrue(status == 200 || status >= 400, "status " + status);
        assertEquals("Тестов", fixtures.account(person.id()).lastName);
    }

    @Test
    void hugeStringsAreRefusedWithoutALookup() {
        Person person = fixtures.person();
        JsonPath answer = call(person.token(),
                "mutation($s: String!) { updateMyProfile(input: {lastName: $s}) { userErrors { field code } } }",
                Map.of("s", "Я".repeat(300_000)));
        assertEquals("TOO_LONG", answer.getString("data.updateMyProfile.userErrors[0].code"));
        assertEquals("Тестов", fixtures.account(person.id()).lastName);
    }

    @Test
    void aBodyOverTheLimitIsRefused() {
        int status = given().contentType("application/json").header("Authorization", "Bearer " + fixtures.person().token())
                .body("{\"query\":\"{ me { id } }\",\"variables\":{\"x\":\"" + "a".repeat(2_000_000) + "\"}}")
                .post("/graphql").then().extract().statusCode();
        assertEquals(413, status);
    }

    @Test
    void deeplyNestedInputIsRefusedWithoutCrashing() {
        Person person = fixtures.person();
        StringBuilder nested = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            nested.append("{\"a\":");
        }
        nested.append("1");
        nested.append("}".repeat(3000));
        var response = given().contentType("application/json").header("Authorization", "Bearer " + person.token())
                .body("{\"query\":\"mutation($i: ProfileInput!) { updateMyProfile(input: $i) { userErrors { code } } }\","
                        + "\"variables\":{\"i\":" + nested + "}}")
                .post("/graphql").then().extract();
        assertEquals(400, response.statusCode());
        assertEquals("BAD_REQUEST", response.jsonPath().getString("errors[0].extensions.code"));
        assertEquals("Тестов", fixtures.account(person.id()).lastName);
    }
}
