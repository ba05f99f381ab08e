package ru.ediary.diary;

import java.time.LocalDate;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

public final class ChildDiaryView {

    private ChildDiaryView() {
    }

    @Type("RecentMark")
    @Description("A recent mark of a child.")
    public record RecentMark(@NonNull LocalDate date, @NonNull String subject, int value, int weight,
            @NonNull MarkKind kind, String comment) {
    }

    @Type("Homework")
    @Description("Homework set for a lesson this week.")
    public record Homework(@NonNull LocalDate date, int lessonNumber, @NonNull String subject, @NonNull String text) {
    }
}
