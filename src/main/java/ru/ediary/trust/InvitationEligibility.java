package ru.ediary.trust;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import ru.ediary.access.AccessCapacity;
import ru.ediary.access.ChildView;
import ru.ediary.access.DirectAccessService;
import ru.ediary.account.Account;
import ru.ediary.account.AccountService;
import ru.ediary.api.ApiException;
import ru.ediary.api.UserError;
import ru.ediary.api.UserErrorCode;
import ru.ediary.api.validation.PhoneNumbers;
import ru.ediary.api.validation.SnilsNumbers;
import ru.ediary.config.EdiaryConfig;

/**
 * The rules of sending that need data (brief rule 4 and its refusals): looks up the facts
 * {@link InvitationPolicies} decides on. Runs in the caller's transaction.
 */
@ApplicationScoped
public class InvitationEligibility {

    /** What the checks found: everything needed to preview or send. */
    record Eligible(Account inviter, Account invitee, List<ChildView> children, String maskedIdentifier) {
    }

    private final AccountService accounts;
    private final DirectAccessService direct;
    private final InviteeLookup lookup;
    private final EntityManager em;
    private final EdiaryConfig config;

    InvitationEligibility(AccountService accounts, DirectAccessService direct, InviteeLookup lookup, EntityManager em,
            EdiaryConfig config) {
        this.accounts = accounts;
        this.direct = direct;
        this.lookup = lookup;
        this.em = em;
        this.config = config;
    }

    /** Adds a userError for each refusal; returns what it found (null when there is no invitee to name). */
    Eligible check(UUID me, InvitationRequest request, List<UserError> errors) throws ApiException {
        Account inviter = accounts.find(me);
        Map<UUID, ChildView> ownChildren = direct.directChildren(inviter.id).stream()
                .filter(d -> d.capacity() == AccessCapacity.PARENT)
                .collect(Collectors.toMap(d -> d.id(), d -> d.child(), (a, b) -> a, LinkedHashMap::new));
        List<ChildView> children = new ArrayList<>();
        for (int i = 0; i < request.childIds().size(); i++) {
            ChildView child = Optional.ofNullable(request.childIdOrNull(i)).map(ownChildren::get).orElse(null);
            if (child == null) {
                // someone else's child and no child at all give the same answer
                errors.add(UserError.of("childIds[" + i + "]", UserErrorCode.CHILD_NOT_AVAILABLE));
            } else {
                children.add(child);
            }
        }
        boolean byPhone = request.byPhone();
        String field = request.identifierField();
        String identifier = request.identifier();
        Optional<Account> found = byPhone ? lookup.byPhone(identifier, request.surname())
                : lookup.bySnils(identifier, request.surname());
        Optional<UserErrorCode> refusal = InvitationPolicies.inviteeRefusal(me, found.map(a -> a.id).orElse(null));
        if (refusal.isPresent()) {
            errors.add(UserError.of(field, refusal.get()));
            return null;
        }
        Account invitee = found.get();
        Set<UUID> inviteeSees = direct.directChildren(invitee.id).stream().map(d -> d.id())
                .collect(Collectors.toSet());
        for (int i = 0; i < request.childIds().size(); i++) {
            UUID childId = request.childIdOrNull(i);
            if (childId == null || !ownChildren.containsKey(childId)) {
                continue;
            }
            String childField = "childIds[" + i + "]";
            InvitationPolicies.childRefusal(childFacts(invitee.id, childId, inviteeSees),
                    config.trust().maxTrustedPersonsPerChild())
                    .ifPresent(code -> errors.add(UserError.of(childField, code)));
        }
        String masked = byPhone ? PhoneNumbers.mask(identifier) : SnilsNumbers.mask(identifier);
        return new Eligible(inviter, invitee, children, masked);
    }

    /** The facts childRefusal asks for, each looked up only when asked. */
    private InvitationPolicies.ChildFacts childFacts(UUID inviteeId, UUID childId, Set<UUID> inviteeSees) {
        return new InvitationPolicies.ChildFacts() {
            @Override
            public boolean inviteeSeesDirectly() {
                return inviteeSees.contains(childId);
            }

            @Override
            public boolean inviteeAlreadyTrusted() {
                return TrustedAccess.count("trustedPerson.id = ?1 and student.id = ?2 and revokedAt is null",
                        inviteeId, childId) > 0;
            }

            @Override
            public boolean inviteeAlreadyInvited() {
                return openInvitations(inviteeId, childId) > 0;
            }

            @Override
            public long trustedOrInvited() {
                return TrustedAccess.count("student.id = ?1 and revokedAt is null", childId)
                        + openInvitations(null, childId);
            }
        };
    }

    private long openInvitations(UUID inviteeId, UUID childId) {
        String query = "select count(i) from Invitation i join i.children c where c.studentId = :child"
                + " and i.status in :open" + (inviteeId == null ? "" : " and i.invitee.id = :invitee");
        var q = em.createQuery(query, Long.class).setParameter("child", childId)
                .setParameter("open", List.of(InvitationStatus.PENDING, InvitationStatus.ACCEPTED));
        if (inviteeId != null) {
            q.setParameter("invitee", inviteeId);
        }
        return q.getSingleResult();
    }
}
