package ru.ediary.audit;

import org.eclipse.microprofile.graphql.Description;

@Description("A change of access to a child's diary, or a read of it by a trusted person.")
public enum AuditAction {
    INVITATION_SENT,
    INVITATION_ACCEPTED,
    INVITATION_DECLINED,
    INVITATION_CANCELLED,
    INVITATION_EXPIRED,
    INVITATION_FAILED,
    @Description("A trusted person's access to this child was granted by the activation job.")
    ACCESS_GRANTED,
    @Description("Activation skipped this child: the inviter had lost direct access to it.")
    ACCESS_SKIPPED,
    ACCESS_REVOKED,
    ACCESS_RENOUNCED,
    @Description("A trusted person read the diary (at most one event per person, child and day).")
    DIARY_READ
}
