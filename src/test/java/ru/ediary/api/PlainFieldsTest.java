package ru.ediary.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphql.GraphQL;
import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.graphql.execution.ExecutionService;
import jakarta.inject.Inject;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/**
 * Fields that only read a property of an API record are served by {@link PlainFields} (no SmallRye context per
 * field); operations and {@code @Source} resolvers, which run our code, keep SmallRye's fetchers. That the values
 * themselves come out unchanged is proven by the diary and invitation tests ({@code DiaryEntryFieldsTest} reads
 * every kind of field once).
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class PlainFieldsTest {

    @Inject
    GraphQLSchema schema;

    @Inject
    ExecutionService engine;

    private DataFetcher<?> fetcher(String type, String field) {
        GraphQLObjectType object = (GraphQLObjectType) schema.getType(type);
        return schema.getCodeRegistry().getDataFetcher(FieldCoordinates.coordinates(type, field),
                object.getFieldDefinition(field));
    }

    @Test
    void recordPropertiesOfEveryKindAreReadByPlainFetchers() {
        for (String[] field : new String[][] {
                {"DiaryEntry", "id"}, {"DiaryEntry", "date"}, {"DiaryEntry", "lessonNumber"},
                {"DiaryEntry", "attendance"}, {"DiaryEntry", "marks"}, {"DiaryEntry", "changedAt"},
                {"DiaryConnection", "edges"}, {"DiaryEdge", "node"}, {"Mark", "kind"}, {"Mark", "comment"},
                {"Child", "fullName"}}) {
            assertInstanceOf(PlainFields.Fetcher.class, fetcher(field[0], field[1]), String.join(".", field));
        }
    }

    @Test
    void theDiaryPageIsReadWithoutAnEnvironmentAndQueriesRunWithPlainSubtrees() throws Exception {
        for (String[] field : new String[][] {
                {"DiaryEntry", "date"}, {"DiaryEntry", "changedAt"}, {"DiaryEntry", "marks"},
                {"DiaryEntry", "attendance"}, {"Mark", "kind"}, {"DiaryConnection", "pageInfo"},
                {"PageInfo", "endCursor"}}) {
            PlainFields.Fetcher plain = (PlainFields.Fetcher) fetcher(field[0], field[1]);
            assertTrue(plain.readsWithoutEnvironment(), String.join(".", field));
        }
        // SmallRye keeps its engine to itself; this pins the wiring UnitOfWork.install adds to it
        Method graphQL = ExecutionService.class.getDeclaredMethod("getGraphQL");
        graphQL.setAccessible(true);
        assertInstanceOf(PlainSubtrees.class, ((GraphQL) graphQL.invoke(engine)).getQueryStrategy());
    }

    @Test
    void operationsAndSourceResolversKeepSmallRyesFetchers() {
        for (String[] field : new String[][] {
                {"Query", "diary"}, {"Query", "me"}, {"Mutation", "upsertLessons"}, {"Child", "recentMarks"},
                {"Child", "trustedPersons"}}) {
            assertFalse(fetcher(field[0], field[1]) instanceof PlainFields.Fetcher, String.join(".", field));
        }
    }
}
