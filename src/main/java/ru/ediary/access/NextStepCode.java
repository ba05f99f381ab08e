package ru.ediary.access;

import org.eclipse.microprofile.graphql.Description;

@Description("What the caller can do to get direct access. Stable codes; clients may show their own text.")
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
    GIVE_CONTACTS_TO_CLASS_TEACHER
}
