package ru.ediary.trust;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import ru.ediary.api.UserError;

@Type("InvitationPayload")
@Description("Result of sending, accepting, declining or cancelling an invitation. With userErrors nothing "
        + "changed; the invitation, when present, shows its current state.")
public record InvitationPayload(
        @Description("The invitation in its current state; null when there is none to show.") InvitationView invitation,
        @Description("Why nothing was changed; empty on success.") @NonNull List<@NonNull UserError> userErrors) {

    static InvitationPayload ok(InvitationView invitation) {
        return new InvitationPayload(invitation, List.of());
    }

    static InvitationPayload failed(List<UserError> errors) {
        return new InvitationPayload(null, errors);
    }
}
