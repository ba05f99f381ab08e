package ru.ediary.school;

import org.eclipse.microprofile.graphql.Description;

@Description("How a legal representative is related to the student.")
public enum GuardianRelation {
    MOTHER,
    FATHER,
    ADOPTIVE_PARENT,
    GUARDIAN,
    TRUSTEE,
    @Description("Another legal representative.")
    OTHER
}
