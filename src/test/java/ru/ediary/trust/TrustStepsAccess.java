package ru.ediary.trust;

import java.util.UUID;
import ru.ediary.test.Fixtures.Person;

/** The trusted-person steps for tests in other packages. */
public final class TrustStepsAccess {

    private TrustStepsAccess() {
    }

    public static String invite(Person parent, Person invitee, UUID... children) {
        return TrustSteps.invite(parent, invitee, children);
    }

    public static String accept(Person invitee, String invitationId) {
        return TrustSteps.accept(invitee, invitationId);
    }
}
