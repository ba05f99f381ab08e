package ru.ediary.api;

import graphql.GraphQLError;
import graphql.language.Document;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.schema.GraphQLSchema;
import graphql.validation.Validator;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.Locale;

/**
 * GraphQL over HTTP, for clients that accept {@code application/graphql-response+json}: a request that
 * cannot be parsed or does not validate never produces {@code data}, so it is answered 400, as the
 * specification requires for that media type. Clients asking for {@code application/json} keep the
 * traditional 200.
 */
@ApplicationScoped
public class GraphQLOverHttp {

    static final String MEDIA_TYPE = "application/graphql-response+json";

    private final Instance<GraphQLSchema> schema;
    private final int maxTokens;

    GraphQLOverHttp(Instance<GraphQLSchema> schema,
            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.smallrye-graphql.parser-max-tokens",
                    defaultValue = "15000") int maxTokens) {
        this.schema = schema;
        this.maxTokens = maxTokens;
    }

    void register(@Observes Router router) {
        router.post("/graphql").order(Integer.MIN_VALUE + 2).handler(BodyHandler.create().setBodyLimit(1024 * 1024));
        router.post("/graphql").order(Integer.MIN_VALUE + 3).blockingHandler(this::checkRequest, false);
    }

    private void checkRequest(RoutingContext context) {
        String accept = context.request().getHeader("Accept");
        if (accept == null || !accept.contains(MEDIA_TYPE)) {
            context.next();
            return;
        }
        List<String> problems;
        try {
            JsonObject body = context.body().asJsonObject();
            String query = body == null ? null : body.getString("query");
            if (query == null || query.isBlank()) {
                problems = List.of("The request has no GraphQL document in \"query\".");
            } else {
                Document document = new Parser().parseDocument(ParserEnvironment.newParserEnvironment().document(query)
                        .parserOptions(ParserOptions.newParserOptions().maxTokens(maxTokens).build()).build());
                problems = new Validator().validateDocument(schema.get(), document, Locale.ENGLISH).stream()
                        .map(GraphQLError::getMessage).toList();
            }
        } catch (InvalidSyntaxException e) {
            problems = List.of("The document cannot be parsed: " + e.getMessage());
        } catch (RuntimeException e) {
            problems = List.of("The request body is not a GraphQL request in JSON.");
        }
        if (problems.isEmpty()) {
            context.next();
            return;
        }
        JsonArray errors = new JsonArray();
        problems.forEach(message -> errors.add(new JsonObject().put("message", message)
                .put("extensions", new JsonObject().put("code", "GRAPHQL_VALIDATION_FAILED"))));
        context.response().setStatusCode(400).putHeader("Content-Type", MEDIA_TYPE + "; charset=utf-8")
                .end(new JsonObject().put("errors", errors).encode());
    }
}
