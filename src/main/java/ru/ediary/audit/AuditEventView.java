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
        @Id @NonNull String id,
        @NonNull Instant occurredAt,
        @NonNull AuditAction action,
        @Description("Who acted; null when the activation job did.") String actorFullName,
        @Description("The trusted person the event is about.") String trustedPersonFullName,
        @Id String invitationId) {

    @Type("AuditEventConnection")
    public record Connection(@NonNull List<@NonNull Edge> edges, @NonNull PageInfo pageInfo) {
    }

    @Type("AuditEventEdge")
    public record Edge(@NonNull String cursor, @NonNull AuditEventView node) {
    }
}
