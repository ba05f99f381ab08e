package ru.ediary.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherResult;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStrategyParameters;
import graphql.execution.FieldCollector;
import graphql.execution.FieldCollectorParameters;
import graphql.execution.FieldValueInfo;
import graphql.execution.MergedField;
import graphql.execution.MergedSelectionSet;
import graphql.execution.NonNullableFieldWasNullException;
import graphql.execution.ResultNodesInfo;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import graphql.util.FpKit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * graphql-java's query strategy, with one shortcut: a value whose whole selection reads only plain properties of
 * our API records ({@link PlainFields}) is completed in one walk over the records.
 * <p>
 * graphql-java executes every field of every object on its own: a step info, instrumentation parameters, a fetch
 * with the data-loader bookkeeping (a lock per field), a completion, a result path, a future or its stand-in. A
 * diary page of 50 lessons is about a thousand such fields; after the rest of the request had been trimmed, this
 * machinery was the largest share of the page's CPU (docs/performance.md, "Plain subtrees"). Where nothing in a
 * subtree can do more than read a property (no resolver, no argument, no directive, no abstract type, no
 * instrumentation with field hooks, no {@code @defer}), the answer is the same without it: the same values, through
 * the same output transformation, scalar and enum serialization and value unboxing, in the same order.
 * <p>
 * Anything the walk cannot answer exactly as graphql-java would (a null where the schema promises a value, a
 * value a scalar refuses, an accessor that throws, a future) abandons the walk, and graphql-java completes the
 * same value again the usual way, which reports the error at its path and nulls what the rules say. Reading a
 * record component twice is harmless.
 * <p>
 * The shape of a subtree (which fields, which fetchers, which types) depends only on the document's nodes and the
 * schema, so it is worked out once per merged field and remembered by the identity of its nodes; documents come
 * from SmallRye's document cache, so the same nodes return with the same query.
 * <p>
 * The server's query strategy ({@link OffTheEventLoop.Query}) is one of these.
 */
class PlainSubtrees extends AsyncExecutionStrategy {

    /** The walk gave up: complete the value the usual way. */
    private static final Object GIVE_UP = new Object();
    /** A subtree that holds something other than plain reads. */
    private static final Shape NOT_PLAIN = new Shape.Leaf(null, null);

    private final FieldCollector collector = new FieldCollector();
    private final Cache<NodesKey, Shape> shapes;

    PlainSubtrees(DataFetcherExceptionHandler exceptionHandler) {
        super(exceptionHandler);
        // one per merged field whose value is an object or a list: a few for each document DocumentLimits remembers
        this.shapes = Caffeine.newBuilder().maximumSize(4 * DocumentLimits.MAX_REMEMBERED).build();
    }

    @Override
    protected FieldValueInfo completeValue(ExecutionContext context, ExecutionStrategyParameters parameters)
            throws NonNullableFieldWasNullException {
        Object source = parameters.getSource();
        GraphQLType type = parameters.getExecutionStepInfo().getUnwrappedNonNullType();
        if (source != null && (type instanceof GraphQLObjectType || type instanceof GraphQLList) && walkable(context)) {
            Shape shape = shapeOf(context, parameters.getField(), type);
            if (shape != NOT_PLAIN) {
                Object value = shape.complete(context.getValueUnboxer().unbox(source), context);
                if (value != GIVE_UP) {
                    // a finished value: no object below it waits for the data-loader dispatch
                    return new FieldValueInfo(FieldValueInfo.CompleteValueType.SCALAR, value);
                }
            }
        }
        return super.completeValue(context, parameters);
    }

    private static boolean walkable(ExecutionContext context) {
        return context.getInstrumentation() instanceof EngineInstrumentation instrumentation
                && !instrumentation.chainsFieldHooks()
                && !context.hasIncrementalSupport()
                && !context.isSubscriptionOperation()
                && context.getGraphQLContext().get(ResultNodesInfo.MAX_RESULT_NODES) == null;
    }

