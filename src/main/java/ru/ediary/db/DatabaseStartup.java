package ru.ediary.db;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;
import ru.ediary.config.EdiaryConfig;

/**
 * Checks that PostgreSQL answers before anything else touches it, then migrates the schema.
 * An unreachable database stops the process at once with one line that says what to do,
 * instead of a pool timeout and a page of stack traces.
 */
@ApplicationScoped
public class DatabaseStartup {

    private static final Logger LOG = Logger.getLogger(DatabaseStartup.class);
    /** Set once the schema is migrated: the scheduler starts its jobs before this observer, so they wait for it. */
    private static volatile boolean migrated;

    public static boolean migrated() {
        return migrated;
    }

    void onStart(@Observes @Priority(1) StartupEvent event, EdiaryConfig config, Flyway flyway) {
        migrated = false;
        var db = config.db();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(db.host(), db.port()), db.connectTimeoutSeconds() * 1000);
        } catch (IOException e) {
            String line = "PostgreSQL is not reachable at " + db.host() + ":" + db.port() + " (" + e.getMessage()
                    + "). Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start"
                    + " (or point DB_HOST/DB_PORT at a running server).";
            LOG.error(line);
            // halt, not exit: shutdown hooks would wait for the start-up that this very observer is part of
            Runtime.getRuntime().halt(3);
        }
        if (db.cleanAtStart()) {
            flyway.clean();
        }
        flyway.migrate();
        migrated = true;
    }
}
