package ru.ediary.diary;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import ru.ediary.access.ChildReaders;
import ru.ediary.access.ChildReaders.Readable;
import ru.ediary.access.ChildReaders.Reader;
import ru.ediary.api.ApiException;
import ru.ediary.api.NotFoundException;
import ru.ediary.audit.AuditAction;
import ru.ediary.audit.AuditService;
import ru.ediary.config.EdiaryConfig;

/**
 * Every diary read goes through {@link ChildReaders} (the one rule; a withdrawn student is read by nobody), and a
 * trusted person's reads are audited here.
 */
@ApplicationScoped
public class DiaryReaders {

    private final ChildReaders readers;
    private final AuditService audit;
    private final EntityManager em;
    private final Clock clock;
    private final EdiaryConfig config;

    DiaryReaders(ChildReaders readers, AuditService audit, EntityManager em, Clock clock, EdiaryConfig config) {
        this.readers = readers;
        this.audit = audit;
        this.em = em;
        this.clock = clock;
        this.config = config;
    }

    /** {@code accountId} is null for a school system. NOT_FOUND for anyone who may not read the child. */
    public Readable require(UUID accountId, UUID childId) throws ApiException {
        Readable child = readers.read(accountId, childId).orElseThrow(NotFoundException::new);
        if (child.reader() == Reader.TRUSTED_PERSON) {
            auditRead(accountId, child.id());
        }
        return child;
    }

    /**
     * A trusted person's read: one audit event per person, child and school day, on every instance alike. Written
     * in a transaction of its own, committed before the diary is answered: a query's unit of work is read-only.
     */
    public void auditRead(UUID accountId, UUID studentId) {
        LocalDate today = LocalDate.now(clock.withZone(config.diary().zone()));
        QuarkusTransaction.requiringNew().run(() -> {
            int inserted = em.createNativeQuery("insert into diary_read (account_id, student_id, read_on)"
                    + " values (?1, ?2, ?3) on conflict do nothing").setParameter(1, accountId)
                    .setParameter(2, studentId).setParameter(3, today).executeUpdate();
            if (inserted == 1) {
                audit.record(accountId, AuditAction.DIARY_READ, studentId, null, null, accountId);
            }
        });
    }
}
