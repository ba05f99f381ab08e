package ru.ediary.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStrategy;
import graphql.execution.ExecutionStrategyParameters;
import graphql.execution.ResultNodesInfo;
import graphql.execution.SimpleDataFetcherExceptionHandler;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeRuntimeWiring;
import io.smallrye.graphql.schema.model.Field;
import io.smallrye.graphql.schema.model.Reference;
import io.smallrye.graphql.schema.model.ReferenceType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * A selection that only reads record properties is completed in one walk, and the answer (data, errors, order of
 * keys) is exactly graphql-java's; whatever the walk cannot answer the same way goes graphql-java's usual way.
 */
class PlainSubtreesTest {

    public enum Kind { HOMEWORK, TEST }

    public record MarkRecord(int value, Kind kind, String comment) {
    }

    public record LessonRecord(String id, String title, Kind kind, List<MarkRecord> marks, Object count) {
    }

    public record PageRecord(List<LessonRecord> items, int total, String note) {
    }

    private static final String SDL = """
            type Query { page: Page, lessons: [Lesson!]!, animal: Animal, pageWithArgs: PageWithArgs }
            type Page { items: [Lesson!]!, total: Int!, note: String }
            type Lesson { id: ID!, title: String!, kind: Kind, marks: [Mark!]!, count: Int }
            type Mark { value: Int!, kind: Kind!, comment: String }
            enum Kind { HOMEWORK, TEST }
            interface Animal { name: String }
            type Cat implements Animal { name: String }
            type PageWithArgs { items(first: Int): [Lesson!]! }
            """;

    private static LessonRecord lesson(int i) {
        return new LessonRecord("L" + i, "Алгебра " + i, i % 2 == 0 ? Kind.TEST : null,
                List.of(new MarkRecord(5, Kind.TEST, "молодец"), new MarkRecord(4, Kind.HOMEWORK, null)), i);
    }

    private static PageRecord page(List<LessonRecord> items) {
        return new PageRecord(items, items.size(), null);
    }

    /** Counts the objects graphql-java executes field by field. */
    static final class Counting extends PlainSubtrees {

        final AtomicInteger objects = new AtomicInteger();

        Counting() {
            super(new SimpleDataFetcherExceptionHandler());
        }

        @Override
        protected Object executeObject(ExecutionContext context, ExecutionStrategyParameters parameters) {
            objects.incrementAndGet();
            return super.executeObject(context, parameters);
        }
    }

    /** The plain fetcher SmallRye's schema would get for this record component. */
    private static DataFetcher<?> plain(Class<?> owner, String property) {
        Class<?> type = Arrays.stream(owner.getRecordComponents()).filter(c -> c.getName().equals(property))
                .findFirst().orElseThrow().getType();
        ReferenceType kind = type.isEnum() ? ReferenceType.ENUM
                : type == List.class ? ReferenceType.TYPE : ReferenceType.SCALAR;
        Reference reference = new Reference.Builder().className(type.getName()).graphQLClassName(type.getName())
                .name(property).type(kind).build();
        return new PlainFields.Fetcher(new Field(property, property, property, reference),
                new Reference.Builder().className(owner.getName()).name(owner.getSimpleName())
                        .type(ReferenceType.TYPE).build());
    }

    private static UnaryOperator<TypeRuntimeWiring.Builder> plainFields(Class<?> owner, String... properties) {
        return type -> {
            for (String property : properties) {
                type.dataFetcher(property, plain(owner, property));
            }
            return type;
        };
    }

