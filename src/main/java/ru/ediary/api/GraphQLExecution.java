package ru.ediary.api;

import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.smallrye.graphql.execution.ExecutionResponseWriter;
import io.smallrye.graphql.execution.ExecutionService;
import io.smallrye.graphql.execution.context.SmallRyeContext;
import io.smallrye.graphql.execution.context.SmallRyeContextManager;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Executes a POST request that {@link GraphQLOverHttp} has checked, on the worker thread that checked it, through
 * SmallRye's {@link ExecutionService}, and writes the answer. It does what Quarkus's SmallRye GraphQL route handler
 * does for a POST (the request context around the execution, the caller's identity, the request as the engine's
 * context) with two differences measured on the diary page (docs/performance.md): no second hop to a worker thread,
 * and an answer without errors written by {@link ResponseJson} instead of through a JSON-P tree and a Java string.
 * Answers with errors or extensions, and everything else SmallRye's handler serves (GET, OPTIONS), stay SmallRye's.
 */
@ApplicationScoped
public class GraphQLExecution {

    private static final Logger LOG = Logger.getLogger(GraphQLExecution.class);

    private final CurrentVertxRequest currentRequest;
    private final Instance<CurrentIdentityAssociation> identities;
    private volatile ExecutionService engine;

    GraphQLExecution(CurrentVertxRequest currentRequest, Instance<CurrentIdentityAssociation> identities) {
        this.currentRequest = currentRequest;
        this.identities = identities;
    }

    /** Runs the request ({@code query}, {@code operationName}, {@code variables}, {@code extensions}) and answers it. */
    void execute(RoutingContext routing, JsonObject request) {
        ManagedContext requestContext = Arc.container().requestContext();
        // as SmallRye's handler: the request's beans live until the answer is sent (or the connection fails)
        routing.response().endHandler(ignored -> terminate(requestContext))
                .exceptionHandler(ignored -> terminate(requestContext))
                .closeHandler(ignored -> terminate(requestContext));
        if (!requestContext.isActive()) {
            requestContext.activate();
        }
        try {
            if (identities.isResolvable() && routing.user() instanceof QuarkusHttpUser user) {
                identities.get().setIdentity(user.getSecurityIdentity());
            }
            currentRequest.setCurrent(routing);
            Map<String, Object> metadata = new ConcurrentHashMap<>();
            metadata.put("runBlocking", true);
            metadata.put("httpHeaders", headers(routing));
            metadata.put("state", requestContext.getState());
            engine().executeAsync(request, metadata, new Writer(routing));
            SmallRyeContextManager.clearCurrentSmallRyeContext();
            requestContext.deactivate();
        } catch (Throwable e) {
            terminate(requestContext);
            throw e;
        }
    }

    private static void terminate(ManagedContext requestContext) {
        SmallRyeContextManager.clearCurrentSmallRyeContext();
        requestContext.terminate();
    }

    private ExecutionService engine() {
        ExecutionService current = engine;
        if (current == null) {
            current = Arc.container().instance(ExecutionService.class).get();
            engine = current;
        }
        return current;
    }

    private static Map<String, List<String>> headers(RoutingContext routing) {
        Map<String, List<String>> headers = new HashMap<>();
        for (String name : routing.request().headers().names()) {
            headers.put(name, routing.request().headers().getAll(name));
        }
        return headers;
    }

    private record Writer(RoutingContext routing) implements ExecutionResponseWriter {

        @Override
        public void write(ExecutionResponse answer) {
            ExecutionResult result = answer.getExecutionResult();
            HttpServerResponse response = routing.response();
            if (aborted(result)) {
                // SmallRye's handler answers a request aborted after data was produced with a bare 500
                LOG.error("GraphQL execution aborted after producing data");
                response.setStatusCode(500).end();
                return;
            }
            // extensions a resolver added to SmallRye's context are in the answer only SmallRye writes
            SmallRyeContext context = SmallRyeContextManager.getCurrentSmallRyeContext();
            boolean added = context == null || !context.getAddedExtensions().isEmpty();
            Buffer body = added ? null : ResponseJson.data(result);
            if (body == null) {
                body = Buffer.buffer(answer.getExecutionResultAsString(), "UTF-8");
            }
            try {
                response.setStatusCode(200).end(body);
            } catch (IllegalStateException e) {
                LOG.debug("The answer could not be written: the response had ended", e);
            }
        }

        @Override
        public void fail(Throwable failure) {
            routing.fail(failure);
        }

        private static boolean aborted(ExecutionResult result) {
            if (!result.isDataPresent()) {
                return false;
            }
            for (GraphQLError error : result.getErrors()) {
                if (ErrorType.ExecutionAborted.equals(error.getErrorType())) {
                    return true;
                }
            }
            return false;
        }
    }
}
