package ru.ediary.housekeeping;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;
import ru.ediary.api.ApiException;
import ru.ediary.api.Tx;

/**
 * Purges rows nobody needs any more: old rate-limit windows and old trusted-read markers.
 *
 * <p>Safe with any number of server instances, like the activation job: each batch claims its rows with
 * {@code FOR UPDATE SKIP LOCKED} and deletes them in the same transaction, so two instances delete disjoint
 * rows and never wait on each other. Batches are bounded in size (short locks), and a run in number of batches.
 * Its own package: it depends on no feature package, so it adds no cycle between them.
 */
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class);

    /** Rows one run deleted, per table. */
    public record RunResult(long rateLimitWindows, long diaryReads) {
    }

    private final EntityManager em;
    private final HousekeepingConfig config;
    private final Clock clock;
    private final MeterRegistry metrics;

    Housekeeping(EntityManager em, HousekeepingConfig config, Clock clock, MeterRegistry metrics) {
        this.em = em;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Scheduled(identity = "housekeeping-purge", every = "${ediary.housekeeping.interval:15m}",
            delayed = "${ediary.housekeeping.initial-delay:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = HousekeepingDisabled.class)
    void scheduled() {
        try {
            RunResult result = runOnce();
            if (result.rateLimitWindows() + result.diaryReads() > 0) {
                LOG.infof("Housekeeping run: %d rate limit windows, %d diary read markers purged",
                        result.rateLimitWindows(), result.diaryReads());
            }
        } catch (RuntimeException | ApiException e) {
            LOG.error("Housekeeping run failed; the next run retries it", e);
        }
    }

    /** One run over both tables; each batch its own transaction. */
    public RunResult runOnce() throws ApiException {
        Instant now = clock.instant();
        Instant windowCutoff = now.minus(config.rateLimitRetention());
        // read_on is a school-day date; comparing in UTC is at most a day off, well inside the retention
        LocalDate readCutoff = LocalDate.ofInstant(now.minus(config.diaryReadRetention()), ZoneOffset.UTC);
        long windows = purge("rate_limit_window", """
                delete from rate_limit_window where ctid in (select ctid from rate_limit_window
                    where window_start < ?1 limit ?2 for update skip locked)""", windowCutoff);
        long reads = purge("diary_read", """
                delete from diary_read where ctid in (select ctid from diary_read
                    where read_on < ?1 limit ?2 for update skip locked)""", readCutoff);
        return new RunResult(windows, reads);
    }

    private long purge(String table, String delete, Object cutoff) throws ApiException {
        int size = config.batchSize();
        long total = 0;
        for (int i = 0; i < config.maxBatches(); i++) {
            int done = Tx.inNew(() -> em.createNativeQuery(delete).setParameter(1, cutoff).setParameter(2, size)
                    .executeUpdate());
            total += done;
            if (done < size) {
                break;
            }
        }
        metrics.counter("ediary.housekeeping.purged", "table", table).increment(total);
        return total;
    }
}