    private Shape shapeOf(ExecutionContext context, MergedField field, GraphQLType type) {
        // shape() never reads the cache, so it may run inside the cache's own computation
        return shapes.get(new NodesKey(field.getFields(), type), key -> shape(context, field, type));
    }

    /** The shape of a value of this type selected by this field, or {@link #NOT_PLAIN}. */
    private Shape shape(ExecutionContext context, MergedField field, GraphQLType type) {
        if (type instanceof GraphQLNonNull nonNull) {
            Shape inner = shape(context, field, nonNull.getWrappedType());
            return inner == NOT_PLAIN ? NOT_PLAIN : new Shape.Required(inner);
        }
        if (type instanceof GraphQLList list) {
            Shape inner = shape(context, field, list.getWrappedType());
            return inner == NOT_PLAIN ? NOT_PLAIN : new Shape.Many(inner);
        }
        if (type instanceof GraphQLScalarType scalar) {
            return new Shape.Leaf(scalar, null);
        }
        if (type instanceof GraphQLEnumType enumeration) {
            return new Shape.Leaf(null, enumeration);
        }
        if (!(type instanceof GraphQLObjectType object) || !withoutDirectives(context, field)) {
            return NOT_PLAIN; // an interface or union resolves its type per value; a directive depends on variables
        }
        MergedSelectionSet selection = collector.collectFields(FieldCollectorParameters.newParameters()
                .schema(context.getGraphQLSchema())
                .objectType(object)
                .fragments(context.getFragmentsByName())
                .variables(Map.of())
                .graphQLContext(context.getGraphQLContext())
                .build(), field, false);
        List<String> keys = selection.getKeys();
        Shape.Read[] reads = new Shape.Read[keys.size()];
        for (int i = 0; i < reads.length; i++) {
            MergedField subField = selection.getSubField(keys.get(i));
            String name = subField.getName();
            if ("__typename".equals(name)) {
                reads[i] = new Shape.Read(keys.get(i), null, object.getName(), null);
                continue;
            }
            GraphQLFieldDefinition definition = object.getField(name);
            if (definition == null || !definition.getArguments().isEmpty()) {
                return NOT_PLAIN;
            }
            DataFetcher<?> fetcher = context.getGraphQLSchema().getCodeRegistry().getDataFetcher(object, definition);
            if (!(fetcher instanceof PlainFields.Fetcher plain) || !plain.readsWithoutEnvironment()) {
                return NOT_PLAIN;
            }
            Shape value = shape(context, subField, definition.getType());
            if (value == NOT_PLAIN) {
                return NOT_PLAIN;
            }
            reads[i] = new Shape.Read(keys.get(i), plain, null, value);
        }
        return new Shape.Record(reads);
    }

    /** Whether nothing below the field carries a directive (in the field's selection or any fragment it spreads). */
    private static boolean withoutDirectives(ExecutionContext context, MergedField field) {
        for (Field node : field.getFields()) {
            if (!withoutDirectives(context, node.getSelectionSet())) {
                return false;
            }
        }
        return true;
    }

