package ru.ediary.access;

import org.eclipse.microprofile.graphql.Description;

@Description("Why the caller sees a child's diary.")
public enum AccessCapacity {
    @Description("The caller's profile e-mail and phone match a legal-representative record of the child.")
    PARENT,
    @Description("The caller is the student: their profile matches the student's own school-recorded contacts.")
    SELF,
    @Description("A parent invited the caller as a trusted person, and the grant is active.")
    TRUSTED_PERSON
}
