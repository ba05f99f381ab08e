package ru.ediary.api;

import io.quarkus.smallrye.graphql.runtime.spi.datafetcher.QuarkusDataFetcherService;
import io.smallrye.graphql.execution.datafetcher.PlugableBatchableDataFetcher;
import io.smallrye.graphql.schema.model.Operation;
import io.smallrye.graphql.schema.model.Type;
import io.smallrye.graphql.spi.DataFetcherService;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * One fetcher per operation for the life of the server, as Quarkus makes them, instead of a new one for every
 * batch field in every request.
 * <p>
 * SmallRye builds each request's data loaders by asking for the fetcher of every {@code @Source List} operation of
 * the schema again, whether or not the document uses it, and each new fetcher sets up its helpers by reflection:
 * about a megabyte of allocation per request on a diary page that has no batch field at all. The fetchers hold no
 * state of a request (SmallRye already shares the same kind across all requests in the schema), so the first one
 * made for an operation serves from then on.
 */
public final class SharedOperationFetchers implements DataFetcherService {

    private final DataFetcherService quarkus = new QuarkusDataFetcherService();
    // the schema model's operations are fixed at start; identity, since two operations may compare equal
    private final Map<Operation, PlugableBatchableDataFetcher<?, ?>> fetchers =
            Collections.synchronizedMap(new IdentityHashMap<>());

    @Override
    public Integer getPriority() {
        return 0;
    }

    @Override
    public PlugableBatchableDataFetcher<?, ?> getDefaultDataFetcher(Operation operation, Type type) {
        return fetchers.computeIfAbsent(operation, made -> quarkus.getDefaultDataFetcher(made, type));
    }
}
