package ru.ediary.trust;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("InvitedChild")
@Description("A child named in an invitation.")
public record InvitedChild(
        @Id @NonNull String id,
        @NonNull String fullName,
        @Description("After activation: GRANTED, or SKIPPED when the inviter had lost access to this child.")
        String outcome) {
}
