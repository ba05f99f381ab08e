package ru.ediary.diary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import ru.ediary.access.DirectAccessService;
import ru.ediary.account.Account;
import ru.ediary.api.ApiException;
import ru.ediary.api.NotFoundException;
import ru.ediary.audit.AuditAction;
import ru.ediary.audit.AuditService;
import ru.ediary.config.EdiaryConfig;
import ru.ediary.school.StaffAccess;
import ru.ediary.school.Student;
import ru.ediary.trust.TrustedAccessService;

/**
 * The one rule for every diary read: the student themself, a parent with direct access, a trusted person with
 * an ACTIVE grant, a teacher of the child's class, a school system of the child's school. Everyone else, and
 * everyone for a withdrawn student, gets NOT_FOUND.
 */
@ApplicationScoped
public class DiaryReaders {

    public enum Reader {
        SELF,
        PARENT,
        TRUSTED_PERSON,
        STAFF
    }

    private final DirectAccessService direct;
    private final TrustedAccessService trusted;
    private final StaffAccess staff;
    private final AuditService audit;
    private final EntityManager em;
    private final Clock clock;
    private final EdiaryConfig config;

    DiaryReaders(DirectAccessService direct, TrustedAccessService trusted, StaffAccess staff, AuditService audit,
            EntityManager em, Clock clock, EdiaryConfig config) {
        this.direct = direct;
        this.trusted = trusted;
        this.staff = staff;
        this.audit = audit;
        this.em = em;
        this.clock = clock;
        this.config = config;
    }

    /** Call inside a transaction; {@code account} is null for a school system. */
    public Reader require(Account account, Student student) throws ApiException {
        if (!student.enrolled()) {
            throw new NotFoundException();
        }
        if (account != null) {
            if (account.email != null && account.phone != null && account.email.equals(student.email)
                    && account.phone.equals(student.phone)) {
                return Reader.SELF;
            }
            if (direct.isParentOf(account.id, student.id)) {
                return Reader.PARENT;
            }
            if (trusted.hasActiveGrant(account.id, student.id)) {
                auditRead(account.id, student.id);
                return Reader.TRUSTED_PERSON;
            }
        }
        var scope = staff.find();
        if (scope.isPresent() && scope.get().covers(student)) {
            return Reader.STAFF;
        }
        throw new NotFoundException();
    }

    /** A trusted person's read: one audit event per person, child and school day, on every instance alike. */
    public void auditRead(UUID accountId, UUID studentId) {
        LocalDate today = LocalDate.now(clock.withZone(config.diary().zone()));
        int inserted = em.createNativeQuery("insert into diary_read (account_id, student_id, read_on) values (?1, ?2, ?3)"
                + " on conflict do nothing").setParameter(1, accountId).setParameter(2, studentId)
                .setParameter(3, today).executeUpdate();
        if (inserted == 1) {
            audit.record(accountId, AuditAction.DIARY_READ, studentId, null, null, accountId);
        }
    }
}
