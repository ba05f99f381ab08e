package ru.ediary.api;

import graphql.ExecutionResult;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Document;
import graphql.validation.ValidationError;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SmallRye's query limits (graphql-java's complexity and depth instrumentations, both kept and asked in SmallRye's
 * order) computed once per document and operation instead of once per request: each walks the whole operation, and
 * an SPA sends the same few documents again and again. Only a verdict that the operation is within both limits is
 * remembered, and only for a document without directives, whose walk cannot depend on the request's variables
 * ({@code @skip}/{@code @include} can); a refused or directive-bearing document is walked on every request.
 * Documents are the engine's cached, parsed ones (SmallRye's {@code QueryCache}), compared by identity.
 */
final class DocumentLimits extends SimplePerformantInstrumentation {

    /** How many (document, operation) verdicts are remembered; emptied when full, as the engine's own cache is bounded. */
    static final int MAX_REMEMBERED = 2048;

    private record Operation(Document document, String name) {
    }

    private final MaxQueryComplexityInstrumentation complexity;
    private final MaxQueryDepthInstrumentation depth;
    private final Set<Operation> withinLimits = ConcurrentHashMap.newKeySet();

    DocumentLimits(MaxQueryComplexityInstrumentation complexity, MaxQueryDepthInstrumentation depth) {
        this.complexity = complexity;
        this.depth = depth;
    }

    /** The instrumentations with SmallRye's two limits replaced by one of these, where the first of them was. */
    static List<Instrumentation> replaceIn(List<Instrumentation> instrumentations) {
        MaxQueryComplexityInstrumentation complexity = null;
        MaxQueryDepthInstrumentation depth = null;
        int first = -1;
        List<Instrumentation> others = new ArrayList<>();
        for (Instrumentation instrumentation : instrumentations) {
            if (instrumentation instanceof MaxQueryComplexityInstrumentation limit) {
                complexity = limit;
            } else if (instrumentation instanceof MaxQueryDepthInstrumentation limit) {
                depth = limit;
            } else {
                others.add(instrumentation);
                continue;
            }
            first = first < 0 ? others.size() : first;
        }
        if (first >= 0) {
            others.add(first, new DocumentLimits(complexity, depth));
        }
        return others;
    }

    /** The complexity limit keeps the validation parameters in a state of its own, for its report. */
    @Override
    public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
        return complexity == null ? CompletableFuture.completedFuture(null) : complexity.createStateAsync(parameters);
    }

    @Override
    public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
            InstrumentationState state) {
        return complexity == null ? SimpleInstrumentationContext.noOp() : complexity.beginValidation(parameters, state);
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
            InstrumentationState state) {
        var execution = parameters.getExecutionContext();
        String query = execution.getExecutionInput().getQuery();
        Operation operation = query != null && query.indexOf('@') < 0
                ? new Operation(execution.getDocument(), execution.getExecutionInput().getOperationName())
                : null; // '@' anywhere (a directive, or text in a string): walked every time
        if (operation != null && withinLimits.contains(operation)) {
            return SimpleInstrumentationContext.noOp();
        }
        if (complexity != null) {
            complexity.beginExecuteOperation(parameters, state); // throws when over the limit
        }
        if (depth != null) {
            depth.beginExecuteOperation(parameters, null); // stateless
        }
        if (operation != null) {
            if (withinLimits.size() >= MAX_REMEMBERED) {
                withinLimits.clear();
            }
            withinLimits.add(operation);
        }
        return SimpleInstrumentationContext.noOp();
    }
}
