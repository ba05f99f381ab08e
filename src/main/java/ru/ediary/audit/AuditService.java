package ru.ediary.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import ru.ediary.account.FullNames;
import ru.ediary.api.ApiException;
import ru.ediary.api.Cursor;
import ru.ediary.api.Ids;
import ru.ediary.api.NotFoundException;
import ru.ediary.api.Pages;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Writes audit events in the caller's transaction, so an event exists exactly when its change does. */
@ApplicationScoped
public class AuditService {

    private final Clock clock;
    private final AuditLogReaders readers;
    private final EntityManager em;

    AuditService(Clock clock, AuditLogReaders readers, EntityManager em) {
        this.clock = clock;
        this.readers = readers;
        this.em = em;
    }

    public void record(UUID actorId, AuditAction action, UUID studentId, UUID invitationId, UUID trustedAccessId,
            UUID subjectId) {
        var event = new AuditEvent();
        event.id = UUID.randomUUID();
        event.occurredAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        event.actorId = actorId;
        event.action = action;
        event.studentId = studentId;
        event.invitationId = invitationId;
        event.trustedAccessId = trustedAccessId;
        event.subjectId = subjectId;
        event.persist();
    }

    /** A child's audit log, for a parent with direct access to the child; NOT_FOUND for anyone else. */
    @Transactional
    @SuppressWarnings("unchecked")
    public AuditEventView.Connection log(UUID me, String childId, Integer first, String after) throws ApiException {
        UUID studentId = Ids.parse(childId);
        int size = Cursor.pageSize(first);
        Cursor cursor = Cursor.decode(after);
        if (!readers.mayRead(me, studentId)) {
            throw new NotFoundException();
        }
        var query = em.createNativeQuery("""
                select e.id, e.occurred_at, e.action, actor.last_name, actor.first_name, actor.middle_name,
                       subj.last_name, subj.first_name, subj.middle_name, e.invitation_id
                from audit_event e
                left join account actor on actor.id = e.actor_id
                left join account subj on subj.id = e.subject_id
                where e.student_id = :student
                """ + (cursor == null ? "" : " and (e.occurred_at, e.id) < (:at, :id)") + """
                 order by e.occurred_at desc, e.id desc limit :limit""")
                .setParameter("student", studentId).setParameter("limit", size + 1);
        if (cursor != null) {
            query.setParameter("at", cursor.at()).setParameter("id", cursor.id());
        }
        List<Object[]> rows = query.getResultList();
        var page = Pages.of(rows, size, row -> new Cursor(toInstant(row[1]), (UUID) row[0]).encode(),
                (edgeCursor, row) -> new AuditEventView.Edge(edgeCursor, new AuditEventView(row[0].toString(),
                        toInstant(row[1]), AuditAction.valueOf((String) row[2]), nameOrNull(row, 3),
                        nameOrNull(row, 6), row[9] == null ? null : row[9].toString())));
        return new AuditEventView.Connection(page.edges(), page.pageInfo());
    }

    /** Last, first and middle name from three columns starting at {@code from}; null for no person. */
    private static String nameOrNull(Object[] row, int from) {
        return row[from] == null && row[from + 1] == null ? null
                : FullNames.of((String) row[from], (String) row[from + 1], (String) row[from + 2]);
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
