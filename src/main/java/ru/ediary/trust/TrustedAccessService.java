package ru.ediary.trust;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import ru.ediary.access.DirectAccessService;
import ru.ediary.account.Caller;
import ru.ediary.account.FullNames;
import ru.ediary.api.ApiException;
import ru.ediary.api.ForbiddenException;
import ru.ediary.api.Ids;
import ru.ediary.api.NotFoundException;
import ru.ediary.api.PersistenceFailures;
import ru.ediary.api.Tx;
import ru.ediary.api.UserError;
import ru.ediary.api.UserErrorCode;
import ru.ediary.audit.AuditAction;
import ru.ediary.audit.AuditService;
import ru.ediary.notification.NotificationKind;
import ru.ediary.notification.NotificationService;

/**
 * Grants after activation. A live grant works only while its inviting parent has direct access to the child
 * (the {@code direct_access} view); that is decided on every read, so a school correction or profile edit counts at once, both ways.
 */
@ApplicationScoped
public class TrustedAccessService {

    private static final String ACTIVE_GRANTS = "from TrustedAccess t join fetch t.student s join fetch s.schoolClass c"
            + " join fetch c.school join fetch t.inviter i where t.trustedPerson.id = ?1 and t.revokedAt is null"
            // a correlated count, not EXISTS: PostgreSQL would turn EXISTS into a semi-join that builds the whole
            // direct_access view; a subplan pushes both ids into the view's branches (docs/access-rule.md)
            + " and (select count(*) from DirectAccess d where d.id.accountId = i.id and d.id.studentId = s.id"
            + " and d.id.capacity = ru.ediary.access.AccessCapacity.PARENT) > 0";

    private final Caller caller;
    private final DirectAccessService direct;
    private final NotificationService notifications;
    private final AuditService audit;
    private final Clock clock;
    private final EntityManager em;

    TrustedAccessService(Caller caller, DirectAccessService direct, NotificationService notifications,
            AuditService audit, Clock clock, EntityManager em) {
        this.em = em;
        this.caller = caller;
        this.direct = direct;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
    }

    /** The account's ACTIVE grants, with their (enrolled) children loaded; call inside a transaction. */
    public List<TrustedAccess> activeGrants(UUID accountId) {
        return TrustedAccess.list(ACTIVE_GRANTS, accountId);
    }

    /** A child's trusted persons, for any parent with direct access to the child. */
    @Transactional
    public List<TrustedAccessView> trustedPersons(String childId, boolean includeRevoked) throws ApiException {
        UUID studentId = Ids.parse(childId);
        UUID me = caller.accountId();
        Set<UUID> parents = direct.parentsOf(studentId);
        if (!parents.contains(me)) {
            throw new NotFoundException();
        }
        List<TrustedAccess> grants = TrustedAccess.list("from TrustedAccess t join fetch t.trustedPerson"
                + " join fetch t.inviter join fetch t.student where t.student.id = ?1"
                + (includeRevoked ? "" : " and t.revokedAt is null") + " order by t.grantedAt, t.id", studentId);
        return grants.stream().map(t -> view(t, parents)).toList();
    }

    /**
     * A grant as the API shows it, straight from SQL, its status decided now: ACTIVE while its inviter is a PARENT in
     * {@code direct_access} (a correlated count, so both ids reach the view's branches; docs/access-rule.md).
     */
    private static final String LIVE_GRANTS = """
            select t.id, tp.last_name, tp.first_name, tp.middle_name, t.student_id,
                   s.last_name, s.first_name, s.middle_name, t.service,
                   (select count(*) from direct_access d where d.account_id = t.inviter_id
                      and d.student_id = t.student_id and d.capacity = 'PARENT') > 0,
                   i.last_name, i.first_name, i.middle_name, t.granted_at
            from trusted_access t
            join account tp on tp.id = t.trusted_person_id
            join account i on i.id = t.inviter_id
            join student s on s.id = t.student_id
            where t.student_id in (?1) and t.revoked_at is null
            order by t.granted_at, t.id""";

