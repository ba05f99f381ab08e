package ru.ediary.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import io.smallrye.graphql.execution.QueryCache;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The engine's instrumentations keep doing their work in one flat chain that asks nothing per field. */
class EngineInstrumentationTest {

    private static final GraphQLSchema SCHEMA = new SchemaGenerator().makeExecutableSchema(
            new SchemaParser().parse("type Query { n: Int, child: Query }"),
            RuntimeWiring.newRuntimeWiring().type("Query", type -> type
                    .dataFetcher("n", env -> 1)
                    .dataFetcher("child", env -> Map.of())).build());

    private static ExecutionResult run(Instrumentation instrumentation, String query) {
        return GraphQL.newGraphQL(SCHEMA).instrumentation(instrumentation).build().execute(query);
    }

    private static EngineInstrumentation asTheServerBuildsIt(Instrumentation... more) {
        Instrumentation smallRyes = new ChainedInstrumentation(new MaxQueryComplexityInstrumentation(20),
                new MaxQueryDepthInstrumentation(3), new QueryCache());
        Instrumentation[] all = new Instrumentation[more.length + 2];
        all[0] = smallRyes;
        all[1] = new GraphQLEngine.ErrorCodes();
        System.arraycopy(more, 0, all, 2, more.length);
        return EngineInstrumentation.of(all);
    }

    @Test
    void smallRyesLimitsAndCacheAndOurCodesAreOneFlatChainWithoutFieldHooks() {
        EngineInstrumentation engine = asTheServerBuildsIt();
        assertEquals(3, engine.getInstrumentations().size()); // the two limits are one DocumentLimits
        assertFalse(engine.chainsFieldHooks());
        assertEquals(Map.of("n", 1, "child", Map.of("n", 1)), run(engine, "{ n child { n } }").getData());
    }

    @Test
    void theLimitsStillRefuseWithoutFieldHooks() {
        ExecutionResult tooDeep = run(asTheServerBuildsIt(), "{ child { child { child { child { n } } } } }");
        assertNull(tooDeep.getData());
        assertEquals("QUERY_TOO_COMPLEX", tooDeep.getErrors().get(0).getExtensions().get("code"));
        StringBuilder wide = new StringBuilder("{");
        for (int i = 0; i < 21; i++) {
            wide.append(" a").append(i).append(": n");
        }
        ExecutionResult tooComplex = run(asTheServerBuildsIt(), wide.append(" }").toString());
        assertEquals("QUERY_TOO_COMPLEX", tooComplex.getErrors().get(0).getExtensions().get("code"));
    }

    @Test
    void anInstrumentationWithFieldHooksHasThemCalledForEveryField() {
        FieldFetchCounter counting = new FieldFetchCounter();
        EngineInstrumentation engine = asTheServerBuildsIt(counting);
        assertTrue(engine.chainsFieldHooks());
        run(engine, "{ n child { n } }");
        assertEquals(3, counting.fetches());
    }

    /** As the server runs it: documents parsed once and kept by SmallRye's cache, the limits depth 3 and complexity 20. */
    private static GraphQL cachingEngine(AtomicInteger walkedFields) {
        QueryCache documents = new QueryCache();
        var complexity = new MaxQueryComplexityInstrumentation(20, (environment, children) -> {
            walkedFields.incrementAndGet();
            return 1 + children;
        });
        Instrumentation chain = EngineInstrumentation.of(new ChainedInstrumentation(complexity,
                new MaxQueryDepthInstrumentation(3), documents), new GraphQLEngine.ErrorCodes());
        return GraphQL.newGraphQL(SCHEMA).instrumentation(chain).preparsedDocumentProvider(documents).build();
    }

    @Test
    void aDocumentWithinTheLimitsIsMeasuredOnceAndARefusedOneOnEveryRequest() {
        AtomicInteger walked = new AtomicInteger();
        GraphQL engine = cachingEngine(walked);
        // SmallRye's cache keeps a second parse of a document that validated: the first two requests see two documents
        for (int i = 0; i < 2; i++) {
            assertEquals(Map.of("n", 1, "child", Map.of("n", 1)), engine.execute("{ n child { n } }").getData());
        }
        int measured = walked.get();
        assertTrue(measured >= 3, "three fields walked at least once");
        for (int i = 0; i < 3; i++) {
            assertEquals(Map.of("n", 1, "child", Map.of("n", 1)), engine.execute("{ n child { n } }").getData());
        }
        assertEquals(measured, walked.get(), "the cached document is not walked again");

        String tooDeep = "{ child { child { child { child { n } } } } }";
        for (int i = 0; i < 2; i++) {
            ExecutionResult refused = engine.execute(tooDeep);
            assertNull(refused.getData());
            assertEquals("QUERY_TOO_COMPLEX", refused.getErrors().get(0).getExtensions().get("code"));
        }
    }

    @Test
    void aDocumentWithDirectivesIsMeasuredWithEachRequestsVariables() {
        GraphQL engine = cachingEngine(new AtomicInteger());
        String query = "query Deep($deep: Boolean!) { child { n child @include(if: $deep) { child { child { n } } } } }";
        for (int i = 0; i < 2; i++) { // the second one sees the document SmallRye's cache keeps
            ExecutionResult shallow = engine.execute(ExecutionInput.newExecutionInput(query).variables(Map.of("deep", false)));
            assertEquals(Map.of("child", Map.of("n", 1)), shallow.getData(), shallow.getErrors().toString());
        }

        ExecutionResult deep = engine.execute(ExecutionInput.newExecutionInput(query).variables(Map.of("deep", true)));
        assertNull(deep.getData());
        assertEquals("QUERY_TOO_COMPLEX", deep.getErrors().get(0).getExtensions().get("code"));
    }
}
