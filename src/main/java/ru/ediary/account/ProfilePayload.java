package ru.ediary.account;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import ru.ediary.api.UserError;

@Type("ProfilePayload")
@Description("Result of updateMyProfile: the profile as stored, or userErrors and no change.")
public record ProfilePayload(
        @Description("The profile as stored; null when userErrors is not empty.") AccountView account,
        @Description("Why nothing was changed; empty on success.") @NonNull List<@NonNull UserError> userErrors) {

    static ProfilePayload ok(AccountView account) {
        return new ProfilePayload(account, List.of());
    }

    static ProfilePayload failed(List<UserError> errors) {
        return new ProfilePayload(null, errors);
    }
}
