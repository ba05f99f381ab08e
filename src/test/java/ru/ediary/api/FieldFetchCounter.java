package ru.ediary.api;

import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import java.util.concurrent.atomic.AtomicInteger;

/** An instrumentation with a field hook: counts the fields graphql-java fetches. */
final class FieldFetchCounter extends SimplePerformantInstrumentation {

    private final AtomicInteger fetches = new AtomicInteger();

    @Override
    public InstrumentationContext<Object> beginFieldFetch(InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        fetches.incrementAndGet();
        return null;
    }

    int fetches() {
        return fetches.get();
    }
}
