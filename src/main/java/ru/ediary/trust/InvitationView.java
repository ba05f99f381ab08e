package ru.ediary.trust;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("Invitation")
@Description("An invitation, seen by its inviter or its invitee. The other side appears by full name only.")
public record InvitationView(
        @Description("The invitation's id.") @Id @NonNull String id,
        @Description("The service access is given to.") @NonNull Service service,
        @Description("The service's name, e.g. «Электронный дневник».") @NonNull String serviceName,
        @Description("Where the invitation is in its life.") @NonNull InvitationStatus status,
        @Description("The children it names.") @NonNull List<@NonNull InvitedChild> children,
        @Description("The parent who sent it.") @NonNull PersonName inviter,
        @Description("The person invited.") @NonNull PersonName invitee,
        @Description("For the inviter only: the phone or SNILS they typed, masked; null for the invitee.")
        String inviteeIdentifier,
        @Description("When it was sent.") @NonNull Instant createdAt,
        @Description("When it expires unless answered, 30 days after sending.") @NonNull Instant expiresAt,
        @Description("When the invitee accepted it; null until then.") Instant acceptedAt,
        @Description("For an accepted invitation: when access is expected to be active; null otherwise.")
        Instant expectedActivationAt,
        @Description("When it was activated, declined, cancelled, expired or failed; null while open.")
        Instant closedAt) {
}
