package ru.ediary.access;

import org.eclipse.microprofile.graphql.Description;

@Description("What the caller can do to get direct access. Stable codes; clients may show their own text.")
public enum NextStepCode {
    @Description("The profile has no e-mail: fill it in.")
    FILL_EMAIL,
    @Description("The profile has no mobile phone: fill it in.")
    FILL_PHONE,
    @Description("Give the class teacher the e-mail and phone shown in the profile; school data and profile must match.")
    GIVE_CONTACTS_TO_CLASS_TEACHER
}
