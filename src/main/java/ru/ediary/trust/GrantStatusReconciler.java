package ru.ediary.trust;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import ru.ediary.account.FullNames;
import ru.ediary.api.ApiException;
import ru.ediary.api.Tx;
import ru.ediary.audit.AuditAction;
import ru.ediary.audit.AuditService;
import ru.ediary.notification.NotificationKind;
import ru.ediary.notification.NotificationService;

/**
 * Tells the trusted person and the inviting parent when a live grant becomes SUSPENDED (the inviter lost direct
 * access to the child) or ACTIVE again. The status itself is still computed on every read; this compares it with
 * {@code trusted_access.notified_status}, the one both were last told about, and flips the rows that differ in one
 * statement that claims them with {@code FOR UPDATE SKIP LOCKED} and notifies in the same transaction: every
 * change is told exactly once, with any number of instances running it at once. Runs with the activation job.
 */
@ApplicationScoped
public class GrantStatusReconciler {

    /**
     * The access rule for grant {@code tg}: its inviter sees the child as a parent right now (brief rule 1, as
     * {@link ru.ediary.access.DirectAccessService} decides it). The one place in SQL here to switch when the rule
     * changes.
     */
    // the access rule's one definition (direct_access, docs/access-rule.md); a correlated count, not EXISTS, so both
    // ids are pushed into the view's branches instead of the view being built whole
    private static final String INVITER_HAS_DIRECT_ACCESS = """
            (select count(*) from direct_access d
             where d.account_id = tg.inviter_id and d.student_id = tg.student_id and d.capacity = 'PARENT') > 0""";

    private static final String FLIP = """
            update trusted_access t set notified_status = due.status
            from (select tg.id, now_.status from trusted_access tg
                  cross join lateral (select case when %s then 'ACTIVE' else 'SUSPENDED' end) now_(status)
                  where tg.revoked_at is null and tg.notified_status <> now_.status
                  limit ?1
                  for update of tg skip locked) due
            where t.id = due.id
            returning t.id, t.invitation_id, t.trusted_person_id, t.inviter_id, t.student_id, due.status"""
            .formatted(INVITER_HAS_DIRECT_ACCESS);

    private record Change(UUID grantId, UUID invitationId, UUID trustedPerson, UUID inviter, UUID student,
            TrustedAccessStatus status) {
    }

    private final EntityManager em;
    private final NotificationService notifications;
    private final AuditService audit;

    GrantStatusReconciler(EntityManager em, NotificationService notifications, AuditService audit) {
        this.em = em;
        this.notifications = notifications;
        this.audit = audit;
    }

    /** Reconciles every live grant, batch by batch (each its own transaction); returns the changes told. */
    public int reconcile(int batchSize, int maxBatches) throws ApiException {
        int told = 0;
        for (int i = 0; i < maxBatches; i++) {
            int done = Tx.inNew(() -> reconcileBatch(batchSize));
            told += done;
            if (done < batchSize) {
                break;
            }
        }
        return told;
    }

    @SuppressWarnings("unchecked")
    private int reconcileBatch(int size) {
        List<Change> changes = new ArrayList<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery(FLIP).setParameter(1, size).getResultList()) {
            changes.add(new Change((UUID) row[0], (UUID) row[1], (UUID) row[2], (UUID) row[3], (UUID) row[4],
                    TrustedAccessStatus.valueOf((String) row[5])));
        }
        if (changes.isEmpty()) {
            return 0;
        }
        tell(changes);
        return changes.size();
    }

    /** Both parties of each change, and the child's audit log; names from two set queries, not one per change. */
    @SuppressWarnings("unchecked")
    private void tell(List<Change> changes) {
        List<UUID> accounts = new ArrayList<>();
        List<UUID> students = new ArrayList<>();
        for (Change change : changes) {
            accounts.add(change.trustedPerson());
            students.add(change.student());
        }
        Map<UUID, String> people = new HashMap<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery(
                "select id, last_name, first_name, middle_name from account where id in (?1)")
                .setParameter(1, accounts).getResultList()) {
            people.put((UUID) row[0], FullNames.of((String) row[1], (String) row[2], (String) row[3]));
        }
        Map<UUID, String> children = new HashMap<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery(
                "select id, last_name, first_name, middle_name from student where id in (?1)")
                .setParameter(1, students).getResultList()) {
            children.put((UUID) row[0], FullNames.of((String) row[1], (String) row[2], (String) row[3]));
        }
        List<NotificationService.Draft> drafts = new ArrayList<>();
        for (Change change : changes) {
            String child = children.get(change.student());
            String person = people.get(change.trustedPerson());
            if (change.status() == TrustedAccessStatus.SUSPENDED) {
                audit.record(null, AuditAction.ACCESS_SUSPENDED, change.student(), change.invitationId(),
                        change.grantId(), change.trustedPerson());
                drafts.add(new NotificationService.Draft(change.trustedPerson(), NotificationKind.ACCESS_SUSPENDED,
                        "Доступ приостановлен", "Ваш доступ к дневнику приостановлен: " + child + ". У пригласившего "
                                + "вас родителя сейчас нет доступа к дневнику. Доступ возобновится, когда он появится.",
                        change.invitationId(), change.student()));
                drafts.add(new NotificationService.Draft(change.inviter(), NotificationKind.ACCESS_SUSPENDED,
                        "Доступ доверенного лица приостановлен", person + " не видит дневник (" + child + "), пока у "
                                + "вас нет доступа к нему. Доступ возобновится, когда ваш доступ появится снова.",
                        change.invitationId(), change.student()));
            } else {
                audit.record(null, AuditAction.ACCESS_RESUMED, change.student(), change.invitationId(),
                        change.grantId(), change.trustedPerson());
                drafts.add(new NotificationService.Draft(change.trustedPerson(), NotificationKind.ACCESS_RESUMED,
                        "Доступ возобновлён", "Ваш доступ к дневнику снова действует: " + child + ".",
                        change.invitationId(), change.student()));
                drafts.add(new NotificationService.Draft(change.inviter(), NotificationKind.ACCESS_RESUMED,
                        "Доступ доверенного лица возобновлён", person + " снова видит дневник: " + child + ".",
                        change.invitationId(), change.student()));
            }
        }
        notifications.notifyAll(drafts);
    }
}
