package ru.ediary.school;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import ru.ediary.api.UserError;

@Type("RemoveGuardianContactPayload")
@Description("Result of removeGuardianContact.")
public record RemoveGuardianContactPayload(
        @Description("Id of the removed record; null when userErrors is not empty.") @Id String removedId,
        @Description("Why nothing was changed; empty on success.") @NonNull List<@NonNull UserError> userErrors) {
}
