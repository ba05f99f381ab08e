package ru.ediary.api;

import graphql.ExecutionResult;
import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.exceptions.ParseCancelledException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import io.smallrye.graphql.api.Context;
import io.smallrye.graphql.cdi.event.AfterExecute;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.json.JsonReaderFactory;
import java.io.StringReader;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * GraphQL over HTTP as the specification (graphql-over-http, 2024 draft) describes it; a request that passes is
 * executed by {@link GraphQLExecution} on the same worker thread:
 * <ul>
 * <li>The answer's media type: {@code application/graphql-response+json} when the client asks for it, else
 * {@code application/json} (also for {@code *}{@code /*} and for a request without Accept, the spec's legacy rule);
 * anything else is 406.
 * <li>A body that is not a JSON object with a string {@code query}, an optional string {@code operationName} and
 * optional objects {@code variables} and {@code extensions} is not a GraphQL request: 400 {@code BAD_REQUEST},
 * before the engine sees it.
 * <li>A document that does not parse (or exceeds the token cap) is answered here with {@code GRAPHQL_PARSE_FAILED}:
 * SmallRye would answer it itself without a code and without firing the engine's events. This costs one extra
 * parse of each new document (bounded by the token cap); documents that parsed are remembered (bounded, see
 * {@link #PARSED_MAX_DOCUMENTS}), as an SPA sends the same few again and again.
 * <li>With {@code application/graphql-response+json}, an answer without {@code data} (the document does not
 * parse or validate, a variable does not coerce, a query limit refuses it) is 400; with {@code application/json}
 * every well-formed request is answered 200.
 * </ul>
 * Checked in the graphql-http audit ({@code GraphQLHttpAuditIT}).
 */
@ApplicationScoped
public class GraphQLOverHttp {

    static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
    static final String JSON = "application/json";
    /** Set on the routing context when an operation has run: whether its result has a {@code data} entry. */
    private static final String DATA_PRESENT = GraphQLOverHttp.class.getName() + ".dataPresent";

    /** How many documents that parsed are remembered, and the longest one remembered (characters). */
    static final int PARSED_MAX_DOCUMENTS = 512;
    static final int PARSED_MAX_LENGTH = 16 * 1024;
    /** Documents known to parse under the (JVM-wide, fixed at start) parser options; emptied when full. */
    private static final Set<String> PARSED = ConcurrentHashMap.newKeySet();

    private static final JsonReaderFactory READERS = jakarta.json.Json.createReaderFactory(null);

    private final GraphQLHttpGuards guards;
    private final CurrentVertxRequest currentRequest;
    private final GraphQLExecution execution;

    GraphQLOverHttp(GraphQLHttpGuards guards, CurrentVertxRequest currentRequest, GraphQLExecution execution) {
        this.guards = guards;
        this.currentRequest = currentRequest;
        this.execution = execution;
    }

    void register(@Observes Router router) {
        router.post("/graphql").order(Integer.MIN_VALUE + 2).handler(BodyHandler.create().setBodyLimit(1024 * 1024));
        // a worker thread: parsing a document of up to 1 MB is not for the event loop
        router.post("/graphql").order(GraphQLHttpGuards.ORDER_REQUIRE_CALLER + 1).blockingHandler(this::checkRequest, false);
    }

    private void checkRequest(RoutingContext context) {
        String mediaType = negotiate(context.request().getHeader("Accept"));
        if (mediaType == null) {
            context.response().setStatusCode(406).putHeader("Content-Type", JSON + "; charset=utf-8").end();
            return;
        }
        String contentType = context.request().getHeader("Content-Type");
        boolean documentBody = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/graphql");
        String query;
        jakarta.json.JsonObject request;
        if (documentBody) {
            query = context.body().asString();
            request = jakarta.json.Json.createObjectBuilder().add("query", query).build();
        } else {
            Object checked = requestOrProblem(context.body().buffer());
            if (checked instanceof String problem) {
                guards.refuse(context, 400, "BAD_REQUEST", problem, mediaType);
                return;
            }
            query = ((JsonObject) checked).getString("query");
            try (var reader = READERS.createReader(new StringReader(context.body().asString()))) {
                // the engine takes JSON-P; this parser accepts what the one above accepted
                request = reader.readObject();
            } catch (jakarta.json.JsonException e) {
                guards.refuse(context, 400, "BAD_REQUEST", "Тело запроса не удалось разобрать как JSON.", mediaType);
                return;
            }
        }
        String syntaxError = syntaxError(query);
        if (syntaxError != null) {
            // SmallRye answers these itself, without a code and without the engine's events: answered here instead
            guards.refuse(context, mediaType.equals(GRAPHQL_RESPONSE) ? 400 : 200, "GRAPHQL_PARSE_FAILED", syntaxError,
                    mediaType);
            return;
        }
        context.addHeadersEndHandler(ignored -> {
            var response = context.response();
            if (response.getStatusCode() != 200) {
                return; // a failure page or a refusal of ours: keeps its own status and type
            }
            response.headers().set("Content-Type", mediaType + "; charset=utf-8");
            // SmallRye answers an unparseable document without running an operation: no data either
            if (mediaType.equals(GRAPHQL_RESPONSE) && !Boolean.TRUE.equals(context.get(DATA_PRESENT))) {
                response.setStatusCode(400);
            }
        });
        execution.execute(context, request);
    }

    /**
     * The acceptable media type the client prefers most (highest {@code q}, then the order given), or null.
     * {@code application/graphql+json} is the former draft's name, still sent by older SmallRye clients.
     */
    static String negotiate(String accept) {
        if (accept == null || accept.isBlank()) {
            return JSON;
        }
        String best = null;
        double bestWeight = 0;
        for (String entry : accept.split(",")) {
            String[] parts = entry.split(";");
            String type = parts[0].strip().toLowerCase(Locale.ROOT);
            double weight = 1;
            for (int i = 1; i < parts.length; i++) {
                String[] parameter = parts[i].split("=", 2);
                if (parameter.length == 2 && parameter[0].strip().equalsIgnoreCase("q")) {
                    try {
                        weight = Double.parseDouble(parameter[1].strip());
                    } catch (NumberFormatException e) {
                        weight = 0;
                    }
                }
            }
            String offered = switch (type) {
                case GRAPHQL_RESPONSE -> GRAPHQL_RESPONSE;
                case JSON, "application/graphql+json", "*/*" -> JSON;
                default -> null;
            };
            if (offered != null && weight > bestWeight) {
                best = offered;
                bestWeight = weight;
            }
        }
        return best;
    }

    /**
     * The request as a JSON object, or (a String) what is wrong with it, never repeating its content: the body
     * must be a JSON object with a non-blank string {@code query}, a string {@code operationName} if any, and
     * objects {@code variables} and {@code extensions} if any.
     */
    private static Object requestOrProblem(Buffer body) {
        if (body == null || body.length() == 0) {
            return "Тело запроса пусто: ожидается JSON-объект с полем query.";
        }
        Object request;
        try {
            request = Json.decodeValue(body);
        } catch (RuntimeException e) {
            return "Тело запроса не удалось разобрать как JSON.";
        }
        if (!(request instanceof JsonObject json)) {
            return "Тело запроса должно быть JSON-объектом с полем query.";
        }
        if (!(json.getValue("query") instanceof String query) || query.isBlank()) {
            return "Поле query должно быть непустой строкой с документом GraphQL.";
        }
        Object operationName = json.getValue("operationName");
        if (operationName != null && !(operationName instanceof String)) {
            return "Поле operationName должно быть строкой.";
        }
        for (String field : new String[] {"variables", "extensions"}) {
            Object value = json.getValue(field);
            if (value != null && !(value instanceof JsonObject)) {
                return "Поле " + field + " должно быть JSON-объектом.";
            }
        }
        return json;
    }

    /**
     * Null when the document parses under the engine's own parser options (the token cap among them), else a
     * message with the position only: the offending text may be a value the client typed.
     */
    static String syntaxError(String query) {
        if (query == null || query.isBlank()) {
            return "Запрос не содержит документа GraphQL.";
        }
        if (PARSED.contains(query)) {
            return null;
        }
        try {
            Parser.parse(ParserEnvironment.newParserEnvironment().document(query)
                    .parserOptions(ParserOptions.getDefaultOperationParserOptions()).build());
            remember(query);
            return null;
        } catch (ParseCancelledException e) {
            return "Документ GraphQL больше допустимого (не более " + ParserOptions.getDefaultOperationParserOptions()
                    .getMaxTokens() + " лексем).";
        } catch (InvalidSyntaxException e) {
            var location = e.getLocation();
            return location == null ? "Документ GraphQL не разбирается."
                    : "Документ GraphQL не разбирается: строка " + location.getLine() + ", позиция " + location.getColumn()
                            + ".";
        }
    }

    /** Only documents that parsed: a refused one is parsed (and refused) again. */
    private static void remember(String query) {
        if (query.length() > PARSED_MAX_LENGTH) {
            return;
        }
        if (PARSED.size() >= PARSED_MAX_DOCUMENTS) {
            PARSED.clear(); // many distinct documents: start over rather than keep an attacker's
        }
        PARSED.add(query);
    }

    /** Remembers whether the operation's result has data; WebSocket operations have no HTTP request to tell. */
    void after(@Observes @AfterExecute Context context) {
        ExecutionResult result = context.unwrap(ExecutionResult.class);
        if (result == null || !Arc.container().requestContext().isActive()) {
            return;
        }
        RoutingContext routing = currentRequest.getCurrent();
        if (routing != null) {
            routing.put(DATA_PRESENT, result.isDataPresent());
        }
    }
}