    /**
     * Live grants of the children {@code mine}, which the caller is known to be a parent of, and of those of
     * {@code unknown} the caller is a parent of right now (looked up); empty lists for the others. One statement
     * when nothing is unknown, whatever the number of children.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public Map<UUID, List<TrustedAccessView>> liveGrantsForParent(UUID me, List<UUID> mine, List<UUID> unknown) {
        List<UUID> children = new ArrayList<>(mine);
        if (!unknown.isEmpty()) {
            Map<UUID, Set<UUID>> parents = direct.parentsOf(unknown);
            unknown.stream().filter(c -> parents.getOrDefault(c, Set.of()).contains(me) && !children.contains(c))
                    .forEach(children::add);
        }
        Map<UUID, List<TrustedAccessView>> result = new HashMap<>();
        if (children.isEmpty()) {
            return result;
        }
        for (Object[] row : (List<Object[]>) em.createNativeQuery(LIVE_GRANTS).setParameter(1, children)
                .getResultList()) {
            result.computeIfAbsent((UUID) row[4], k -> new ArrayList<>()).add(new TrustedAccessView(row[0].toString(),
                    new PersonName(FullNames.of((String) row[1], (String) row[2], (String) row[3])), row[4].toString(),
                    FullNames.of((String) row[5], (String) row[6], (String) row[7]), Service.valueOf((String) row[8]),
                    Boolean.TRUE.equals(row[9]) ? TrustedAccessStatus.ACTIVE : TrustedAccessStatus.SUSPENDED,
                    new PersonName(FullNames.of((String) row[10], (String) row[11], (String) row[12])),
                    NativeValues.instant(row[13]), null));
        }
        return result;
    }

    public TrustedAccessPayload revoke(String id) throws ApiException {
        return end(id, TrustedAccess.RevokeReason.REVOKED);
    }

    public TrustedAccessPayload renounce(String id) throws ApiException {
        return end(id, TrustedAccess.RevokeReason.RENOUNCED);
    }

    private TrustedAccessPayload end(String id, TrustedAccess.RevokeReason reason) throws ApiException {
        UUID grantId = Ids.parse(id);
        UUID me = caller.accountId();
        try {
            return Tx.inNew(() -> {
                TrustedAccess grant = TrustedAccess.<TrustedAccess>find("from TrustedAccess t join fetch t.trustedPerson"
                        + " join fetch t.inviter join fetch t.student where t.id = ?1", grantId).firstResult();
                if (grant == null) {
                    throw new NotFoundException();
                }
                Set<UUID> parents = direct.parentsOf(grant.student.id);
                boolean isTrustedPerson = grant.trustedPerson.id.equals(me);
                if (!isTrustedPerson && !parents.contains(me)) {
                    throw new NotFoundException();
                }
                if (reason == TrustedAccess.RevokeReason.REVOKED && !parents.contains(me)) {
                    throw new ForbiddenException("Отозвать доступ может родитель ребёнка; доверенное лицо может отказаться от доступа.");
                }
                if (reason == TrustedAccess.RevokeReason.RENOUNCED && !isTrustedPerson) {
                    throw new ForbiddenException("Отказаться от доступа может только само доверенное лицо.");
                }
                if (!grant.live()) {
                    return new TrustedAccessPayload(view(grant, parents), List.of(UserError.of("", UserErrorCode.INVALID_STATE)));
                }
                Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
                grant.revokedAt = now;
                grant.revokedBy = me;
                grant.revokeReason = reason;
                TrustedAccess.flush();
                String child = grant.student.fullName();
                String person = grant.trustedPerson.fullName();
                if (reason == TrustedAccess.RevokeReason.REVOKED) {
                    audit.record(me, AuditAction.ACCESS_REVOKED, grant.student.id, grant.invitationId, grant.id,
                            grant.trustedPerson.id);
                    notifications.notify(grant.trustedPerson.id, NotificationKind.ACCESS_REVOKED, "Доступ отозван",
                            "Родитель отозвал ваш доступ к дневнику: " + child + ".", grant.invitationId, grant.student.id);
                } else {
                    audit.record(me, AuditAction.ACCESS_RENOUNCED, grant.student.id, grant.invitationId, grant.id, me);
                }
                for (UUID parent : parents) {
                    if (!parent.equals(me)) {
                        notifications.notify(parent, reason == TrustedAccess.RevokeReason.RENOUNCED
                                ? NotificationKind.ACCESS_RENOUNCED : NotificationKind.CHILD_ACCESS_LOST,
                                "Доверенное лицо больше не видит дневник",
                                person + " больше не имеет доступа к дневнику: " + child + ".", grant.invitationId,
                                grant.student.id);
                    }
                }
                return new TrustedAccessPayload(view(grant, parents), List.of());
            });
        } catch (PersistenceException e) {
            if (PersistenceFailures.isConcurrentChange(e)) {
                return new TrustedAccessPayload(null, List.of(UserError.of("", UserErrorCode.CONCURRENT_CHANGE)));
            }
            throw e;
        }
    }

    static TrustedAccessView view(TrustedAccess grant, Set<UUID> parentsNow) {
        TrustedAccessStatus status = !grant.live() ? TrustedAccessStatus.REVOKED
                : parentsNow.contains(grant.inviter.id) ? TrustedAccessStatus.ACTIVE : TrustedAccessStatus.SUSPENDED;
        return new TrustedAccessView(grant.id.toString(), PersonName.of(grant.trustedPerson),
                grant.student.id.toString(), grant.student.fullName(), grant.service, status,
                PersonName.of(grant.inviter), grant.grantedAt, grant.revokedAt);
    }
}
