package ru.ediary.trust;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("InvitedChild")
@Description("A child named in an invitation.")
public record InvitedChild(
        @Description("The child's id.") @Id @NonNull String id,
        @Description("The child's full name.") @NonNull String fullName,
        @Description("After activation: GRANTED, or SKIPPED when the inviter had lost access to this child; null "
                + "before.")
        String outcome) {
}
