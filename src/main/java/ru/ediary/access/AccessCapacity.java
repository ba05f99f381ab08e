package ru.ediary.access;

import org.eclipse.microprofile.graphql.Description;

@Description("Why the caller sees a child's diary.")
public enum AccessCapacity {
    @Description("The caller's verified e-mail and verified phone match a legal-representative record of the child.")
    PARENT,
    @Description("The caller is the student: their verified e-mail and phone match the student's own school-recorded contacts.")
    SELF,
    @Description("A parent invited the caller as a trusted person, and the grant is active.")
    TRUSTED_PERSON
}
