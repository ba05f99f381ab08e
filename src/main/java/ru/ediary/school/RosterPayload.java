package ru.ediary.school;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import ru.ediary.api.UserError;

@Type("RosterPayload")
@Description("Result of upsertRoster: what changed, or every bad row and no change at all.")
public record RosterPayload(
        @Description("What changed; null when userErrors is not empty.") RosterSummary summary,
        @Description("Every bad row at once, shape and references alike (a bad phone with an unknown "
                + "classExternalId), classes then students in input order; at most 100, after a TOO_MANY_ERRORS for "
                + "the whole input when there are more. When not empty, nothing was changed.")
        @NonNull List<@NonNull UserError> userErrors) {

    @Type("RosterSummary")
    @Description("Counts of records changed. Sending the same roster again gives all zeros.")
    public record RosterSummary(
            @Description("Classes that were new.") int classesCreated,
            @Description("Classes that existed and changed.") int classesUpdated,
            @Description("Students that were new.") int studentsCreated,
            @Description("Students that existed and changed.") int studentsUpdated,
            @Description("Representatives that were new.") int guardiansCreated,
            @Description("Representatives that existed and changed.") int guardiansUpdated,
            @Description("Representatives this school system sent before and left out now.") int guardiansRemoved) {
    }

    static RosterPayload failed(List<UserError> errors) {
        return new RosterPayload(null, errors);
    }
}
