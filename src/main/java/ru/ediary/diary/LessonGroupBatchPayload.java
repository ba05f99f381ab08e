package ru.ediary.diary;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import ru.ediary.api.UserError;

@Type("LessonGroupBatchPayload")
@Description("Result of upsertLessonGroups: counts, or every bad row and no change at all.")
public record LessonGroupBatchPayload(@Description("Groups that were new.") int created,
        @Description("Groups that existed and changed (name, class or pupils).") int updated,
        @Description("Groups sent again unchanged.") int unchanged,
        @Description("Every bad row; when not empty, nothing was changed and all counts are 0.")
        @NonNull List<@NonNull UserError> userErrors) {

    static LessonGroupBatchPayload failed(List<UserError> errors) {
        return new LessonGroupBatchPayload(0, 0, 0, errors);
    }
}
