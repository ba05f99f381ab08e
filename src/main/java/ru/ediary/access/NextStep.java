package ru.ediary.access;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("NextStep")
@Description("One step towards direct access, in the order to take them.")
public record NextStep(
        @Description("Stable code of the step, for clients that show their own text.") @NonNull NextStepCode code,
        @Description("What to do, in Russian.") @NonNull String message) {
}
