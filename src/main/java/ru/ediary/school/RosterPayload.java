package ru.ediary.school;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import ru.ediary.api.UserError;

@Type("RosterPayload")
@Description("Result of upsertRoster: what changed, or every bad row and no change at all.")
public record RosterPayload(RosterSummary summary, @NonNull List<@NonNull UserError> userErrors) {

    @Type("RosterSummary")
    @Description("Counts of records changed. Sending the same roster again gives all zeros.")
    public record RosterSummary(int classesCreated, int classesUpdated, int studentsCreated, int studentsUpdated,
            int guardiansCreated, int guardiansUpdated, int guardiansRemoved) {
    }

    static RosterPayload failed(List<UserError> errors) {
        return new RosterPayload(null, errors);
    }
}
