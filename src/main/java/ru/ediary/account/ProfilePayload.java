package ru.ediary.account;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import ru.ediary.api.UserError;

@Type("ProfilePayload")
@Description("Result of updateMyProfile: the profile as stored, or userErrors and no change. One exception: when a "
        + "confirmation code could not be sent (DELIVERY_FAILED), the rest of the input is saved and returned in "
        + "account, and only that e-mail or phone is not pending.")
public record ProfilePayload(
        @Description("The profile as stored; null when userErrors is not empty, except with DELIVERY_FAILED.")
        AccountView account,
        @Description("Why nothing (or, with DELIVERY_FAILED, that contact) was changed; empty on success.")
        @NonNull List<@NonNull UserError> userErrors) {

    static ProfilePayload ok(AccountView account) {
        return new ProfilePayload(account, List.of());
    }

    static ProfilePayload failed(List<UserError> errors) {
        return new ProfilePayload(null, errors);
    }

    /** Saved, but some codes could not be sent. */
    static ProfilePayload undelivered(AccountView account, List<UserError> errors) {
        return new ProfilePayload(account, errors);
    }
}
