package ru.ediary.trust;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import ru.ediary.api.PageInfo;

@Type("InvitationConnection")
@Description("A page of invitations, newest first (Relay connection).")
public record InvitationConnection(@Description("The invitations of this page.") @NonNull List<@NonNull Edge> edges,
        @Description("Whether more follow, and the cursor to ask for them.") @NonNull PageInfo pageInfo) {

    @Type("InvitationEdge")
    @Description("An invitation with its cursor.")
    public record Edge(
            @Description("Opaque position of this invitation; pass it as `after` to continue after it.")
            @NonNull String cursor,
            @Description("The invitation.") @NonNull InvitationView node) {
    }
}