    private static GraphQLSchema schema(PageRecord page) {
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .type("Query", type -> type
                        .dataFetcher("page", env -> page)
                        .dataFetcher("lessons", env -> page.items())
                        .dataFetcher("animal", env -> Map.of("name", "Мурка"))
                        .dataFetcher("pageWithArgs", env -> page))
                .type(TypeRuntimeWiring.newTypeWiring("Animal")
                        .typeResolver(env -> env.getSchema().getObjectType("Cat")))
                .type("Page", plainFields(PageRecord.class, "items", "total", "note"))
                .type("PageWithArgs", plainFields(PageRecord.class, "items"))
                .type("Lesson", plainFields(LessonRecord.class, "id", "title", "kind", "marks", "count"))
                .type("Mark", plainFields(MarkRecord.class, "value", "kind", "comment"))
                .build();
        return new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SDL), wiring);
    }

    private static ExecutionResult run(GraphQLSchema schema, ExecutionStrategy strategy, Instrumentation instrumentation,
            String query, Map<String, Object> variables) {
        return run(schema, strategy, instrumentation, ExecutionInput.newExecutionInput(query).variables(variables).build());
    }

    private static ExecutionResult run(GraphQLSchema schema, ExecutionStrategy strategy, Instrumentation instrumentation,
            ExecutionInput input) {
        return GraphQL.newGraphQL(schema).queryExecutionStrategy(strategy).instrumentation(instrumentation).build()
                .execute(input);
    }

    private static int resultNodes(ExecutionInput input) {
        return input.getGraphQLContext().<ResultNodesInfo>get(ResultNodesInfo.RESULT_NODES_INFO).getResultNodesCount();
    }

    /** The strategy's answer, checked against graphql-java's own, as the JSON-like map a client gets. */
    private static Counting answersAsGraphqlJava(PageRecord page, String query, Map<String, Object> variables) {
        GraphQLSchema schema = schema(page);
        Counting walking = new Counting();
        ExecutionInput ourInput = ExecutionInput.newExecutionInput(query).variables(variables).build();
        ExecutionInput theirInput = ExecutionInput.newExecutionInput(query).variables(variables).build();
        Map<String, Object> ours = run(schema, walking, EngineInstrumentation.of(new SimplePerformantInstrumentation()),
                ourInput).toSpecification();
        Map<String, Object> theirs = run(schema, new AsyncExecutionStrategy(new SimpleDataFetcherExceptionHandler()),
                new SimplePerformantInstrumentation(), theirInput).toSpecification();
        assertEquals(theirs.toString(), ours.toString()); // toString: the order of keys too
        assertEquals(theirs, ours);
        if (walking.objects.get() == 0) {
            // graphql-java's count of result nodes, which its max-result-nodes limit reads
            assertEquals(resultNodes(theirInput), resultNodes(ourInput));
        }
        return walking;
    }

    private static List<LessonRecord> lessons(int count) {
        List<LessonRecord> lessons = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lessons.add(lesson(i));
        }
        return lessons;
    }

    @Test
    void aSelectionOfPlainReadsIsCompletedInOneWalkWithGraphqlJavasAnswer() {
        Counting walking = answersAsGraphqlJava(page(lessons(50)), """
                query { page { __typename total note items { ...lessonParts kind first: title
                  marks { v: value kind comment __typename } } } again: page { total } }
                fragment lessonParts on Lesson { id title ... on Lesson { count } }
                """, Map.of());
        assertEquals(0, walking.objects.get(), "no object executed field by field");
    }

    @Test
    void aListAtTheRootIsWalkedToo() {
        Counting walking = answersAsGraphqlJava(page(lessons(3)), "{ lessons { id marks { value } } }", Map.of());
        assertEquals(0, walking.objects.get());
    }

    @Test
    void aNullWhereTheSchemaPromisesAValueGetsGraphqlJavasErrorAndNulls() {
        List<LessonRecord> items = lessons(3);
        items.set(1, new LessonRecord("L1", null, null, List.of(), 1));
        Counting walking = answersAsGraphqlJava(page(items), "{ page { total items { id title } } }", Map.of());
        assertTrue(walking.objects.get() > 0, "the usual way after the walk gave up");
        ExecutionResult result = run(schema(page(items)), new Counting(),
                EngineInstrumentation.of(new SimplePerformantInstrumentation()), "{ page { items { title } } }", Map.of());
        assertEquals(List.of("page", "items", 1, "title"), result.getErrors().get(0).getPath());
        // title! → the lesson! → items! → page, the first nullable field
        assertEquals(Collections.singletonMap("page", null), result.getData());
    }

    @Test
    void aValueTheScalarRefusesGetsGraphqlJavasError() {
        List<LessonRecord> items = lessons(2);
        items.set(0, new LessonRecord("L0", "Алгебра", null, List.of(), "не число"));
        Counting walking = answersAsGraphqlJava(page(items), "{ page { items { id count } } }", Map.of());
        assertTrue(walking.objects.get() > 0);
    }

    @Test
    void aDirectiveGoesTheUsualWayForEveryValueOfItsVariable() {
        String query = "query($with: Boolean!) { page { items { id title @include(if: $with) } } }";
        for (boolean with : new boolean[] {true, false}) {
            Counting walking = answersAsGraphqlJava(page(lessons(2)), query, Map.of("with", with));
            assertTrue(walking.objects.get() > 0);
        }
    }

    @Test
    void aFieldWithArgumentsOrAnAbstractTypeGoesTheUsualWay() {
        assertTrue(answersAsGraphqlJava(page(lessons(2)), "{ pageWithArgs { items(first: 1) { id } } }", Map.of())
                .objects.get() > 0);
        assertTrue(answersAsGraphqlJava(page(lessons(2)), "{ animal { name ... on Cat { name } } }", Map.of())
                .objects.get() > 0);
    }

    @Test
    void aLimitOnResultNodesIsLeftToGraphqlJava() {
        Counting walking = new Counting();
        ExecutionInput input = ExecutionInput.newExecutionInput("{ page { items { id } } }")
                .graphQLContext(Map.of(ResultNodesInfo.MAX_RESULT_NODES, 10)).build();
        ExecutionResult result = run(schema(page(lessons(50))), walking,
                EngineInstrumentation.of(new SimplePerformantInstrumentation()), input);
        assertTrue(walking.objects.get() > 0);
        ResultNodesInfo nodes = input.getGraphQLContext().get(ResultNodesInfo.RESULT_NODES_INFO);
        assertTrue(nodes.isMaxResultNodesExceeded());
    }

    @Test
    void anInstrumentationWithFieldHooksSeesEveryFieldAgain() {
        FieldFetchCounter counting = new FieldFetchCounter();
        Counting walking = new Counting();
        ExecutionResult result = run(schema(page(lessons(2))), walking, EngineInstrumentation.of(counting),
                "{ page { total items { id } } }", Map.of());
        assertEquals(Map.of("page", Map.of("total", 2, "items", List.of(Map.of("id", "L0"), Map.of("id", "L1")))),
                result.getData());
        assertEquals(5, counting.fetches()); // page, total, items and both ids: none skipped
        assertTrue(walking.objects.get() > 0);
    }
}
