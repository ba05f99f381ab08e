package ru.ediary.trust;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("PendingActivation")
@Description("An invitation the caller accepted, waiting for the activation job.")
public record PendingActivation(
        @Description("The accepted invitation; see receivedInvitations.") @Id @NonNull String invitationId,
        @Description("The service access is given to, e.g. «Электронный дневник».") @NonNull String serviceName,
        @Description("Full name of the parent who sent the invitation.") @NonNull String inviterFullName,
        @Description("Full names of the children the invitation names.")
        @NonNull List<@NonNull String> childrenFullNames,
        @Description("When access is expected to be active (within 24 hours of acceptance).")
        @NonNull Instant expectedActivationAt) {
}
