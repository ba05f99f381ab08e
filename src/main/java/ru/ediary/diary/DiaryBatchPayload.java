package ru.ediary.diary;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import ru.ediary.api.UserError;

@Type("DiaryBatchPayload")
@Description("Result of upsertDiaryEntries: counts, or every bad row and no change at all.")
public record DiaryBatchPayload(@Description("Entries that were new.") int created,
        @Description("Entries that existed and changed.") int updated,
        @Description("Entries withdrawn by this call.") int withdrawn,
        @Description("Entries sent again unchanged.") int unchanged,
        @Description("Every bad row at once, shape and references alike (an unknown studentExternalId with a bad "
                + "lessonNumber), in input order; at most 100, after a TOO_MANY_ERRORS for the whole input when there "
                + "are more. When not empty, nothing was changed and all counts are 0.")
        @NonNull List<@NonNull UserError> userErrors) {

    static DiaryBatchPayload failed(List<UserError> errors) {
        return new DiaryBatchPayload(0, 0, 0, 0, errors);
    }
}
