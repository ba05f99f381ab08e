package ru.ediary.diary;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import org.jboss.logging.Logger;
import ru.ediary.config.EdiaryConfig;

/**
 * Keeps the school-year partitions of the diary tables created ahead of the dates the feed accepts (V8 creates
 * them two years ahead; this job moves that horizon on). Safe with any number of instances: each run takes a
 * transaction-level advisory lock and the one that does not get it skips; creating a partition that exists is
 * a no-op (diary_ensure_partitions).
 */
@ApplicationScoped
public class DiaryPartitions {

    private static final Logger LOG = Logger.getLogger(DiaryPartitions.class);
    private static final long LOCK = 0x5044_6961_7279L; // "PDiary"

    private final EntityManager em;
    private final EdiaryConfig config;
    private final Clock clock;

    DiaryPartitions(EntityManager em, EdiaryConfig config, Clock clock) {
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "diary-partitions", every = "${ediary.diary.partition-check:6h}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            int created = ensure();
            if (created > 0) {
                LOG.infof("Diary partitions: %d created", created);
            }
        } catch (RuntimeException e) {
            LOG.errorf("Diary partitions not checked: %s", e.getClass().getSimpleName());
        }
    }

    /** Creates the missing partitions up to one school year past the latest date the feed accepts. */
    public int ensure() {
        LocalDate today = LocalDate.now(clock.withZone(config.diary().zone()));
        return QuarkusTransaction.requiringNew().call(() -> {
            Object locked = em.createNativeQuery("select pg_try_advisory_xact_lock(?1)").setParameter(1, LOCK)
                    .getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            Object created = em.createNativeQuery("select diary_ensure_partitions(?1, ?2)")
                    .setParameter(1, today.minus(config.diary().maxPast()))
                    .setParameter(2, today.plus(config.diary().maxFuture()).plusYears(1)).getSingleResult();
            return ((Number) created).intValue();
        });
    }
}
