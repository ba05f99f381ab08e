package ru.ediary.api;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.quarkus.smallrye.graphql.runtime.spi.datafetcher.QuarkusDefaultDataFetcher;
import io.smallrye.graphql.schema.model.Operation;
import io.smallrye.graphql.schema.model.OperationType;
import io.smallrye.graphql.schema.model.Reference;
import io.smallrye.graphql.schema.model.ReferenceType;
import io.smallrye.graphql.schema.model.Type;
import org.junit.jupiter.api.Test;

/** Each operation's fetcher is made once, Quarkus's kind, and then shared by every request's data loaders. */
class SharedOperationFetchersTest {

    private static Operation operation(String name) {
        Reference returns = new Reference.Builder().className("java.lang.String").name("String")
                .type(ReferenceType.SCALAR).build();
        return new Operation(SharedOperationFetchersTest.class.getName(), name, name, name, returns, OperationType.QUERY, null);
    }

    // the operations' Java side, as the fetchers look it up
    public String trustedPersons() {
        return "";
    }

    public String recentMarks() {
        return "";
    }

    @Test
    void theSameOperationGetsTheSameFetcherEveryTimeAndAnotherOperationItsOwn() {
        SharedOperationFetchers fetchers = new SharedOperationFetchers();
        Operation trustedPersons = operation("trustedPersons");
        Operation recentMarks = operation("recentMarks");
        Type child = new Type();
        var first = fetchers.getDefaultDataFetcher(trustedPersons, child);
        assertSame(first, fetchers.getDefaultDataFetcher(trustedPersons, child));
        assertNotSame(first, fetchers.getDefaultDataFetcher(recentMarks, child));
        assertInstanceOf(QuarkusDefaultDataFetcher.class, first);
    }
}
