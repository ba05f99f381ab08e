package ru.ediary.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.ediary.test.GraphQL.call;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import ru.ediary.test.Fixtures;
import ru.ediary.test.SqlRecorder;

/** Depth, complexity and token caps: refused before execution, so before any SQL. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class QueryLimitsTest {

    private static final String INTROSPECTION = """
            query IntrospectionQuery {
              __schema {
                queryType { name } mutationType { name } subscriptionType { name }
                types { ...FullType }
                directives { name description locations args { ...InputValue } }
              }
            }
            fragment FullType on __Type {
              kind name description
              fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef }
                isDeprecated deprecationReason }
              inputFields { ...InputValue }
              interfaces { ...TypeRef }
              enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
              possibleTypes { ...TypeRef }
            }
            fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
            fragment TypeRef on __Type {
              kind name
              ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name
                ofType { kind name ofType { kind name } } } } } } }
            }""";

    @Inject
    Fixtures fixtures;
    @Inject
    @PersistenceUnitExtension
    SqlRecorder recorder;

    @Test
    void graphiqlsIntrospectionAndTheDashboardFitUnderTheLimits() throws Exception {
        JsonPath introspection = call(ru.ediary.test.Tokens.person(ru.ediary.test.TestData.unique("introspect"), java.util.Map.of(), java.util.Set.of()), INTROSPECTION);
        assertNull(introspection.get("errors"), introspection.prettify());
        assertTrue(introspection.getList("data.__schema.types").size() > 20);
    }

    @Test
    void aQueryDeeperThanTheLimitIsRefusedBeforeTouchingTheDatabase() {
        String token = fixtures.person().token();
        call(token, "{ me { id } }");
        String deep = "{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType"
                + " { ofType { ofType { ofType { name } } } } } } } } } } } } } }";
        JsonPath[] answer = new JsonPath[1];

        long statements = recorder.record(() -> answer[0] = call(token, deep)).prepared();

        assertTrue(answer[0].getString("errors[0].message").contains("depth"), answer[0].prettify());
        assertEquals("QUERY_TOO_COMPLEX", answer[0].getString("errors[0].extensions.code"));
        assertNull(answer[0].get("data"));
        assertEquals(0, statements);
    }

    @Test
    void aliasOverloadingBeyondTheComplexityLimitIsRefusedBeforeTouchingTheDatabase() {
        String token = fixtures.person().token();
        call(token, "{ me { id } }");
        StringBuilder wide = new StringBuilder("{ ");
        for (int i = 0; i < 300; i++) { // 600 points, and under the token cap
            wide.append("a").append(i).append(": me { id } ");
        }
        wide.append("}");
        JsonPath[] answer = new JsonPath[1];

        long statements = recorder.record(() -> answer[0] = call(token, wide.toString())).prepared();

        assertNull(answer[0].get("data"));
        assertTrue(answer[0].getString("errors[0].message").contains("complexity"), answer[0].getString("errors[0].message"));
        assertEquals("QUERY_TOO_COMPLEX", answer[0].getString("errors[0].extensions.code"));
        assertEquals(0, statements);
    }

    @Test
    void aDocumentOverTheTokenCapIsRefused() {
        StringBuilder huge = new StringBuilder("{ me { ");
        for (int i = 0; i < 6000; i++) {
            huge.append("id ");
        }
        huge.append("} }");
        JsonPath answer = call(fixtures.person().token(), huge.toString());
        assertNull(answer.get("data"));
        assertTrue(answer.getList("errors").size() >= 1, answer.prettify());
    }

    private static String typenames(int count) {
        return "{ " + "__typename ".repeat(count) + "}";
    }

    /** The cap was 15,000 on the application/json path (graphql-java's operation default) and 5,000 only elsewhere. */
    @Test
    void theTokenCapIs5000OnEveryPath() {
        String token = fixtures.person().token();
        JsonPath under = call(token, typenames(4_990));
        assertEquals("Query", under.getString("data.__typename"), under.prettify());

        for (String accept : new String[] {"application/json", "*/*", "application/graphql-response+json"}) {
            var over = ru.ediary.test.GraphQL.request(token, typenames(5_100), java.util.Map.of()).accept(accept)
                    .post("/graphql").then().extract();
            assertNull(over.jsonPath().get("data"), accept);
            assertEquals("GRAPHQL_PARSE_FAILED", over.jsonPath().getString("errors[0].extensions.code"), accept);
        }
    }
}
