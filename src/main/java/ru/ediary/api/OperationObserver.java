package ru.ediary.api;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.graphql.api.Context;
import io.smallrye.graphql.api.ErrorCode;
import io.smallrye.graphql.cdi.event.AfterExecute;
import io.smallrye.graphql.cdi.event.BeforeExecute;
import io.smallrye.graphql.cdi.event.ErrorExecute;
import io.smallrye.graphql.cdi.event.ErrorInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import ru.ediary.config.EdiaryConfig;

/**
 * One timer sample and one access-log line per GraphQL operation: {@code ediary_graphql_requests_seconds} tagged
 * with the operation name, its type and its outcome ({@code ok}, or the first error's code), with latency
 * buckets for histograms. The log line carries the request id (see {@link RequestIds}) and the operation name,
 * never variables or results, which may hold personal data.
 */
@ApplicationScoped
public class OperationObserver {

    static final String METRIC = "ediary.graphql.requests";
    private static final Logger ACCESS = Logger.getLogger("ru.ediary.access");
    private static final Pattern NAME = Pattern.compile("[_A-Za-z][_0-9A-Za-z]{0,63}");
    /** A document's leading operation, after ignored tokens (white space, commas, comments, byte order mark). */
    private static final Pattern LEADING_OPERATION = Pattern.compile(
            "\\A(?:[\\s,\\uFEFF]|#[^\\n\\r]*)*(?:query|mutation|subscription)\\s+([_A-Za-z][_0-9A-Za-z]*)");
    private static final Set<String> TYPES = Set.of("query", "mutation", "subscription");
    private static final Set<String> OUR_CODES = Set.of("NOT_FOUND", "FORBIDDEN", "UNAUTHENTICATED",
            "BAD_USER_INPUT", "SERVICE_UNAVAILABLE", "INTERNAL");
    private static final Duration[] BUCKETS = { Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10) };

    private final MeterRegistry registry;
    private final int maxNames;
    private final Map<String, Started> started = new ConcurrentHashMap<>();

    private record Started(long nanos, String operation) {
    }
    private final Set<String> names = ConcurrentHashMap.newKeySet();
    /** The timer of each (operation, type, outcome): building and registering one per request cost every request. */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    OperationObserver(MeterRegistry registry, EdiaryConfig config) {
        this.registry = registry;
        this.maxNames = config.metrics().maxOperationNames();
    }

    void before(@Observes @BeforeExecute Context context) {
        if (context.getExecutionId() == null) {
            return; // SmallRye refused the request before it became an operation
        }
        String operation = operationName(context);
        started.put(context.getExecutionId(), new Started(System.nanoTime(), operation));
        MDC.put("operation", operation);
    }

    void after(@Observes @AfterExecute Context context) {
        ExecutionResult result = context.unwrap(ExecutionResult.class);
        finish(context, result == null ? "ok" : outcome(result.getErrors()));
    }

    void failed(@Observes @ErrorExecute ErrorInfo error) {
        finish(error.getContext(), "INTERNAL");
    }

    private void finish(Context context, String outcome) {
        Started start = context.getExecutionId() == null ? null : started.remove(context.getExecutionId());
        if (start == null) {
            return; // already counted: an error after the result was written
        }
        long nanos = System.nanoTime() - start.nanos();
        String operation = start.operation();
        String type = operationType(context);
        // every part is from a bounded set, so is the map
        timers.computeIfAbsent(operation + '\n' + type + '\n' + outcome, key -> Timer.builder(METRIC)
                .description("GraphQL operations by name, type and outcome")
                .tags("operation", operation, "type", type, "outcome", outcome)
                .serviceLevelObjectives(BUCKETS)
                .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
        if (ACCESS.isInfoEnabled()) {
            // concatenated: infof's java.util.Formatter was 1.6 % of a diary page's CPU samples
            ACCESS.info("graphql " + type + ' ' + operation + " outcome=" + outcome + " duration_ms=" + nanos / 1_000_000);
        }
        MDC.remove("operation");
    }

    /**
     * The operation's name (the request's operationName, else the name of the document's leading operation) when
     * it is a plain GraphQL name, bounded in number; else a fixed word.
     */
    private String operationName(Context context) {
        String name = context.getOperationName().filter(n -> !n.isBlank()).orElseGet(() -> nameInDocument(context));
        if (name == null) {
            return "anonymous";
        }
        if (!NAME.matcher(name).matches()) {
            return "invalid";
        }
        if (names.contains(name) || names.size() < maxNames && names.add(name)) {
            return name;
        }
        return "other";
    }

    private static String nameInDocument(Context context) {
        String query = context.getQuery();
        if (query == null) {
            return null;
        }
        Matcher leading = LEADING_OPERATION.matcher(query);
        return leading.lookingAt() ? leading.group(1) : null;
    }

    private static String operationType(Context context) {
        List<String> types = context.getRequestedOperationTypes();
        String type = types == null || types.isEmpty() ? "" : types.get(0).toLowerCase(Locale.ROOT);
        return TYPES.contains(type) ? type : "unknown";
    }

    /** {@code ok}, one of our error codes, or the GraphQL engine's class of error: a bounded set of values. */
    static String outcome(List<GraphQLError> errors) {
        if (errors == null || errors.isEmpty()) {
            return "ok";
        }
        GraphQLError first = errors.get(0);
        // extensions are filled in when the answer is written, after this event: read the exception instead
        if (first instanceof ExceptionWhileDataFetching failure) {
            Throwable cause = failure.getException();
            if (cause instanceof io.quarkus.security.UnauthorizedException) {
                return "UNAUTHENTICATED";
            }
            if (cause instanceof io.quarkus.security.ForbiddenException) {
                return "FORBIDDEN";
            }
            ErrorCode code = cause == null ? null : cause.getClass().getAnnotation(ErrorCode.class);
            return code != null && OUR_CODES.contains(code.value()) ? code.value() : "ERROR";
        }
        ErrorClassification kind = first.getErrorType();
        if (kind == ErrorType.InvalidSyntax) {
            return "PARSE_FAILED";
        }
        if (kind == ErrorType.ValidationError) {
            return "VALIDATION_FAILED";
        }
        if (kind == ErrorType.ExecutionAborted) {
            return "QUERY_TOO_COMPLEX";
        }
        return "ERROR";
    }
}
