package ru.ediary.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
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
    void operationsAndSourceResolversKeepSmallRyesFetchers() {
        for (String[] field : new String[][] {
                {"Query", "diary"}, {"Query", "me"}, {"Mutation", "upsertLessons"}, {"Child", "recentMarks"},
                {"Child", "trustedPersons"}}) {
            assertFalse(fetcher(field[0], field[1]) instanceof PlainFields.Fetcher, String.join(".", field));
        }
    }
}
