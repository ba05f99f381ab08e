package ru.ediary.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Fixed-window counters in PostgreSQL, so every instance of the server shares one limit. Each attempt counts
 * in its own transaction: a refused or failed request still used up its try.
 */
@ApplicationScoped
public class RateLimiter {

    private final EntityManager em;
    private final Clock clock;
    private final MeterRegistry metrics;

    RateLimiter(EntityManager em, Clock clock, MeterRegistry metrics) {
        this.em = em;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Counts one attempt of a person; false when it is over the limit. */
    public boolean tryAcquire(UUID accountId, String action, int limit, Duration window) {
        return tryAcquire(accountId.toString(), action, limit, window);
    }

    /** Counts one attempt of any caller (an account id, or a school system's client id); false when over. */
    public boolean tryAcquire(String caller, String action, int limit, Duration window) {
        Instant now = clock.instant();
        long windowSeconds = Math.max(1, window.toSeconds());
        Instant windowStart = Instant.ofEpochSecond(now.getEpochSecond() / windowSeconds * windowSeconds);
        int hits = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                insert into rate_limit_window (caller, action, window_start, hits) values (?1, ?2, ?3, 1)
                on conflict (caller, action, window_start)
                do update set hits = rate_limit_window.hits + 1
                returning hits""")
                .setParameter(1, caller).setParameter(2, action).setParameter(3, windowStart)
                .getSingleResult()).intValue());
        boolean allowed = hits <= limit;
        if (!allowed) {
            metrics.counter("ediary.rate_limited", "action", action).increment();
        }
        return allowed;
    }
}
