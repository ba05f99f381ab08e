package ru.ediary.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The activation job waits for the database start-up: with an initial delay far shorter than cleaning and migrating
 * the schema takes (e2e/keycloak.sh uses 1 s), its first runs are skipped, never failed with
 * "relation invitation does not exist".
 */
@QuarkusTest
@TestProfile(StartupOrderTest.EarlyJob.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class StartupOrderTest {

    public static class EarlyJob implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ediary.trust.activation-enabled", "true", "ediary.trust.activation-initial-delay", "0.01s",
                    "ediary.trust.activation-interval", "1s");
        }
    }

    @Inject
    MeterRegistry registry;

    private double runs(String outcome) {
        Counter counter = registry.find("ediary.activation.runs").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void theJobNeverRunsBeforeTheMigrationsFinish() throws InterruptedException {
        assertTrue(DatabaseStartup.migrated());
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (runs("ok") < 1 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(runs("ok") >= 1, "the job runs once the schema is there");
        assertEquals(0, runs("error"), "a run failed: it ran before the migrations");
    }
}
