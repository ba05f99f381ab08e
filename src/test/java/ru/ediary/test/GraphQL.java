package ru.ediary.test;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;

/** Posts GraphQL documents the way a client does and returns the parsed answer. */
public final class GraphQL {

    private GraphQL() {
    }

    public static JsonPath call(String token, String query) {
        return call(token, query, Map.of());
    }

    /** Without a token the server answers 401 before parsing (UNAUTHENTICATED); with one, 200. */
    public static JsonPath call(String token, String query, Map<String, ?> variables) {
        return request(token, query, variables).post("/graphql").then().statusCode(token == null ? 401 : 200)
                .extract().jsonPath();
    }

    /** The POST a client sends, ready for more headers or other expectations on its answer. */
    public static RequestSpecification request(String token, String query, Map<String, ?> variables) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        RequestSpecification request = given().contentType(ContentType.JSON).body(body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    /** The single error's {@code extensions.code}, or null if the answer has no error. */
    public static String errorCode(JsonPath answer) {
        return answer.getString("errors[0].extensions.code");
    }
}
