package ru.ediary.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static ru.ediary.test.GraphQL.call;
import static ru.ediary.test.GraphQL.errorCode;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import ru.ediary.test.Fixtures;
import ru.ediary.test.SqlRecorder;
import ru.ediary.test.Fixtures.Person;

/**
 * SmallRye GraphQL keeps parsed and validated documents (its QueryCache, keyed by the document's text, filled only
 * after a validation without errors), so a client repeating a document is not parsed and validated again. What
 * must not change with it: the limits checked after validation still refuse a cached document every time, and a
 * refused document is refused again.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class RepeatedDocumentsTest {

    @Inject
    Fixtures fixtures;
    @Inject
    @PersistenceUnitExtension
    SqlRecorder recorder;

    @Test
    void aValidDocumentOverTheComplexityLimitIsRefusedEachTimeItRepeats() {
        String token = fixtures.person().token();
        call(token, "{ me { id } }");
        StringBuilder wide = new StringBuilder("{ ");
        for (int i = 0; i < 300; i++) { // valid, so cacheable, but 600 points
            wide.append("a").append(i).append(": me { id } ");
        }
        String document = wide.append("}").toString();
        for (int time = 1; time <= 3; time++) {
            JsonPath[] answer = new JsonPath[1];
            long statements = recorder.record(() -> answer[0] = call(token, document)).prepared();
            assertEquals("QUERY_TOO_COMPLEX", errorCode(answer[0]), "time " + time + ": " + answer[0].prettify());
            assertNull(answer[0].get("data"));
            assertEquals(0, statements, "time " + time);
        }
    }

    @Test
    void anInvalidDocumentIsRefusedEachTimeItRepeatsAndItsValidNeighbourAnswers() {
        Person person = fixtures.person();
        for (int time = 1; time <= 3; time++) {
            assertEquals("GRAPHQL_VALIDATION_FAILED", errorCode(call(person.token(), "{ me { id noSuchField } }")),
                    "time " + time);
            assertEquals(person.id().toString(), call(person.token(), "{ me { id } }").getString("data.me.id"));
        }
    }
}
