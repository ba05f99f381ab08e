package ru.ediary.trust;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import ru.ediary.api.UserError;

@Type("InvitationPayload")
@Description("Result of sending, accepting, declining or cancelling an invitation. With userErrors nothing "
        + "changed; the invitation, when present, shows its current state.")
public record InvitationPayload(InvitationView invitation, @NonNull List<@NonNull UserError> userErrors) {

    static InvitationPayload ok(InvitationView invitation) {
        return new InvitationPayload(invitation, List.of());
    }

    static InvitationPayload failed(List<UserError> errors) {
        return new InvitationPayload(null, errors);
    }
}
