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
    public record RecentMark(@Description("Date of the lesson the mark was given in.") @NonNull LocalDate date,
            @Description("School subject, as the school names it.") @NonNull String subject,
            @Description("The mark, 1–5.") int value,
            @Description("Weight of the mark in the average, 1–10.") int weight,
            @Description("What the mark was given for.") @NonNull MarkKind kind,
            @Description("The teacher's comment; null when none.") String comment) {
    }

    @Type("Homework")
    @Description("Homework set for a lesson this week.")
    public record Homework(@Description("Date of the lesson.") @NonNull LocalDate date,
            @Description("Lesson number in the school day, 1–12.") int lessonNumber,
            @Description("School subject.") @NonNull String subject,
            @Description("The homework as the school wrote it.") @NonNull String text) {
    }
}
