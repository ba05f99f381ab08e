package ru.ediary.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A validation or business-rule failure of a mutation. Nothing was changed.")
public record UserError(
        @Description("Path of the input field at fault, e.g. `students[3].email`; empty for the whole input.")
        @NonNull String field,
        @Description("Stable machine-readable code.")
        @NonNull UserErrorCode code,
        @Description("Human-readable message (Russian).")
        @NonNull String message) {

    public static UserError of(String field, UserErrorCode code) {
        return new UserError(field, code, code.message());
    }
}
