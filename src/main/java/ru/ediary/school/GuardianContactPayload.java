package ru.ediary.school;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import ru.ediary.api.UserError;

@Type("GuardianContactPayload")
@Description("Result of recordGuardianContact.")
public record GuardianContactPayload(GuardianContactView contact, @NonNull List<@NonNull UserError> userErrors) {

    static GuardianContactPayload failed(List<UserError> errors) {
        return new GuardianContactPayload(null, errors);
    }
}
