package ru.ediary.trust;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import ru.ediary.access.DirectAccessService;
import ru.ediary.account.FullNames;
import ru.ediary.api.ApiException;
import ru.ediary.api.Tx;
import ru.ediary.audit.AuditAction;
import ru.ediary.audit.AuditService;
import ru.ediary.config.EdiaryConfig;
import ru.ediary.notification.NotificationKind;
import ru.ediary.notification.NotificationService;

/**
 * The scheduled job of brief rule 4: accepted invitations become grants, stale pending ones expire.
 *
 * <p>Safe with any number of server instances on one database: each batch claims its invitations with
 * {@code FOR UPDATE SKIP LOCKED} and changes their status in the same transaction, so an invitation is
 * activated exactly once; grants are unique per invitation and child besides. A crash mid-batch rolls the
 * batch back and the next run takes it again. Batches are bounded in size, and a run in number of batches.
 */
@ApplicationScoped
public class InvitationActivator {

    private static final Logger LOG = Logger.getLogger(InvitationActivator.class);

    /** What one run did; {@code statusChanges}: grants that became SUSPENDED or ACTIVE again, each told once. */
    public record RunResult(int activated, int failed, int expired, int statusChanges) {
    }

    private record Batch(int claimed, int activated, int failed) {
    }

    private final EntityManager em;
    private final EdiaryConfig config;
    private final Clock clock;
    private final NotificationService notifications;
    private final AuditService audit;
    private final InvitationEvents events;
    private final MeterRegistry metrics;
    private final DirectAccessService direct;
    private final GrantStatusReconciler grantStatus;

    InvitationActivator(EntityManager em, EdiaryConfig config, Clock clock, NotificationService notifications,
            AuditService audit, InvitationEvents events, MeterRegistry metrics, DirectAccessService direct,
            GrantStatusReconciler grantStatus) {
        this.direct = direct;
        this.grantStatus = grantStatus;
        this.em = em;
        this.config = config;
        this.clock = clock;
        this.notifications = notifications;
        this.audit = audit;
        this.events = events;
        this.metrics = metrics;
    }

