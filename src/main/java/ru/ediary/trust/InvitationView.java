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
        @Id @NonNull String id,
        @NonNull Service service,
        @Description("The service's name, e.g. «Электронный дневник».") @NonNull String serviceName,
        @NonNull InvitationStatus status,
        @NonNull List<@NonNull InvitedChild> children,
        @NonNull PersonName inviter,
        @NonNull PersonName invitee,
        @Description("For the inviter only: the phone or SNILS they typed, masked.") String inviteeIdentifier,
        @NonNull Instant createdAt,
        @NonNull Instant expiresAt,
        Instant acceptedAt,
        @Description("For an accepted invitation: when access is expected to be active.") Instant expectedActivationAt,
        @Description("When it was activated, declined, cancelled, expired or failed.") Instant closedAt) {
}
