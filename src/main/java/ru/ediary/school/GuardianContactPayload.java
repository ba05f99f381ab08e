package ru.ediary.school;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import ru.ediary.api.UserError;

@Type("GuardianContactPayload")
@Description("Result of recordGuardianContact.")
public record GuardianContactPayload(
        @Description("The record as stored; null when userErrors is not empty.") GuardianContactView contact,
        @Description("Why nothing was changed; empty on success.") @NonNull List<@NonNull UserError> userErrors) {

    static GuardianContactPayload failed(List<UserError> errors) {
        return new GuardianContactPayload(null, errors);
    }
}
