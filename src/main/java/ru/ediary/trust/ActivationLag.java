package ru.ediary.trust;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import io.smallrye.health.api.Wellness;
import ru.ediary.config.EdiaryConfig;

/**
 * How far behind the activation job is: the age of the oldest accepted, not yet activated invitation.
 * A metric ({@code ediary.activation.lag.seconds}) and a wellness check ({@code /q/health/well}), which is
 * DOWN past {@code ediary.trust.max-activation-lag}. Not readiness: a lagging job is no reason to stop serving.
 */
@Wellness
@ApplicationScoped
public class ActivationLag implements HealthCheck {

    private final AgroalDataSource dataSource;
    private final Clock clock;
    private final EdiaryConfig config;

    ActivationLag(AgroalDataSource dataSource, Clock clock, EdiaryConfig config) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.config = config;
    }

    void registerMetric(@Observes StartupEvent event, MeterRegistry registry) {
        Gauge.builder("ediary.activation.lag.seconds", this, lag -> lag.oldestAccepted()
                .map(at -> (double) Duration.between(at, lag.clock.instant()).toSeconds()).orElse(0.0))
                .description("Age of the oldest accepted invitation not yet activated").register(registry);
    }

    Optional<Instant> oldestAccepted() {
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement(
                        "select min(accepted_at) from invitation where status = 'ACCEPTED'");
                var rows = statement.executeQuery()) {
            rows.next();
            var at = rows.getTimestamp(1);
            return Optional.ofNullable(at).map(java.sql.Timestamp::toInstant);
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    @Override
    public HealthCheckResponse call() {
        Duration lag = oldestAccepted().map(at -> Duration.between(at, clock.instant())).orElse(Duration.ZERO);
        return HealthCheckResponse.named("invitation-activation")
                .status(lag.compareTo(config.trust().maxActivationLag()) <= 0)
                .withData("oldestAcceptedAgeSeconds", lag.toSeconds())
                .build();
    }
}
