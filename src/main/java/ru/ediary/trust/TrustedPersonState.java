package ru.ediary.trust;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import ru.ediary.access.DirectAccessService;
import ru.ediary.account.FullNames;

/**
 * What diaryAccess tells a trusted person about their own grants: every live one with its status (so a SUSPENDED
 * one can be renounced), and, when they see no diary, what happened (suspended, revoked, renounced, expired,
 * failed) instead of advice meant for parents.
 */
@ApplicationScoped
public class TrustedPersonState {

    /** A live grant with its status as decided right now. */
    public record LiveGrant(TrustedAccess grant, TrustedAccessStatus status, TrustedAccessView view) {
    }

    /** What ended or stopped a trusted person's access to some children, in the order they are told. */
    public enum Outcome {
        SUSPENDED,
        REVOKED,
        RENOUNCED,
        INVITATION_EXPIRED,
        INVITATION_FAILED
    }

    private final DirectAccessService direct;
    private final EntityManager em;

    TrustedPersonState(DirectAccessService direct, EntityManager em) {
        this.direct = direct;
        this.em = em;
    }

    /** The account's live grants, ACTIVE and SUSPENDED, with children, classes and schools loaded; in a transaction. */
    public List<LiveGrant> liveGrants(UUID accountId) {
        List<TrustedAccess> grants = TrustedAccess.list("from TrustedAccess t join fetch t.trustedPerson"
                + " join fetch t.inviter join fetch t.student s join fetch s.schoolClass c join fetch c.school"
                + " where t.trustedPerson.id = ?1 and t.revokedAt is null order by t.grantedAt, t.id", accountId);
        if (grants.isEmpty()) {
            return List.of();
        }
        Map<UUID, Set<UUID>> parents = direct.parentsOf(grants.stream().map(t -> t.student.id).distinct().toList());
        List<LiveGrant> live = new ArrayList<>();
        for (TrustedAccess grant : grants) {
            TrustedAccessView view = TrustedAccessService.view(grant, parents.getOrDefault(grant.student.id, Set.of()));
            live.add(new LiveGrant(grant, view.status(), view));
        }
        return live;
    }

    /**
     * For a trusted person who sees no diary: per outcome, the children it concerns (full names, sorted). A child
     * counts with the latest thing that happened to its access: a live SUSPENDED grant; else the latest of ended
     * grants and closed invitations; an open invitation (waiting to be accepted or activated) or a declined or
     * cancelled one tells nothing here.
     */
    @SuppressWarnings("unchecked")
    public Map<Outcome, List<String>> outcomes(UUID accountId, List<LiveGrant> live) {
        Map<Outcome, Set<String>> byOutcome = new EnumMap<>(Outcome.class);
        Set<UUID> decided = new java.util.HashSet<>();
        for (LiveGrant grant : live) {
            decided.add(grant.grant().student.id);
            if (grant.status() == TrustedAccessStatus.SUSPENDED) {
                byOutcome.computeIfAbsent(Outcome.SUSPENDED, k -> new TreeSet<>()).add(grant.grant().student.fullName());
            }
        }
        // an open invitation outranks anything that happened before: it is the current state of that child
        record Event(Outcome outcome, boolean open, Instant at, String child) {
            boolean laterThan(Event other) {
                return open != other.open ? open : at.isAfter(other.at);
            }
        }
        Map<UUID, Event> latest = new HashMap<>();
        List<Object[]> rows = em.createNativeQuery("""
                select t.student_id, t.revoke_reason, t.revoked_at, s.last_name, s.first_name, s.middle_name
                from trusted_access t join student s on s.id = t.student_id
                where t.trusted_person_id = ?1 and t.revoked_at is not null
                union all
                select ic.student_id, i.status, coalesce(i.closed_at, i.created_at),
                       s.last_name, s.first_name, s.middle_name
                from invitation i join invitation_child ic on ic.invitation_id = i.id
                join student s on s.id = ic.student_id
                where i.invitee_id = ?1 and i.status <> 'ACTIVATED'""").setParameter(1, accountId).getResultList();
        for (Object[] row : rows) {
            UUID child = (UUID) row[0];
            if (decided.contains(child)) {
                continue;
            }
            String state = (String) row[1];
            Event event = new Event(outcomeOf(state), state.equals("PENDING") || state.equals("ACCEPTED"),
                    NativeValues.instant(row[2]), FullNames.of((String) row[3], (String) row[4], (String) row[5]));
            latest.merge(child, event, (a, b) -> b.laterThan(a) ? b : a);
        }
        for (Event event : latest.values()) {
            if (event.outcome() != null) {
                byOutcome.computeIfAbsent(event.outcome(), k -> new TreeSet<>()).add(event.child());
            }
        }
        Map<Outcome, List<String>> answer = new EnumMap<>(Outcome.class);
        byOutcome.forEach((outcome, names) -> answer.put(outcome, List.copyOf(names)));
        return answer;
    }

    /** A revoke reason or an invitation status; null for what tells nothing (open, declined, cancelled). */
    private static Outcome outcomeOf(String state) {
        return switch (state) {
            case "REVOKED" -> Outcome.REVOKED;
            case "RENOUNCED" -> Outcome.RENOUNCED;
            case "EXPIRED" -> Outcome.INVITATION_EXPIRED;
            case "FAILED" -> Outcome.INVITATION_FAILED;
            default -> null;
        };
    }
}