    private static boolean withoutDirectives(ExecutionContext context, SelectionSet selectionSet) {
        if (selectionSet == null) {
            return true;
        }
        for (Selection<?> selection : selectionSet.getSelections()) {
            if (selection instanceof Field node) {
                if (!node.getDirectives().isEmpty()) {
                    return false;
                }
            } else if (selection instanceof InlineFragment fragment) {
                if (!fragment.getDirectives().isEmpty() || !withoutDirectives(context, fragment.getSelectionSet())) {
                    return false;
                }
            } else if (selection instanceof FragmentSpread spread) {
                FragmentDefinition definition = context.getFragmentsByName().get(spread.getName());
                if (!spread.getDirectives().isEmpty() || definition == null || !definition.getDirectives().isEmpty()
                        || !withoutDirectives(context, definition.getSelectionSet())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** How to complete one value: its type's structure with the plain reads of its objects. */
    private sealed interface Shape {

        /** The completed value, or {@link #GIVE_UP}; the value is unboxed and not null unless said otherwise. */
        Object complete(Object value, ExecutionContext context);

        record Required(Shape inner) implements Shape {
            @Override
            public Object complete(Object value, ExecutionContext context) {
                return value == null ? GIVE_UP : inner.complete(value, context);
            }
        }

        record Many(Shape inner) implements Shape {
            @Override
            public Object complete(Object value, ExecutionContext context) {
                if (value == null) {
                    return null;
                }
                if (!(value instanceof Collection<?> || value.getClass().isArray())) {
                    return GIVE_UP; // a mismatch graphql-java reports, or a stream it may read only once
                }
                List<Object> completed = new ArrayList<>(value instanceof Collection<?> items ? items.size() : 10);
                ResultNodesInfo nodes = context.getResultNodesInfo();
                for (Object item : FpKit.toIterable(value)) {
                    nodes.incrementAndGetResultNodesCount(); // as graphql-java counts each element
                    if (item instanceof CompletionStage<?> || item instanceof DataFetcherResult<?>) {
                        return GIVE_UP;
                    }
                    Object element = inner.complete(context.getValueUnboxer().unbox(item), context);
                    if (element == GIVE_UP) {
                        return GIVE_UP;
                    }
                    completed.add(element);
                }
                return completed;
            }
        }

        record Leaf(GraphQLScalarType scalar, GraphQLEnumType enumeration) implements Shape {
            @Override
            public Object complete(Object value, ExecutionContext context) {
                if (value == null) {
                    return null;
                }
                try {
                    return scalar != null
                            ? scalar.getCoercing().serialize(value, context.getGraphQLContext(), context.getLocale())
                            : enumeration.serialize(value, context.getGraphQLContext(), context.getLocale());
                } catch (RuntimeException refused) {
                    return GIVE_UP; // graphql-java reports the refusal at the field's path
                }
            }
        }

        record Record(Read[] reads) implements Shape {
            @Override
            public Object complete(Object value, ExecutionContext context) {
                if (value == null) {
                    return null;
                }
                if (value instanceof CompletionStage<?>) {
                    return GIVE_UP;
                }
                Map<String, Object> completed = new LinkedHashMap<>(reads.length * 4 / 3 + 1);
                ResultNodesInfo nodes = context.getResultNodesInfo();
                for (Read read : reads) {
                    nodes.incrementAndGetResultNodesCount(); // as graphql-java counts each field it fetches
                    Object field;
                    if (read.typeName != null) {
                        field = read.typeName;
                    } else {
                        Object raw;
                        try {
                            raw = read.fetcher.read(value);
                        } catch (Exception e) {
                            return GIVE_UP;
                        }
                        if (raw instanceof CompletionStage<?> || raw instanceof DataFetcherResult<?>) {
                            return GIVE_UP;
                        }
                        field = read.value.complete(context.getValueUnboxer().unbox(raw), context);
                        if (field == GIVE_UP) {
                            return GIVE_UP;
                        }
                    }
                    completed.put(read.key, field);
                }
                return completed;
            }
        }

        /** One field of a record: its result key and either its fetcher and value shape or the type's name. */
        record Read(String key, PlainFields.Fetcher fetcher, String typeName, Shape value) {
        }
    }

    /** The nodes of a merged field, compared by identity, with the type they are completed as. */
    private record NodesKey(List<Field> fields, GraphQLType type) {

        @Override
        public boolean equals(Object other) {
            if (!(other instanceof NodesKey key) || key.type != type || key.fields.size() != fields.size()) {
                return false;
            }
            for (int i = 0; i < fields.size(); i++) {
                if (key.fields.get(i) != fields.get(i)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            int hash = System.identityHashCode(type);
            for (Field field : fields) {
                hash = 31 * hash + System.identityHashCode(field);
            }
            return hash;
        }
    }
}
