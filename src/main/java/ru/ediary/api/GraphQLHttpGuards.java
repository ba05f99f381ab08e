package ru.ediary.api;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * HTTP-level rules of the GraphQL endpoint, applied before the GraphQL engine sees a request.
 * <ul>
 * <li>A POST must carry JSON (or a GraphQL document): an HTML form or a "simple" cross-site request can never
 * drive a mutation. Operations never run over GET at all ({@code quarkus.smallrye-graphql.http.get.enabled}).
 * <li>A bearer token that fails verification (expired, forged, wrong issuer or audience) answers 401 with a
 * GraphQL error coded UNAUTHENTICATED, so clients handle every authentication failure the same way.
 * <li>Every operation needs a signed-in caller, so a POST without a token answers the same 401 before its body
 * is parsed: anonymous callers cost no parsing or validation and learn nothing about the schema. The
 * WebSocket endpoint (a GET upgrade) authenticates through {@code connection_init} and is not affected.
 * </ul>
 * Each refusal is counted in {@code ediary_graphql_refused_total{reason}}: these requests never become operations.
 */
@ApplicationScoped
public class GraphQLHttpGuards {

    /** After Quarkus's authentication (order -200) and authorization (-100) filters, before the GraphQL route. */
    static final int ORDER_REQUIRE_CALLER = -50;

    private final MeterRegistry registry;

    GraphQLHttpGuards(MeterRegistry registry) {
        this.registry = registry;
    }

    void register(@Observes Router router) {
        router.post("/graphql").order(Integer.MIN_VALUE + 1).handler(this::requireJson);
        router.post("/graphql").order(ORDER_REQUIRE_CALLER).handler(this::requireCaller);
        router.route("/graphql*").order(Integer.MIN_VALUE).failureHandler(this::authenticationFailed);
        router.route("/graphql*").order(Integer.MIN_VALUE + 1).failureHandler(this::unreadableBody);
    }

    /** JSON the parser refuses (nesting beyond its limit of 1000, malformed) is the client's fault: 400, not 500. */
    private void unreadableBody(RoutingContext context) {
        Throwable failure = context.failure();
        boolean unreadable = failure instanceof jakarta.json.JsonException
                || failure != null && failure.getMessage() != null && failure.getMessage().contains("too deeply nested");
        if (!unreadable || context.response().headWritten()) {
            context.next();
            return;
        }
        refuse(context, 400, "BAD_REQUEST", "Тело запроса не удалось разобрать как JSON.");
    }

    private void requireJson(RoutingContext context) {
        if (isJson(context.request().getHeader("Content-Type"))) {
            context.next();
            return;
        }
        refuse(context, 415, "UNSUPPORTED_MEDIA_TYPE",
                "Запрос к GraphQL отправляется методом POST с Content-Type: application/json.");
    }

    private void requireCaller(RoutingContext context) {
        if (context.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous()) {
            context.next();
            return;
        }
        context.response().putHeader("WWW-Authenticate", "Bearer");
        refuse(context, 401, "UNAUTHENTICATED", "Требуется вход: передайте токен доступа в заголовке Authorization.");
    }

    /**
     * GraphiQL's fetcher sets the header twice, so browsers send "application/json, application/json": a list is
     * accepted when every entry is JSON. A form or "simple" request can still never pass.
     */
    static boolean isJson(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return false;
        }
        for (String entry : contentType.split(",")) {
            String mediaType = entry.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
            if (!mediaType.equals("application/json") && !mediaType.equals("application/graphql")) {
                return false;
            }
        }
        return true;
    }

    private void authenticationFailed(RoutingContext context) {
        Throwable failure = context.failure();
        if (!(failure instanceof AuthenticationFailedException || failure instanceof AuthenticationCompletionException)
                || context.response().headWritten()) {
            context.next();
            return;
        }
        context.response().putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        refuse(context, 401, "UNAUTHENTICATED", "Токен доступа недействителен или истёк: войдите снова.");
    }

    /** Answers a request the GraphQL engine never sees, with a GraphQL-shaped body, and counts it. */
    void refuse(RoutingContext context, int status, String code, String message) {
        refuse(context, status, code, message, "application/json");
    }

    void refuse(RoutingContext context, int status, String code, String message, String mediaType) {
        Counter.builder("ediary.graphql.refused").description("GraphQL requests refused before parsing, by reason")
                .tag("reason", code).register(registry).increment();
        respond(context, status, code, message, mediaType);
    }

    static void respond(RoutingContext context, int status, String code, String message, String mediaType) {
        JsonObject error = new JsonObject().put("message", message).put("extensions", new JsonObject().put("code", code));
        context.response().setStatusCode(status)
                .putHeader("Content-Type", mediaType + "; charset=utf-8")
                .end(new JsonObject().put("errors", new JsonArray().add(error)).encode());
    }
}
