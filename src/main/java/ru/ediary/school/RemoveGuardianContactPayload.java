package ru.ediary.school;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import ru.ediary.api.UserError;

@Type("RemoveGuardianContactPayload")
@Description("Result of removeGuardianContact.")
public record RemoveGuardianContactPayload(@Id String removedId, @NonNull List<@NonNull UserError> userErrors) {
}