    @Scheduled(identity = "invitation-activation", every = "${ediary.trust.activation-interval:60s}",
            delayed = "${ediary.trust.activation-initial-delay:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = ActivationDisabled.class)
    void scheduled() {
        try {
            RunResult result = runOnce();
            metrics.counter("ediary.activation.runs", "outcome", "ok").increment();
            if (result.activated() + result.failed() + result.expired() + result.statusChanges() > 0) {
                LOG.infof("Activation run: %d activated, %d failed, %d expired, %d grant status changes told",
                        result.activated(), result.failed(), result.expired(), result.statusChanges());
            }
        } catch (RuntimeException | ApiException e) {
            metrics.counter("ediary.activation.runs", "outcome", "error").increment();
            LOG.error("Activation run failed; the next run retries it", e);
        }
    }

    /**
     * One run: activate due invitations, expire stale ones, then tell the parties of grants whose status changed
     * since they were last told; each batch its own transaction.
     */
    public RunResult runOnce() throws ApiException {
        int activated = 0;
        int failed = 0;
        int expired = 0;
        int size = config.trust().activationBatchSize();
        for (int i = 0; i < config.trust().activationMaxBatches(); i++) {
            Batch batch = Tx.inNew(() -> activateBatch(size));
            activated += batch.activated();
            failed += batch.failed();
            if (batch.claimed() < size) {
                break;
            }
        }
        for (int i = 0; i < config.trust().activationMaxBatches(); i++) {
            int done = Tx.inNew(() -> expireBatch(size));
            expired += done;
            if (done < size) {
                break;
            }
        }
        int statusChanges = grantStatus.reconcile(size, config.trust().activationMaxBatches());
        events.count("activated", activated);
        events.count("failed", failed);
        events.count("expired", expired);
        return new RunResult(activated, failed, expired, statusChanges);
    }

    @SuppressWarnings("unchecked")
    private Batch activateBatch(int size) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<UUID> claimed = em.createNativeQuery("""
                select id from invitation where status = 'ACCEPTED' and activate_after <= ?1
                order by activate_after limit ?2 for update skip locked""", UUID.class)
                .setParameter(1, now).setParameter(2, size).getResultList();
        if (claimed.isEmpty()) {
            return new Batch(0, 0, 0);
        }
        // a child is granted when the inviter, right now, sees it as a parent (brief: access depends on theirs)
        List<Object[]> granted = em.createNativeQuery("""
                insert into trusted_access (id, invitation_id, trusted_person_id, inviter_id, student_id, service, granted_at)
                select gen_random_uuid(), i.id, i.invitee_id, i.inviter_id, ic.student_id, i.service, ?2
                from invitation i
                join invitation_child ic on ic.invitation_id = i.id
                -- LATERAL, not EXISTS: a semi-join cannot push the correlation into the view's UNION ALL and
                -- would build the whole view; this way each pair is two index lookups (docs/access-rule.md)
                cross join lateral (select 1 from direct_access d where d.account_id = i.inviter_id
                                    and d.student_id = ic.student_id and d.capacity = 'PARENT' limit 1) parent
                where i.id in (?1)
                on conflict do nothing
                returning invitation_id, student_id, id""")
                .setParameter(1, claimed).setParameter(2, now).getResultList();
        em.createNativeQuery("""
                update invitation_child ic set outcome = case when exists (select 1 from trusted_access t
                    where t.invitation_id = ic.invitation_id and t.student_id = ic.student_id) then 'GRANTED' else 'SKIPPED' end
                where ic.invitation_id in (?1)""").setParameter(1, claimed).executeUpdate();
        em.createNativeQuery("""
                update invitation i set status = case when exists (select 1 from trusted_access t
                    where t.invitation_id = i.id) then 'ACTIVATED' else 'FAILED' end,
                    closed_at = ?2, version = version + 1
                where i.id in (?1)""").setParameter(1, claimed).setParameter(2, now).executeUpdate();

        Map<UUID, Map<UUID, UUID>> grantsByInvitation = new HashMap<>();
        for (Object[] row : granted) {
            grantsByInvitation.computeIfAbsent((UUID) row[0], k -> new LinkedHashMap<>()).put((UUID) row[1], (UUID) row[2]);
        }
        tell(claimed, grantsByInvitation);
        int activated = grantsByInvitation.size();
        return new Batch(claimed.size(), activated, claimed.size() - activated);
    }

