package ru.ediary.api;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Every request carries a request id: the balancer's {@code X-Request-Id} when it is a plain token, else a new one.
 * It is echoed in the response and set in the logging context, so each log line of the request can be found
 * from the id a client reports.
 */
@ApplicationScoped
public class RequestIds {

    static final String HEADER = "X-Request-Id";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::assign);
    }

    private void assign(RoutingContext context) {
        String given = context.request().getHeader(HEADER);
        String id = given != null && ACCEPTED.matcher(given).matches() ? given : UUID.randomUUID().toString();
        // Quarkus keeps the MDC in the request's Vert.x context, so worker threads of this request see it too
        MDC.put("requestId", id);
        context.response().putHeader(HEADER, id);
        context.next();
    }
}
