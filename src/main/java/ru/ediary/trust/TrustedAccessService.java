package ru.ediary.trust;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
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

    TrustedAccessService(Caller caller, DirectAccessService direct, NotificationService notifications,
            AuditService audit, Clock clock) {
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

    public boolean hasActiveGrant(UUID accountId, UUID studentId) {
        return TrustedAccess.count("select count(t) " + ACTIVE_GRANTS.replace("join fetch", "join")
                + " and s.id = ?2", accountId, studentId) > 0;
    }

    /** A child's trusted persons, for any parent with direct access to the child. */
    public List<TrustedAccessView> trustedPersons(String childId, boolean includeRevoked) throws ApiException {
        UUID studentId = Ids.parse(childId);
        UUID me = caller.accountId();
        return Tx.inNew(() -> {
            Set<UUID> parents = direct.parentsOf(studentId);
            if (!parents.contains(me)) {
                throw new NotFoundException();
            }
            List<TrustedAccess> grants = TrustedAccess.list("from TrustedAccess t join fetch t.trustedPerson"
                    + " join fetch t.inviter join fetch t.student where t.student.id = ?1"
                    + (includeRevoked ? "" : " and t.revokedAt is null") + " order by t.grantedAt, t.id", studentId);
            return grants.stream().map(t -> view(t, parents)).toList();
        });
    }

    /**
     * Live grants of several children at once, for the children the caller is a parent of (empty lists for
     * the others): two statements whatever the number of children.
     */
    public Map<UUID, List<TrustedAccessView>> liveGrantsForParent(UUID me, List<UUID> childIds) {
        if (childIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Set<UUID>> parents = direct.parentsOf(childIds);
        List<UUID> mine = childIds.stream().filter(c -> parents.getOrDefault(c, Set.of()).contains(me)).toList();
        Map<UUID, List<TrustedAccessView>> result = new HashMap<>();
        if (!mine.isEmpty()) {
            List<TrustedAccess> grants = TrustedAccess.list("from TrustedAccess t join fetch t.trustedPerson"
                    + " join fetch t.inviter join fetch t.student where t.student.id in ?1 and t.revokedAt is null"
                    + " order by t.grantedAt, t.id", mine);
            for (TrustedAccess grant : grants) {
                result.computeIfAbsent(grant.student.id, k -> new ArrayList<>())
                        .add(view(grant, parents.getOrDefault(grant.student.id, Set.of())));
            }
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
