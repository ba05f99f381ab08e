package ru.ediary.access;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("ChildAccess")
@Description("A diary the caller sees, and why.")
public record ChildAccessView(@Description("The child whose diary the caller sees.") @NonNull ChildView child,
        @Description("Why the caller sees it: as a parent, as the student, or as a trusted person.")
        @NonNull AccessCapacity capacity,
        @Id @Description("For TRUSTED_PERSON: the grant, to renounce it with renounceTrustedAccess.")
        String trustedAccessId) {
}
