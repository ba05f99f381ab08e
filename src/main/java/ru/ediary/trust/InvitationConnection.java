package ru.ediary.trust;

import java.util.List;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import ru.ediary.api.PageInfo;

@Type("InvitationConnection")
public record InvitationConnection(@NonNull List<@NonNull Edge> edges, @NonNull PageInfo pageInfo) {

    @Type("InvitationEdge")
    public record Edge(@NonNull String cursor, @NonNull InvitationView node) {
    }
}
