package ru.ediary.notification;

import org.eclipse.microprofile.graphql.Description;

@Description("What a notification is about.")
public enum NotificationKind {
    @Description("Someone invited you to be a trusted person.")
    INVITATION_RECEIVED,
    @Description("Your invitation was accepted.")
    INVITATION_ACCEPTED,
    @Description("Your invitation was declined.")
    INVITATION_DECLINED,
    @Description("An invitation to you was withdrawn.")
    INVITATION_CANCELLED,
    @Description("Access from an invitation is now active.")
    INVITATION_ACTIVATED,
    @Description("An invitation expired unanswered.")
    INVITATION_EXPIRED,
    @Description("An invitation could not be activated: the inviter had lost access to every child.")
    INVITATION_FAILED,
    @Description("A parent revoked a trusted person's access.")
    ACCESS_REVOKED,
    @Description("A trusted person gave up their access.")
    ACCESS_RENOUNCED,
    @Description("A trusted person's access is suspended: the inviting parent has no direct access to the child now. "
            + "Sent to the trusted person and to the inviting parent, once per change.")
    ACCESS_SUSPENDED,
    @Description("A suspended trusted person's access works again: the inviting parent has direct access again. "
            + "Sent to the trusted person and to the inviting parent, once per change.")
    ACCESS_RESUMED,
    @Description("For parents: someone gained access to your child's diary.")
    CHILD_ACCESS_GAINED,
    @Description("For parents: someone lost access to your child's diary.")
    CHILD_ACCESS_LOST
}
