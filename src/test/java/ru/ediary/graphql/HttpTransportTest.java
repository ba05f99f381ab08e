package ru.ediary.graphql;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import ru.ediary.test.Fixtures;
import ru.ediary.test.Fixtures.Person;

/** No operation runs over GET, and a POST must be JSON: a simple HTML form cannot drive a mutation (CSRF). */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class HttpTransportTest {

    @Inject
    Fixtures fixtures;

    private static final String RENAME = "mutation { updateMyProfile(input: {lastName: \"Взломов\"}) { userErrors { code } } }";

    @Test
    void operationsDoNotRunOverGet() {
        Person person = fixtures.person();
        int query = given().header("Authorization", "Bearer " + person.token()).queryParam("query", "{ me { id } }")
                .get("/graphql").then().extract().statusCode();
        int mutation = given().header("Authorization", "Bearer " + person.token()).queryParam("query", RENAME)
                .get("/graphql").then().extract().statusCode();
        assertTrue(query >= 400 && mutation >= 400, query + " " + mutation);
        assertEquals("Тестов", fixtures.account(person.id()).lastName);
    }

    @TestHTTPResource("/graphql")
    URI graphql;

    @Test
    void aFormPostCannotRunAMutation() throws Exception {
        Person person = fixtures.person();
        HttpClient client = HttpClient.newHttpClient();
        for (String type : new String[] {"application/x-www-form-urlencoded", "text/plain", "multipart/form-data",
                "text/plain, application/json"}) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(graphql)
                    .header("Authorization", "Bearer " + person.token()).header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString("query=" + RENAME)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(415, response.statusCode(), type);
            assertTrue(response.body().contains("UNSUPPORTED_MEDIA_TYPE"), response.body());
        }
        assertEquals("Тестов", fixtures.account(person.id()).lastName);
    }

    /** GraphiQL (dev mode) sends its Content-Type twice; the browser joins them into one list. */
    @Test
    void aRepeatedJsonContentTypeIsStillJson() throws Exception {
        Person person = fixtures.person();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(graphql)
                .header("Authorization", "Bearer " + person.token())
                .header("Content-Type", "application/json, application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ me { lastName } }\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"lastName\":\"Тестов\""), response.body());
    }
}
