package ru.ediary.trust;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.inject.Singleton;
import ru.ediary.config.EdiaryConfig;

/** Lets an instance opt out of the job (ediary.trust.activation-enabled=false), e.g. tests that drive it; no run before the migrations. */
@Singleton
public class ActivationDisabled implements Scheduled.SkipPredicate {

    private final EdiaryConfig config;

    ActivationDisabled(EdiaryConfig config) {
        this.config = config;
    }

    @Override
    public boolean test(ScheduledExecution execution) {
        return !config.trust().activationEnabled() || !ru.ediary.db.DatabaseStartup.migrated();
    }
}
