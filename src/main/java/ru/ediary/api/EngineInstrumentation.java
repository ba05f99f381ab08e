package ru.ediary.api;

import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.ExecuteObjectInstrumentationContext;
import graphql.execution.instrumentation.ExecutionStrategyInstrumentationContext;
import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentation;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionStrategyParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldCompleteParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;
import graphql.schema.DataFetcher;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The engine's instrumentations (SmallRye's query limits and document cache, our error codes) as one flat chain
 * that skips the per-field hooks when none of them implements any.
 * <p>
 * None of them looks at fields: the limits act once per operation, the cache once per validation, the codes once
 * per result. Chained as SmallRye and our observer chain them (a chain inside a chain, the cache answering every
 * hook with a context of its own), graphql-java still asked every instrumentation four or five times per field
 * and built a list of contexts each time: on a diary page of several hundred fields that was about a seventh of
 * the CPU. Should an instrumentation with field hooks join (SmallRye's federation tracing, say), every hook is
 * chained again.
 */
final class EngineInstrumentation extends ChainedInstrumentation {

    /** Classes whose hooks do nothing: an instrumentation inheriting a hook from one of them does not use it. */
    private static final Set<Class<?>> DO_NOTHING = Set.of(Instrumentation.class, SimpleInstrumentation.class,
            SimplePerformantInstrumentation.class);

    private final boolean fieldHooks;

    private EngineInstrumentation(List<Instrumentation> leaves) {
        super(leaves);
        this.fieldHooks = leaves.stream().anyMatch(EngineInstrumentation::hasFieldHooks);
    }

    /** One flat chain of the given instrumentations, nested chains unpacked, in order; the query limits as {@link DocumentLimits}. */
    static EngineInstrumentation of(Instrumentation... instrumentations) {
        List<Instrumentation> leaves = new ArrayList<>();
        flatten(Arrays.asList(instrumentations), leaves);
        return new EngineInstrumentation(DocumentLimits.replaceIn(leaves));
    }

    boolean chainsFieldHooks() {
        return fieldHooks;
    }

    private static void flatten(List<Instrumentation> instrumentations, List<Instrumentation> leaves) {
        for (Instrumentation instrumentation : instrumentations) {
            if (instrumentation instanceof ChainedInstrumentation chain) {
                flatten(chain.getInstrumentations(), leaves);
            } else if (instrumentation != null) {
                leaves.add(instrumentation);
            }
        }
    }

    static boolean hasFieldHooks(Instrumentation instrumentation) {
        for (Method hook : Instrumentation.class.getMethods()) {
            if (isFieldHook(hook.getName())) {
                try {
                    Method implementation = instrumentation.getClass().getMethod(hook.getName(), hook.getParameterTypes());
                    if (!DO_NOTHING.contains(implementation.getDeclaringClass())) {
                        return true;
                    }
                } catch (NoSuchMethodException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return false;
    }

    private static boolean isFieldHook(String name) {
        return name.startsWith("beginField") || name.equals("beginExecutionStrategy") || name.equals("beginExecuteObject")
                || name.equals("beginDeferredField") || name.equals("beginSubscribedFieldEvent")
                || name.equals("instrumentDataFetcher");
    }

    @Override
    public ExecutionStrategyInstrumentationContext beginExecutionStrategy(InstrumentationExecutionStrategyParameters parameters,
            InstrumentationState state) {
        return fieldHooks ? super.beginExecutionStrategy(parameters, state) : ExecutionStrategyInstrumentationContext.NOOP;
    }

    @Override
    public ExecuteObjectInstrumentationContext beginExecuteObject(InstrumentationExecutionStrategyParameters parameters,
            InstrumentationState state) {
        return fieldHooks ? super.beginExecuteObject(parameters, state) : ExecuteObjectInstrumentationContext.NOOP;
    }

    @Override
    public InstrumentationContext<Object> beginDeferredField(InstrumentationState state) {
        return fieldHooks ? super.beginDeferredField(state) : SimpleInstrumentationContext.noOp();
    }

    @Override
    public InstrumentationContext<graphql.ExecutionResult> beginSubscribedFieldEvent(InstrumentationFieldParameters parameters,
            InstrumentationState state) {
        return fieldHooks ? super.beginSubscribedFieldEvent(parameters, state) : SimpleInstrumentationContext.noOp();
    }

    @Override
    public InstrumentationContext<Object> beginFieldExecution(InstrumentationFieldParameters parameters,
            InstrumentationState state) {
        return fieldHooks ? super.beginFieldExecution(parameters, state) : SimpleInstrumentationContext.noOp();
    }

    @Override
    public InstrumentationContext<Object> beginFieldFetch(InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        return fieldHooks ? super.beginFieldFetch(parameters, state) : SimpleInstrumentationContext.noOp();
    }

    @Override
    public FieldFetchingInstrumentationContext beginFieldFetching(InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        return fieldHooks ? super.beginFieldFetching(parameters, state) : FieldFetchingInstrumentationContext.NOOP;
    }

    @Override
    public InstrumentationContext<Object> beginFieldCompletion(InstrumentationFieldCompleteParameters parameters,
            InstrumentationState state) {
        return fieldHooks ? super.beginFieldCompletion(parameters, state) : SimpleInstrumentationContext.noOp();
    }

    @Override
    public InstrumentationContext<Object> beginFieldListCompletion(InstrumentationFieldCompleteParameters parameters,
            InstrumentationState state) {
        return fieldHooks ? super.beginFieldListCompletion(parameters, state) : SimpleInstrumentationContext.noOp();
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        return fieldHooks ? super.instrumentDataFetcher(dataFetcher, parameters, state) : dataFetcher;
    }
}
