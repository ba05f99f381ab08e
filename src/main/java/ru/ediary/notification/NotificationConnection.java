package ru.ediary.notification;

import java.util.List;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import ru.ediary.api.PageInfo;

@Type("NotificationConnection")
public record NotificationConnection(@NonNull List<@NonNull Edge> edges, @NonNull PageInfo pageInfo) {

    @Type("NotificationEdge")
    public record Edge(@NonNull String cursor, @NonNull NotificationView node) {
    }
}
