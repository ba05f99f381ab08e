package ru.ediary.housekeeping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import ru.ediary.api.ApiException;
import ru.ediary.housekeeping.Housekeeping.RunResult;
import ru.ediary.test.Fixtures;
import ru.ediary.test.Fixtures.Family;

/** The purge: rows past their retention go, recent ones stay, a repeat is a no-op, two instances share the work. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class HousekeepingTest {

    @Inject
    Fixtures fixtures;
    @Inject
    Housekeeping housekeeping;
    @Inject
    MeterRegistry metrics;

    private String tag() {
        return "hk-" + UUID.randomUUID();
    }

    /** n windows of callers tag-0..tag-(n-1), each started {@code ago} before now. */
    private void windows(String tag, int n, Duration ago) {
        fixtures.execute("""
                insert into rate_limit_window (caller, action, window_start, hits)
                select ?1 || '-' || g, 'test', ?2, 1 from generate_series(0, ?3 - 1) g""",
                tag, Timestamp.from(Instant.now().minus(ago)), n);
    }

    private long windowsOf(String tag) {
        return fixtures.count("select count(*) from rate_limit_window where caller like ?1", tag + "-%");
    }

    private long readsOf(UUID account) {
        return fixtures.count("select count(*) from diary_read where account_id = ?1", account);
    }

    private void read(Family family, int daysAgo) {
        fixtures.execute("insert into diary_read (account_id, student_id, read_on) values (?1, ?2, ?3)",
                family.parent().id(), family.child(), LocalDate.now(ZoneOffset.UTC).minusDays(daysAgo));
    }

    private double purged(String table) {
        var counter = metrics.find("ediary.housekeeping.purged").tag("table", table).counter();
        return counter == null ? 0 : counter.count();
    }

    private RunResult run() {
        try {
            return housekeeping.runOnce();
        } catch (ApiException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void rateLimitWindowsPastRetentionArePurgedAndRecentOnesStay() {
        String old = tag();
        String recent = tag();
        windows(old, 3, Duration.ofDays(2));
        windows(recent, 2, Duration.ofMinutes(30));
        double before = purged("rate_limit_window");

        RunResult first = run();

        assertEquals(0, windowsOf(old));
        assertEquals(2, windowsOf(recent));
        assertEquals(3, purged("rate_limit_window") - before, 0.0);
        // a second run finds nothing left to do and touches nothing
        RunResult second = run();
        assertEquals(0, second.rateLimitWindows(), first + " then " + second);
        assertEquals(2, windowsOf(recent));
    }

    @Test
    void diaryReadMarkersOlderThanRetentionArePurgedAndThisWeeksStay() {
        Family family = fixtures.family();
        read(family, 30);
        read(family, 8);
        read(family, 3);
        read(family, 0);
        double before = purged("diary_read");

        run();

        assertEquals(2, readsOf(family.parent().id()));
        assertEquals(1, fixtures.count("select count(*) from diary_read where account_id = ?1 and read_on = ?2",
                family.parent().id(), LocalDate.now(ZoneOffset.UTC)));
        assertEquals(2, purged("diary_read") - before, 0.0);
        assertEquals(0, run().diaryReads());
        assertEquals(2, readsOf(family.parent().id()));
    }

    @Test
    void twoConcurrentRunsDeleteEachOldRowOnceAndNeitherFails() throws Exception {
        String old = tag();
        String recent = tag();
        // several batches' worth, so both runs are busy at once
        windows(old, 5000, Duration.ofDays(3));
        windows(recent, 10, Duration.ofMinutes(1));

        var first = CompletableFuture.supplyAsync(this::run);
        var second = CompletableFuture.supplyAsync(this::run);
        RunResult a = first.get();
        RunResult b = second.get();

        assertEquals(0, windowsOf(old));
        assertEquals(10, windowsOf(recent));
        // SKIP LOCKED: each row deleted by exactly one of them (>= as other tests' leftovers may be purged too)
        org.junit.jupiter.api.Assertions.assertTrue(a.rateLimitWindows() + b.rateLimitWindows() >= 5000, a + " " + b);
    }
}
