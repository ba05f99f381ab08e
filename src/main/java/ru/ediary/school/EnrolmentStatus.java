package ru.ediary.school;

import org.eclipse.microprofile.graphql.Description;

@Description("Whether a student is currently enrolled. A withdrawn student's diary is seen by nobody.")
public enum EnrolmentStatus {
    @Description("Attends the school.")
    ENROLLED,
    @Description("Left the school; kept for the record, visible to no diary reader.")
    WITHDRAWN
}
