package ru.ediary.audit;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import ru.ediary.api.PageInfo;

@Type("AuditEvent")
@Description("A change of access to a child's diary, or a trusted person's read of it.")
public record AuditEventView(
        @Description("The event's id.") @Id @NonNull String id,
        @Description("When it happened.") @NonNull Instant occurredAt,
        @Description("What happened.") @NonNull AuditAction action,
        @Description("Who acted; null when the activation job did.") String actorFullName,
        @Description("The trusted person the event is about.") String trustedPersonFullName,
        @Description("The invitation the event belongs to; null for events without one, e.g. revocations.")
        @Id String invitationId) {

    @Type("AuditEventConnection")
    @Description("A page of audit events, newest first (Relay connection).")
    public record Connection(@Description("The events of this page.") @NonNull List<@NonNull Edge> edges,
            @Description("Whether more follow, and the cursor to ask for them.") @NonNull PageInfo pageInfo) {
    }

    @Type("AuditEventEdge")
    @Description("An audit event with its cursor.")
    public record Edge(
            @Description("Opaque position of this event; pass it as `after` to continue after it.")
            @NonNull String cursor,
            @Description("The event.") @NonNull AuditEventView node) {
    }
}
