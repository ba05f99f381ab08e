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

    /** A field may fail a Bean Validation rule and a cross-row rule at once: name it once, most basic first. */
    public static java.util.List<UserError> onePerField(java.util.List<UserError> errors) {
        java.util.Map<String, UserError> byField = new java.util.TreeMap<>();
        for (UserError error : errors) {
            byField.merge(error.field(), error, (a, b) -> a.code().ordinal() <= b.code().ordinal() ? a : b);
        }
        return new java.util.ArrayList<>(byField.values());
    }
}
