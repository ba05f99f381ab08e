package ru.ediary.diary;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import ru.ediary.api.UserError;

@Type("DiaryBatchPayload")
@Description("Result of upsertDiaryEntries: counts, or every bad row and no change at all.")
public record DiaryBatchPayload(int created, int updated, int withdrawn, int unchanged,
        @NonNull List<@NonNull UserError> userErrors) {

    static DiaryBatchPayload failed(List<UserError> errors) {
        return new DiaryBatchPayload(0, 0, 0, 0, errors);
    }
}
