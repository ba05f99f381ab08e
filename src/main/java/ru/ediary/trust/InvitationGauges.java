package ru.ediary.trust;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import org.jboss.logging.Logger;
import ru.ediary.config.EdiaryConfig;

/**
 * {@code ediary_invitations_by_state{state}}: how many invitations are in each state, across all instances (read
 * from the database). One grouped count serves every state and is reused for a few seconds, so a scrape costs one
 * query however many gauges it reads.
 */
@ApplicationScoped
public class InvitationGauges {

    private static final Logger LOG = Logger.getLogger(InvitationGauges.class);

    private final AgroalDataSource dataSource;
    private final long reuseNanos;
    private Map<InvitationStatus, Long> counts = new EnumMap<>(InvitationStatus.class);
    private long readAt = Long.MIN_VALUE;

    InvitationGauges(AgroalDataSource dataSource, EdiaryConfig config) {
        this.dataSource = dataSource;
        this.reuseNanos = config.metrics().gaugeReuse().toNanos();
    }

    void register(@Observes StartupEvent event, MeterRegistry registry) {
        for (InvitationStatus state : InvitationStatus.values()) {
            Gauge.builder("ediary.invitations.by.state", this, gauges -> gauges.count(state))
                    .tag("state", state.name()).description("Invitations in each state").register(registry);
        }
    }

    synchronized double count(InvitationStatus state) {
        long now = System.nanoTime();
        if (readAt == Long.MIN_VALUE || now - readAt >= reuseNanos) {
            counts = read();
            readAt = now;
        }
        return counts.getOrDefault(state, 0L);
    }

    private Map<InvitationStatus, Long> read() {
        Map<InvitationStatus, Long> read = new EnumMap<>(InvitationStatus.class);
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement("select status, count(*) from invitation group by status");
                var rows = statement.executeQuery()) {
            while (rows.next()) {
                read.put(InvitationStatus.valueOf(rows.getString(1)), rows.getLong(2));
            }
        } catch (SQLException | IllegalArgumentException e) {
            LOG.warnf("Invitation counts unavailable: %s", e.getClass().getSimpleName());
            return counts; // keep the last known figures rather than report zeros
        }
        return read;
    }
}
