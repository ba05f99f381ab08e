package ru.ediary.notification;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Carries new notifications between instances of the server: each one is announced with {@code pg_notify}
 * in the transaction that stores it (so only committed notifications are announced), and every instance,
 * this one included, LISTENs and hands them to its own subscribers. A lost database connection is re-opened;
 * the notification table stays the record of truth for anything missed meanwhile.
 */
@ApplicationScoped
public class NotificationListener {

    static final String CHANNEL = "ediary_notification";
    private static final Logger LOG = Logger.getLogger(NotificationListener.class);

    private final AgroalDataSource dataSource;
    private final NotificationBus bus;
    private volatile boolean running;
    private Thread thread;

    NotificationListener(AgroalDataSource dataSource, NotificationBus bus) {
        this.dataSource = dataSource;
        this.bus = bus;
    }

    // after DatabaseStartup (priority 1) has migrated the schema
    void start(@Observes @Priority(100) StartupEvent event) {
        running = true;
        thread = new Thread(this::listen, "notification-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                connection.setAutoCommit(true);
                statement.execute("LISTEN " + CHANNEL);
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(1000);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            deliver(connection, UUID.fromString(notification.getParameter()));
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warnf("Notification listener lost its connection (%s); reconnecting", e.getClass().getSimpleName());
                    sleep();
                }
            }
        }
    }

    private void deliver(Connection connection, UUID id) throws SQLException {
        try (var query = connection.prepareStatement("select account_id, kind, title, body, invitation_id, student_id,"
                + " created_at, read_at from notification where id = ?")) {
            query.setObject(1, id);
            try (var row = query.executeQuery()) {
                if (row.next()) {
                    UUID account = row.getObject(1, UUID.class);
                    UUID invitation = row.getObject(5, UUID.class);
                    UUID student = row.getObject(6, UUID.class);
                    bus.publish(new NotificationCreated(account, new NotificationView(id.toString(),
                            NotificationKind.valueOf(row.getString(2)), row.getString(3), row.getString(4),
                            invitation == null ? null : invitation.toString(), student == null ? null : student.toString(),
                            row.getTimestamp(7).toInstant(), row.getTimestamp(8) != null)));
                }
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
