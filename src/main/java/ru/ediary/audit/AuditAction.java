package ru.ediary.audit;

import org.eclipse.microprofile.graphql.Description;

@Description("A change of access to a child's diary, or a read of it by a trusted person.")
public enum AuditAction {
    @Description("A parent sent an invitation naming this child.")
    INVITATION_SENT,
    @Description("The invitee accepted the invitation.")
    INVITATION_ACCEPTED,
    @Description("The invitee declined the invitation.")
    INVITATION_DECLINED,
    @Description("The inviter withdrew the invitation.")
    INVITATION_CANCELLED,
    @Description("The invitation expired unanswered.")
    INVITATION_EXPIRED,
    @Description("Activation failed: the inviter had lost direct access to every child.")
    INVITATION_FAILED,
    @Description("A trusted person's access to this child was granted by the activation job.")
    ACCESS_GRANTED,
    @Description("Activation skipped this child: the inviter had lost direct access to it.")
    ACCESS_SKIPPED,
    @Description("A parent revoked the trusted person's access.")
    ACCESS_REVOKED,
    @Description("The trusted person gave up their access.")
    ACCESS_RENOUNCED,
    @Description("The trusted person's access stopped working: the inviting parent lost direct access to the child.")
    ACCESS_SUSPENDED,
    @Description("The trusted person's suspended access works again: the inviting parent has direct access again.")
    ACCESS_RESUMED,
    @Description("A trusted person read the diary (at most one event per person, child and day).")
    DIARY_READ
}
