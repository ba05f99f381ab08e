package ru.ediary.trust;

import java.time.Instant;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("TrustedAccess")
@Description("One trusted person's access to one child's diary.")
public record TrustedAccessView(
        @Description("The access's id, for revokeTrustedAccess or renounceTrustedAccess.") @Id @NonNull String id,
        @Description("The trusted person.") @NonNull PersonName trustedPerson,
        @Description("The child whose diary it opens.") @Id @NonNull String childId,
        @Description("The child's full name.") @NonNull String childFullName,
        @Description("The service it gives access to.") @NonNull Service service,
        @Description("Whether it works now.") @NonNull TrustedAccessStatus status,
        @Description("The parent whose invitation granted it.") @NonNull PersonName invitedBy,
        @Description("When the activation job granted it.") @NonNull Instant grantedAt,
        @Description("When it was revoked or renounced; null while not REVOKED.") Instant revokedAt) {
}
