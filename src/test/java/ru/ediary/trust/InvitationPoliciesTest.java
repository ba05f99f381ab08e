package ru.ediary.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import ru.ediary.api.UserErrorCode;

/** Brief rule 4's data refusals as plain rules: each refuses with its code, and lets through otherwise. */
class InvitationPoliciesTest {

    private static final UUID ME = UUID.randomUUID();
    private static final int LIMIT = 3;

    private record Facts(boolean inviteeSeesDirectly, boolean inviteeAlreadyTrusted, boolean inviteeAlreadyInvited,
            long trustedOrInvited) implements InvitationPolicies.ChildFacts {
    }

    private static final Facts FREE = new Facts(false, false, false, 0);

    @Test
    void anUnknownInviteeIsNotFound() {
        assertEquals(Optional.of(UserErrorCode.INVITEE_NOT_FOUND), InvitationPolicies.inviteeRefusal(ME, null));
    }

    @Test
    void nobodyInvitesThemselves() {
        assertEquals(Optional.of(UserErrorCode.CANNOT_INVITE_SELF), InvitationPolicies.inviteeRefusal(ME, ME));
    }

    @Test
    void anotherRegisteredPersonMayBeInvited() {
        assertEquals(Optional.empty(), InvitationPolicies.inviteeRefusal(ME, UUID.randomUUID()));
    }

    @Test
    void aChildNobodyElseReadsMayBeOffered() {
        assertEquals(Optional.empty(), InvitationPolicies.childRefusal(FREE, LIMIT));
        assertEquals(Optional.empty(), InvitationPolicies.childRefusal(new Facts(false, false, false, LIMIT - 1), LIMIT));
    }

    @Test
    void whoSeesTheChildDirectlyIsNotInvited() {
        assertEquals(Optional.of(UserErrorCode.ALREADY_HAS_ACCESS),
                InvitationPolicies.childRefusal(new Facts(true, true, true, LIMIT), LIMIT));
    }

    @Test
    void aTrustedPersonIsNotTrustedTwice() {
        assertEquals(Optional.of(UserErrorCode.ALREADY_TRUSTED),
                InvitationPolicies.childRefusal(new Facts(false, true, true, LIMIT), LIMIT));
    }

    @Test
    void anOpenInvitationIsNotSentTwice() {
        assertEquals(Optional.of(UserErrorCode.ALREADY_INVITED),
                InvitationPolicies.childRefusal(new Facts(false, false, true, LIMIT), LIMIT));
    }

    @Test
    void grantsAndOpenInvitationsTogetherStopAtTheLimit() {
        assertEquals(Optional.of(UserErrorCode.TOO_MANY_TRUSTED_PERSONS),
                InvitationPolicies.childRefusal(new Facts(false, false, false, LIMIT), LIMIT));
    }
}
