package ru.ediary.access;

import org.eclipse.microprofile.graphql.Description;

@Description("What the caller can do to get access, or, for a trusted person, what happened to theirs. Stable codes; "
        + "clients may show their own text.")
public enum NextStepCode {
    @Description("The profile has no e-mail, confirmed or waiting for confirmation: fill it in.")
    FILL_EMAIL,
    @Description("The profile has no mobile phone, confirmed or waiting for confirmation: fill it in.")
    FILL_PHONE,
    @Description("The profile's e-mail is not confirmed: enter the code sent to it, or confirm it at the identity "
            + "provider. Only a confirmed e-mail counts for access.")
    CONFIRM_EMAIL,
    @Description("The profile's mobile phone is not confirmed: enter the code sent to it, or confirm it at the "
            + "identity provider. Only a confirmed phone counts for access.")
    CONFIRM_PHONE,
    @Description("Give the class teacher the confirmed e-mail and phone shown in the profile; school data and "
            + "profile must match.")
    GIVE_CONTACTS_TO_CLASS_TEACHER,
    @Description("For a trusted person: access to the children named is suspended while the parent who invited them "
            + "has no access to the diary; it works again by itself when they do. The grant is in "
            + "DiaryAccess.trustedGrants, to renounce it if wanted.")
    TRUSTED_ACCESS_SUSPENDED,
    @Description("For a trusted person: a parent revoked their access to the children named; a new invitation is "
            + "needed.")
    TRUSTED_ACCESS_REVOKED,
    @Description("For a trusted person: they renounced their access to the children named; a new invitation is "
            + "needed.")
    TRUSTED_ACCESS_RENOUNCED,
    @Description("For a trusted person: an invitation to the children named expired before they accepted it; a new "
            + "invitation is needed.")
    INVITATION_EXPIRED,
    @Description("For a trusted person: an accepted invitation to the children named could not be activated, as the "
            + "parent who sent it had no access to the diary then; a new invitation is needed.")
    INVITATION_FAILED
}
