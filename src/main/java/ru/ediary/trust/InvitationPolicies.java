package ru.ediary.trust;

import java.util.Optional;
import java.util.UUID;
import ru.ediary.api.UserErrorCode;

/**
 * Brief rule 4's refusals that need data, as named rules over facts the service looks up; each answers the
 * UserErrorCode it refuses with, or empty. Facts are asked lazily and in order, so a refusal costs no further query.
 */
final class InvitationPolicies {

    /** What is known about the invitee and one of the inviter's own children. */
    interface ChildFacts {
        boolean inviteeSeesDirectly();

        boolean inviteeAlreadyTrusted();

        boolean inviteeAlreadyInvited();

        /** Live grants plus open invitations for the child, whoever they name. */
        long trustedOrInvited();
    }

    private InvitationPolicies() {
    }

    /** The invitee must be a registered account other than the inviter. */
    static Optional<UserErrorCode> inviteeRefusal(UUID inviterId, UUID inviteeIdOrNull) {
        if (inviteeIdOrNull == null) {
            return Optional.of(UserErrorCode.INVITEE_NOT_FOUND);
        }
        return inviteeIdOrNull.equals(inviterId) ? Optional.of(UserErrorCode.CANNOT_INVITE_SELF) : Optional.empty();
    }

    /** Access to the child is given once: not to who sees it already, nor twice, nor beyond the limit per child. */
    static Optional<UserErrorCode> childRefusal(ChildFacts facts, int maxTrustedPersonsPerChild) {
        if (facts.inviteeSeesDirectly()) {
            return Optional.of(UserErrorCode.ALREADY_HAS_ACCESS);
        }
        if (facts.inviteeAlreadyTrusted()) {
            return Optional.of(UserErrorCode.ALREADY_TRUSTED);
        }
        if (facts.inviteeAlreadyInvited()) {
            return Optional.of(UserErrorCode.ALREADY_INVITED);
        }
        if (facts.trustedOrInvited() >= maxTrustedPersonsPerChild) {
            return Optional.of(UserErrorCode.TOO_MANY_TRUSTED_PERSONS);
        }
        return Optional.empty();
    }
}
