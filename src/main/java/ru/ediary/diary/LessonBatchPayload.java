package ru.ediary.diary;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import ru.ediary.api.UserError;

@Type("LessonBatchPayload")
@Description("Result of upsertLessons: counts of lessons, or every bad row and no change at all.")
public record LessonBatchPayload(@Description("Lessons that were new.") int created,
        @Description("Lessons that existed and changed (the lesson, or a pupil's attendance or marks in it).") int updated,
        @Description("Lessons withdrawn by this call.") int withdrawn,
        @Description("Lessons sent again unchanged.") int unchanged,
        @Description("Every bad row; when not empty, nothing was changed and all counts are 0.")
        @NonNull List<@NonNull UserError> userErrors) {

    static LessonBatchPayload failed(List<UserError> errors) {
        return new LessonBatchPayload(0, 0, 0, 0, errors);
    }
}
