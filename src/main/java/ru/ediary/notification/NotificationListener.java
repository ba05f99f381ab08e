package ru.ediary.notification;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Carries new notifications between instances of the server: each one is announced with {@code pg_notify}
 * in the transaction that stores it (so only committed notifications are announced), with its recipient and id
 * as the payload, and every instance, this one included, LISTENs and hands the announcements to its
 * {@link NotificationBus}, which reads only those of its own subscribers.
 * <p>
 * The LISTEN runs on a connection of its own, outside the JDBC pool: a listening session must stay open for
 * ever, which would take one of the pool's connections from the requests, and neither Hibernate nor the pool can
 * wait for notifications. The reactive client's {@link PgSubscriber} on Quarkus's Vert.x holds it without a
 * thread and opens it again when it is lost; anything announced meanwhile is in the notification table.
 */
@ApplicationScoped
public class NotificationListener {

    /**
     * Payload {@code <recipient account id>:<notification id>}. Instances before it announced the id alone on
     * {@code ediary_notification}; the new name keeps old and new instances of a rolling deploy from misreading
     * each other's payloads.
     */
    static final String CHANNEL = "ediary_notification_v2";
    /** How the listening session shows in {@code pg_stat_activity}, beside the pool's {@code ediary-access}. */
    static final String APPLICATION_NAME = "ediary-access-listener";
    private static final long RETRY_MILLIS = 1000;
    private static final Logger LOG = Logger.getLogger(NotificationListener.class);

    private final Vertx vertx;
    private final NotificationBus bus;
    private final PgConnectOptions options;
    private volatile boolean running;
    private volatile PgSubscriber subscriber;
    private volatile int listeningPid;

    NotificationListener(Vertx vertx, NotificationBus bus, @ConfigProperty(name = "ediary.db.host") String host,
            @ConfigProperty(name = "ediary.db.port") int port,
            // the same keys and defaults as quarkus.datasource.jdbc.url, username and password
            @ConfigProperty(name = "DB_NAME", defaultValue = "postgres") String database,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        this.bus = bus;
        this.options = new PgConnectOptions().setHost(host).setPort(port).setDatabase(database).setUser(user)
                .setPassword(password.orElse(""));
        // a copy: the client's default session properties must stay as they are, with our name added
        Map<String, String> properties = new HashMap<>();
        if (options.getProperties() != null) {
            properties.putAll(options.getProperties());
        }
        properties.put("application_name", APPLICATION_NAME);
        options.setProperties(properties);
    }

    static String payload(UUID account, UUID notification) {
        return account + ":" + notification;
    }

    // after DatabaseStartup (priority 1) has checked the server
    void start(@Observes @Priority(100) StartupEvent event) {
        running = true;
        subscribe();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        PgSubscriber current = subscriber;
        if (current != null) {
            current.close();
        }
    }

    /** The backend pid of the listening session, 0 while it is not listening. */
    public int listeningPid() {
        return listeningPid;
    }

    private void subscribe() {
        if (!running) {
            return;
        }
        PgSubscriber next = PgSubscriber.subscriber(vertx, options);
        // a lost session is opened again at once, then every second while the server is away; PgSubscriber
        // LISTENs again on the new session
        next.reconnectPolicy(retries -> {
            if (retries == 0) {
                listeningPid = 0;
                LOG.warn("Notification listener lost its database connection; reconnecting");
            }
            return running ? (retries == 0 ? 0L : RETRY_MILLIS) : -1L;
        });
        next.channel(CHANNEL).handler(this::received).subscribeHandler(ignored -> {
            PgConnection connection = next.actualConnection();
            listeningPid = connection == null ? 0 : connection.processId();
        });
        subscriber = next;
        next.connect().onComplete(connected -> {
            if (connected.failed()) {
                // PgSubscriber retries a lost session only, not a first connection that failed
                LOG.warnf("Notification listener could not connect (%s); retrying",
                        connected.cause().getClass().getSimpleName());
                next.close();
                vertx.setTimer(RETRY_MILLIS, ignored -> subscribe());
            }
        });
    }

    private void received(String payload) {
        int colon = payload == null ? -1 : payload.indexOf(':');
        UUID account;
        UUID notification;
        try {
            account = UUID.fromString(payload.substring(0, colon));
            notification = UUID.fromString(payload.substring(colon + 1));
        } catch (RuntimeException e) {
            LOG.debug("Ignored a notification announcement that is not <account>:<notification>");
            return;
        }
        bus.announce(account, notification);
    }
}