    /** Notifications and audit for a batch, from a handful of set queries, not one per invitation. */
    @SuppressWarnings("unchecked")
    private void tell(List<UUID> claimed, Map<UUID, Map<UUID, UUID>> grantsByInvitation) {
        Map<UUID, Object[]> parties = new HashMap<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery("""
                select i.id, i.inviter_id, i.invitee_id, a.last_name, a.first_name, a.middle_name, i.service
                from invitation i join account a on a.id = i.invitee_id where i.id in (?1)""")
                .setParameter(1, claimed).getResultList()) {
            parties.put((UUID) row[0], row);
        }
        Map<UUID, List<UUID>> childrenByInvitation = new HashMap<>();
        Map<UUID, String> childNames = new HashMap<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery("""
                select ic.invitation_id, s.id, s.last_name, s.first_name, s.middle_name from invitation_child ic
                join student s on s.id = ic.student_id where ic.invitation_id in (?1)
                order by s.last_name, s.first_name""").setParameter(1, claimed).getResultList()) {
            childrenByInvitation.computeIfAbsent((UUID) row[0], k -> new ArrayList<>()).add((UUID) row[1]);
            childNames.put((UUID) row[1], FullNames.of((String) row[2], (String) row[3], (String) row[4]));
        }
        Set<UUID> grantedChildren = new HashSet<>();
        grantsByInvitation.values().forEach(m -> grantedChildren.addAll(m.keySet()));
        Map<UUID, Set<UUID>> parentsByChild = direct.parentsOf(grantedChildren);

        List<NotificationService.Draft> drafts = new ArrayList<>();
        for (UUID invitationId : claimed) {
            Object[] party = parties.get(invitationId);
            UUID inviter = (UUID) party[1];
            UUID invitee = (UUID) party[2];
            String inviteeName = FullNames.of((String) party[3], (String) party[4], (String) party[5]);
            String service = Service.valueOf((String) party[6]).title();
            Map<UUID, UUID> grants = grantsByInvitation.getOrDefault(invitationId, Map.of());
            List<UUID> children = childrenByInvitation.getOrDefault(invitationId, List.of());
            List<String> grantedNames = new ArrayList<>();
            List<String> skippedNames = new ArrayList<>();
            for (UUID child : children) {
                UUID grant = grants.get(child);
                if (grant != null) {
                    grantedNames.add(childNames.get(child));
                    audit.record(null, AuditAction.ACCESS_GRANTED, child, invitationId, grant, invitee);
                    for (UUID parent : parentsByChild.getOrDefault(child, Set.of())) {
                        if (!parent.equals(inviter)) {
                            var text = InvitationTexts.childAccessGained(inviteeName, childNames.get(child));
                            drafts.add(new NotificationService.Draft(parent, NotificationKind.CHILD_ACCESS_GAINED,
                                    text.title(), text.body(), invitationId, child));
                        }
                    }
                } else {
                    skippedNames.add(childNames.get(child));
                    audit.record(null, AuditAction.ACCESS_SKIPPED, child, invitationId, null, invitee);
                }
            }
            if (grants.isEmpty()) {
                events.audit(null, AuditAction.INVITATION_FAILED, invitationId, invitee, children);
                var text = InvitationTexts.failed(service, skippedNames);
                for (UUID who : List.of(inviter, invitee)) {
                    drafts.add(new NotificationService.Draft(who, NotificationKind.INVITATION_FAILED, text.title(),
                            text.body(), invitationId, null));
                }
            } else {
                // a partial activation names the children left out, to both, and why in the reader's terms
                var toInvitee = InvitationTexts.activatedForInvitee(service, grantedNames, skippedNames);
                drafts.add(new NotificationService.Draft(invitee, NotificationKind.INVITATION_ACTIVATED,
                        toInvitee.title(), toInvitee.body(), invitationId, null));
                var toInviter = InvitationTexts.activatedForInviter(inviteeName, service, grantedNames, skippedNames);
                drafts.add(new NotificationService.Draft(inviter, NotificationKind.INVITATION_ACTIVATED,
                        toInviter.title(), toInviter.body(), invitationId, null));
            }
        }
        notifications.notifyAll(drafts);
    }

    @SuppressWarnings("unchecked")
    private int expireBatch(int size) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<Object[]> expired = em.createNativeQuery("""
                update invitation set status = 'EXPIRED', closed_at = ?1, version = version + 1
                where id in (select id from invitation where status = 'PENDING' and expires_at <= ?1
                             order by expires_at limit ?2 for update skip locked)
                returning id, inviter_id, invitee_id""").setParameter(1, now).setParameter(2, size).getResultList();
        if (expired.isEmpty()) {
            return 0;
        }
        List<UUID> ids = expired.stream().map(r -> (UUID) r[0]).toList();
        Map<UUID, List<UUID>> children = new HashMap<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery(
                "select invitation_id, student_id from invitation_child where invitation_id in (?1)")
                .setParameter(1, ids).getResultList()) {
            children.computeIfAbsent((UUID) row[0], k -> new ArrayList<>()).add((UUID) row[1]);
        }
        List<NotificationService.Draft> drafts = new ArrayList<>();
        for (Object[] row : expired) {
            UUID id = (UUID) row[0];
            events.audit(null, AuditAction.INVITATION_EXPIRED, id, (UUID) row[2], children.getOrDefault(id, List.of()));
            for (UUID who : List.of((UUID) row[1], (UUID) row[2])) {
                drafts.add(new NotificationService.Draft(who, NotificationKind.INVITATION_EXPIRED,
                        InvitationTexts.EXPIRED.title(), InvitationTexts.EXPIRED.body(), id, null));
            }
        }
        notifications.notifyAll(drafts);
        return expired.size();
    }
}
