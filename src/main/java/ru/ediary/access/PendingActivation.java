package ru.ediary.access;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("PendingActivation")
@Description("An invitation the caller accepted, waiting for the activation job.")
public record PendingActivation(
        @Id @NonNull String invitationId,
        @NonNull String serviceName,
        @NonNull String inviterFullName,
        @NonNull List<@NonNull String> childrenFullNames,
        @Description("When access is expected to be active (within 24 hours of acceptance).")
        @NonNull Instant expectedActivationAt) {
}
