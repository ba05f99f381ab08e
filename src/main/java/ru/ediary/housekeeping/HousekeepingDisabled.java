package ru.ediary.housekeeping;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.inject.Singleton;

/** Lets an instance opt out of the purge (ediary.housekeeping.enabled=false); no run before the migrations. */
@Singleton
public class HousekeepingDisabled implements Scheduled.SkipPredicate {

    private final HousekeepingConfig config;

    HousekeepingDisabled(HousekeepingConfig config) {
        this.config = config;
    }

    @Override
    public boolean test(ScheduledExecution execution) {
        return !config.enabled() || !ru.ediary.db.DatabaseStartup.migrated();
    }
}
