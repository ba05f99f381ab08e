package ru.ediary.trust;

import org.eclipse.microprofile.graphql.Description;

@Description("Where an invitation is in its life: PENDING → ACCEPTED → ACTIVATED; PENDING → DECLINED, CANCELLED "
        + "or EXPIRED; ACCEPTED → CANCELLED; ACCEPTED → FAILED when the inviter had lost access to every child.")
public enum InvitationStatus {
    @Description("Sent; waiting for the invitee's answer.")
    PENDING,
    @Description("Accepted by the invitee; access follows within 24 hours.")
    ACCEPTED,
    @Description("Access granted for every child the inviter still had access to.")
    ACTIVATED,
    @Description("Declined by the invitee.")
    DECLINED,
    @Description("Withdrawn by the inviter.")
    CANCELLED,
    @Description("Not answered in time.")
    EXPIRED,
    @Description("At activation the inviter had lost direct access to every child.")
    FAILED;

    public boolean isOpen() {
        return this == PENDING || this == ACCEPTED;
    }
}
