package ru.ediary.notification;

import java.time.Instant;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("Notification")
@Description("A message in the caller's notification centre.")
public record NotificationView(
        @Description("The notification's id, for markNotificationsRead.") @Id @NonNull String id,
        @Description("What it is about, for clients that show their own text.") @NonNull NotificationKind kind,
        @Description("Short title, in Russian.") @NonNull String title,
        @Description("The message, in Russian; other people appear by full name only.") @NonNull String body,
        @Id @Description("The invitation it is about, if any (see receivedInvitations).") String invitationId,
        @Id @Description("The child it is about, if any.") String childId,
        @Description("When it was stored.") @NonNull Instant createdAt,
        @Description("Whether the caller marked it read.") boolean read) {

    static NotificationView of(Notification n) {
        return new NotificationView(n.id.toString(), n.kind, n.title, n.body,
                n.invitationId == null ? null : n.invitationId.toString(),
                n.studentId == null ? null : n.studentId.toString(), n.createdAt, n.readAt != null);
    }
}
