package ru.ediary.trust;

import java.time.Instant;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("TrustedAccess")
@Description("One trusted person's access to one child's diary.")
public record TrustedAccessView(
        @Id @NonNull String id,
        @NonNull PersonName trustedPerson,
        @Id @NonNull String childId,
        @NonNull String childFullName,
        @NonNull Service service,
        @NonNull TrustedAccessStatus status,
        @Description("The parent whose invitation granted it.") @NonNull PersonName invitedBy,
        @NonNull Instant grantedAt,
        Instant revokedAt) {
}
