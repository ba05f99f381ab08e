package ru.ediary.school;

import org.eclipse.microprofile.graphql.Description;

@Description("How a legal representative is related to the student.")
public enum GuardianRelation {
    @Description("Mother.")
    MOTHER,
    @Description("Father.")
    FATHER,
    @Description("Adoptive parent.")
    ADOPTIVE_PARENT,
    @Description("Guardian (опекун).")
    GUARDIAN,
    @Description("Trustee (попечитель).")
    TRUSTEE,
    @Description("Another legal representative.")
    OTHER
}
