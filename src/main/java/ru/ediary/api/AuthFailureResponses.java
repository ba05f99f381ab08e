package ru.ediary.api;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A bearer token that fails verification (expired, forged, wrong issuer or audience) is refused before any
 * resolver runs. On the GraphQL endpoint the refusal is still a GraphQL error with code UNAUTHENTICATED, so
 * clients handle every authentication failure the same way.
 */
@ApplicationScoped
public class AuthFailureResponses {

    void register(@Observes Router router) {
        router.route("/graphql*").order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    private void handle(RoutingContext context) {
        Throwable failure = context.failure();
        if (!(failure instanceof AuthenticationFailedException || failure instanceof AuthenticationCompletionException)
                || context.response().headWritten()) {
            context.next();
            return;
        }
        JsonObject error = new JsonObject()
                .put("message", "Токен доступа недействителен или истёк: войдите снова.")
                .put("extensions", new JsonObject().put("code", "UNAUTHENTICATED"));
        context.response().setStatusCode(401)
                .putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .end(new JsonObject().put("errors", new JsonArray().add(error)).encode());
    }
}
