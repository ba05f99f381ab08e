package ru.ediary.account;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import ru.ediary.api.UserError;

@Type("ConfirmContactPayload")
@Description("Result of confirmContact: the profile with the contact now verified, or userErrors and no change "
        + "(except that a wrong code uses up one of the code's attempts).")
public record ConfirmContactPayload(
        @Description("The profile as stored; null when userErrors is not empty.") AccountView account,
        @Description("Why nothing was confirmed; empty on success.") @NonNull List<@NonNull UserError> userErrors) {

    static ConfirmContactPayload ok(AccountView account) {
        return new ConfirmContactPayload(account, List.of());
    }

    static ConfirmContactPayload failed(List<UserError> errors) {
        return new ConfirmContactPayload(null, errors);
    }
}
