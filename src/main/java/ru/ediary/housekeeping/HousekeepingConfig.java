package ru.ediary.housekeeping;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the purge jobs under {@code ediary.housekeeping.*}; defaults documented here and in the README. */
@ConfigMapping(prefix = "ediary.housekeeping")
public interface HousekeepingConfig {

    /** Whether this instance runs the scheduled purge (tests drive it themselves). */
    @WithDefault("true")
    boolean enabled();

    /** How often the purge runs. */
    @WithDefault("15m")
    String interval();

    /** Delay of the first run after start-up. */
    @WithDefault("60s")
    String initialDelay();

    /** Rows deleted per transaction: bounded so no purge holds locks on a large table for long. */
    @WithDefault("1000")
    int batchSize();

    /** Batches per table and run; the rest waits for the next run. */
    @WithDefault("100")
    int maxBatches();

    /**
     * How long a rate-limit window is kept after it started. Must exceed the longest window in use (today PT1H:
     * feed batches, invitee lookups, contact codes), or a caller's count restarts early.
     */
    @WithDefault("P1D")
    Duration rateLimitRetention();

    /**
     * How long a trusted read marker is kept. diary_read only de-duplicates the DIARY_READ audit event to one per
     * person, child and school day; the audit event itself (what parents read in auditLog) lives in audit_event and
     * is not purged here. So only the current school day is needed; a week covers time zones and clock skew.
     */
    @WithDefault("P7D")
    Duration diaryReadRetention();
}
