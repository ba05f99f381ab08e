package ru.ediary.api;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.DelegatingDataFetchingEnvironment;
import graphql.schema.SelectedField;
import io.quarkus.smallrye.graphql.runtime.spi.datafetcher.QuarkusDefaultDataFetcher;
import io.smallrye.graphql.execution.datafetcher.PlugableBatchableDataFetcher;
import io.smallrye.graphql.schema.model.Operation;
import io.smallrye.graphql.schema.model.Type;
import io.smallrye.graphql.spi.DataFetcherService;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fetchers of our operations and {@code @Source} fields: Quarkus's own, made once per operation for the life of
 * the server, and told that no resolver reads the selection set.
 * <ul>
 * <li>SmallRye builds each request's data loaders by asking for the fetcher of every {@code @Source List} operation
 * of the schema again, whether or not the document uses it, and each new fetcher sets up its helpers by reflection.
 * The fetchers hold no state of a request (SmallRye shares the same kind across all requests in the schema), so the
 * first one made for an operation serves from then on.
 * <li>Before calling a resolver SmallRye copies the field's selection set, normalised over the whole operation, into
 * its {@code Context} as JSON ({@code getSelectedFields}), twice: about a twentieth of a diary page's CPU. None of
 * our resolvers reads it (the architecture test holds them to that; {@code diary.SiblingFields} reads the document
 * instead), so the fetchers see an empty selection set and the context an empty list.
 * </ul>
 */
public final class SharedOperationFetchers implements DataFetcherService {

    // the schema model's operations are fixed at start; identity, since two operations may compare equal
    private final Map<Operation, PlugableBatchableDataFetcher<?, ?>> fetchers =
            Collections.synchronizedMap(new IdentityHashMap<>());

    @Override
    public Integer getPriority() {
        return 0;
    }

    @Override
    public PlugableBatchableDataFetcher<?, ?> getDefaultDataFetcher(Operation operation, Type type) {
        return fetchers.computeIfAbsent(operation, made -> new WithoutSelection<>(made, type));
    }

    /** Quarkus's fetcher (worker threads, request context, errors) with the selection set left out. */
    static final class WithoutSelection<K, T> extends QuarkusDefaultDataFetcher<K, T> {

        WithoutSelection(Operation operation, Type type) {
            super(operation, type);
        }

        @Override
        public T get(DataFetchingEnvironment environment) throws Exception {
            return super.get(new DelegatingDataFetchingEnvironment(environment) {
                @Override
                public DataFetchingFieldSelectionSet getSelectionSet() {
                    return NoSelection.INSTANCE;
                }
            });
        }
    }

    /** The selection set of a resolver that never looks at it. */
    enum NoSelection implements DataFetchingFieldSelectionSet {
        INSTANCE;

        @Override
        public boolean contains(String fieldGlobPattern) {
            return false;
        }

        @Override
        public boolean containsAnyOf(String fieldGlobPattern, String... fieldGlobPatterns) {
            return false;
        }

        @Override
        public boolean containsAllOf(String fieldGlobPattern, String... fieldGlobPatterns) {
            return false;
        }

        @Override
        public List<SelectedField> getFields() {
            return List.of();
        }

        @Override
        public List<SelectedField> getImmediateFields() {
            return List.of();
        }

        @Override
        public List<SelectedField> getFields(String fieldGlobPattern, String... fieldGlobPatterns) {
            return List.of();
        }

        @Override
        public Map<String, List<SelectedField>> getFieldsGroupedByResultKey() {
            return Map.of();
        }

        @Override
        public Map<String, List<SelectedField>> getFieldsGroupedByResultKey(String fieldGlobPattern,
                String... fieldGlobPatterns) {
            return Map.of();
        }
    }
}
