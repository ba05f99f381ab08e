package ru.ediary.api;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.introspection.Introspection;
import graphql.parser.ParserOptions;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLSchema;
import graphql.schema.visibility.DefaultGraphqlFieldVisibility;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorType;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import ru.ediary.config.EdiaryConfig;
import ru.ediary.config.EdiaryConfig.Graphql.FieldVisibility;

/**
 * Settings of the GraphQL engine (graphql-java under SmallRye GraphQL) that configuration alone does not reach.
 * <ul>
 * <li>The parser's token cap ({@code quarkus.smallrye-graphql.parser-max-tokens}) for operations: SmallRye sets
 * graphql-java's general default parser options, but graphql-java parses operations with its separate operation
 * defaults (15,000 tokens), so the configured cap is applied there too.
 * <li>Introspection ({@code __schema}, {@code __type}) is refused when {@code ediary.graphql.field-visibility} is
 * {@code no-introspection} (production's default): graphql-java's own switch. SmallRye's
 * {@code no-introspection} visibility left {@code __schema} and {@code __type} answering; its field visibility is
 * replaced by graphql-java's plain one (see {@link #configure}).
 * <li>Every error a client gets carries one of the documented {@code extensions.code}s; errors of the engine
 * itself (parse, validation, variable coercion, query limits) get theirs here. Messages about an input value
 * never repeat the value.
 * </ul>
 */
@ApplicationScoped
public class GraphQLEngine {

    private static final Pattern VARIABLE = Pattern.compile("^Variable '([_A-Za-z][_0-9A-Za-z]*)'");

    private final int maxTokens;
    private final boolean introspection;

    GraphQLEngine(@ConfigProperty(name = "quarkus.smallrye-graphql.parser-max-tokens") int maxTokens, EdiaryConfig config) {
        this.maxTokens = maxTokens;
        this.introspection = config.graphql().fieldVisibility() != FieldVisibility.NO_INTROSPECTION;
    }

    /** Before the first request: both are JVM-wide settings of graphql-java. */
    void onStart(@Observes StartupEvent event) {
        ParserOptions.setDefaultOperationParserOptions(ParserOptions.getDefaultOperationParserOptions()
                .transform(options -> options.maxTokens(maxTokens)));
        Introspection.enabledJvmWide(introspection);
    }

    /**
     * SmallRye fires its GraphQL builder as a CDI event: our codes come after its own instrumentations, all in one
     * flat chain without per-field hooks ({@link EngineInstrumentation}), and the schema gets graphql-java's plain
     * field visibility. SmallRye installs a pattern check ({@code BlockedFields}) for any {@code field-visibility}
     * value, its default included, and graphql-java asks it for every field of every document and answer: on a diary
     * page that was a tenth of the allocation, to block nothing (every caller sees the same schema; introspection is
     * refused above, by graphql-java's own switch).
     */
    void configure(@Observes GraphQL.Builder builder) {
        GraphQL configured = builder.build();
        GraphQLSchema schema = configured.getGraphQLSchema();
        GraphQLCodeRegistry plain = schema.getCodeRegistry()
                .transform(registry -> registry.fieldVisibility(DefaultGraphqlFieldVisibility.DEFAULT_FIELD_VISIBILITY));
        builder.schema(schema.transform(copy -> copy.codeRegistry(plain)))
                .instrumentation(EngineInstrumentation.of(configured.getInstrumentation(), new ErrorCodes()));
    }

    /** Gives every engine error a documented code and drops input values from coercion messages. */
    static final class ErrorCodes implements Instrumentation {

        @Override
        public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
                InstrumentationExecutionParameters parameters, InstrumentationState state) {
            if (result.getErrors().isEmpty()) {
                return CompletableFuture.completedFuture(result);
            }
            List<GraphQLError> errors = result.getErrors().stream().map(ErrorCodes::coded).toList();
            return CompletableFuture.completedFuture(result.transform(builder -> builder.errors(errors)));
        }

        static GraphQLError coded(GraphQLError error) {
            // resolver failures are coded by SmallRye from our exceptions' @ErrorCode (see ApiBoundary)
            if (error instanceof ExceptionWhileDataFetching
                    || error.getExtensions() != null && error.getExtensions().containsKey("code")) {
                return error;
            }
            String message = error.getMessage();
            ErrorClassification kind = error.getErrorType();
            String code;
            if (kind == ErrorType.InvalidSyntax || "Unparseable input document".equals(message)) {
                code = "GRAPHQL_PARSE_FAILED";
            } else if (kind == ErrorType.ExecutionAborted) {
                code = "QUERY_TOO_COMPLEX"; // depth or complexity beyond the limits
            } else if (error instanceof ValidationError validation) {
                code = "GRAPHQL_VALIDATION_FAILED";
                if (validation.getValidationErrorType() == ValidationErrorType.WrongType) {
                    message = "Значение аргумента не подходит к его типу.";
                }
            } else if (message != null && VARIABLE.matcher(message).find()) {
                Matcher variable = VARIABLE.matcher(message);
                variable.find();
                code = "BAD_USER_INPUT";
                message = "Значение переменной $" + variable.group(1) + " не подходит к её типу.";
            } else if (kind == ErrorType.ValidationError || kind == ErrorType.OperationNotSupported
                    || "IntrospectionDisabled".equals(String.valueOf(kind))) {
                code = "GRAPHQL_VALIDATION_FAILED";
            } else {
                code = "INTERNAL";
            }
            Map<String, Object> extensions = new HashMap<>(error.getExtensions() == null ? Map.of() : error.getExtensions());
            extensions.put("code", code);
            return GraphqlErrorBuilder.newError().message(message).locations(error.getLocations())
                    .path(error.getPath()).errorType(kind).extensions(extensions).build();
        }
    }
}
