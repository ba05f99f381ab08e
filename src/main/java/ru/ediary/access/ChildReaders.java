package ru.ediary.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import ru.ediary.api.ApiException;
import ru.ediary.school.EnrolmentStatus;
import ru.ediary.school.StaffAccess;

/**
 * Who may read a child (its record through {@code child(id)} and its diary alike): the student themself or a
 * parent with direct access (the {@code direct_access} view), a trusted person with an ACTIVE grant, the class
 * teacher, the school's system. A withdrawn student is read by nobody, staff included (docs/access-rule.md);
 * staff still see the withdrawn student's row in {@code myClasses} and the school system can re-enrol it.
 */
@ApplicationScoped
public class ChildReaders {

    public enum Reader {
        SELF,
        PARENT,
        TRUSTED_PERSON,
        STAFF;

        /** Whether the reader sees the child directly (brief rules 1 and 2). */
        public boolean direct() {
            return this == SELF || this == PARENT;
        }
    }

    /** A child the caller may read, as the answer shows it, with how they read it. */
    public record Readable(ChildView child, UUID schoolId, UUID classId, Reader reader) {

        public UUID id() {
            return UUID.fromString(child.id());
        }
    }

    /**
     * The child with the caller's direct capacity and, only when there is none, whether they hold an ACTIVE grant
     * (its inviter a PARENT right now): one statement. Both lookups are correlated on both ids, so PostgreSQL pushes
     * them into the view's branches (docs/access-rule.md).
     */
    private static final String PERSON = "select " + ChildRows.COLUMNS + ", d.capacity,"
            + " case when d.capacity is null then (select count(*) from trusted_access t"
            + "   where t.trusted_person_id = ?1 and t.student_id = s.id and t.revoked_at is null"
            + "   and (select count(*) from direct_access p where p.account_id = t.inviter_id"
            + "        and p.student_id = t.student_id and p.capacity = 'PARENT') > 0) > 0 end"
            + " from " + ChildRows.FROM
            + " left join lateral (select capacity from direct_access where account_id = ?1 and student_id = s.id"
            + "   order by capacity = 'SELF' desc limit 1) d on true"
            + " where s.id = ?2";
    private static final String SCHOOL_SYSTEM = "select " + ChildRows.COLUMNS + " from " + ChildRows.FROM
            + " where s.id = ?1";

    private final EntityManager em;
    private final StaffAccess staff;
    private final ReadChildren answered;

    ChildReaders(EntityManager em, StaffAccess staff, ReadChildren answered) {
        this.em = em;
        this.staff = staff;
        this.answered = answered;
    }

    /**
     * The child, if the caller may read it; {@code accountId} is null for a school system. The reader is remembered
     * for the rest of the request ({@link ReadChildren}).
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public Optional<Readable> read(UUID accountId, UUID childId) throws ApiException {
        var query = accountId == null ? em.createNativeQuery(SCHOOL_SYSTEM).setParameter(1, childId)
                : em.createNativeQuery(PERSON).setParameter(1, accountId).setParameter(2, childId);
        List<Object[]> rows = query.getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        ChildView child = ChildRows.child(row);
        if (child.status() != EnrolmentStatus.ENROLLED) {
            return Optional.empty();
        }
        Reader reader = null;
        if (accountId != null) {
            Object capacity = row[ChildRows.WIDTH];
            if (capacity != null) {
                reader = AccessCapacity.SELF.name().equals(capacity) ? Reader.SELF : Reader.PARENT;
            } else if (Boolean.TRUE.equals(row[ChildRows.WIDTH + 1])) {
                reader = Reader.TRUSTED_PERSON;
            }
        }
        if (reader == null) {
            var scope = staff.find();
            if (scope.isEmpty() || !scope.get().covers(ChildRows.schoolId(row), ChildRows.classId(row))) {
                return Optional.empty();
            }
            reader = Reader.STAFF;
        }
        answered.remember(child.id(), reader);
        return Optional.of(new Readable(child, ChildRows.schoolId(row), ChildRows.classId(row), reader));
    }
}
