package ru.ediary.access;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("NextStep")
@Description("One step towards access, in the order to take them; for a trusted person, what happened to their access.")
public record NextStep(
        @Description("Stable code of the step, for clients that show their own text.") @NonNull NextStepCode code,
        @Description("What to do, in Russian.") @NonNull String message,
        @Description("Full names of the children a trusted person's step is about (also in the message); empty for "
                + "the steps towards direct access.")
        @NonNull List<@NonNull String> childrenFullNames) {

    NextStep(NextStepCode code, String message) {
        this(code, message, List.of());
    }
}
