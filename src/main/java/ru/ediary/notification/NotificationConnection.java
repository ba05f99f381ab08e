package ru.ediary.notification;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import ru.ediary.api.PageInfo;

@Type("NotificationConnection")
@Description("A page of the caller's notifications, newest first (Relay connection).")
public record NotificationConnection(@Description("The notifications of this page.") @NonNull List<@NonNull Edge> edges,
        @Description("Whether more follow, and the cursor to ask for them.") @NonNull PageInfo pageInfo) {

    @Type("NotificationEdge")
    @Description("A notification with its cursor.")
    public record Edge(
            @Description("Opaque position of this notification; pass it as `after` to continue after it.")
            @NonNull String cursor,
            @Description("The notification.") @NonNull NotificationView node) {
    }
}
