package ru.ediary.diary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import ru.ediary.api.PageInfo;

@Type("DiaryEntry")
@Description("One lesson in a child's diary.")
public record DiaryEntryView(
        @Description("The lesson's id (the same for every pupil of the lesson).") @Id @NonNull String id,
        @Description("Date of the lesson.") @NonNull LocalDate date,
        @Description("Lesson number in the school day, 1–12.") int lessonNumber,
        @Description("School subject, as the school names it.") @NonNull String subject,
        @Description("Topic of the lesson; null when not given.") String topic,
        @Description("Homework set in this lesson; null when none.") String homework,
        @Description("Whether the student attended; null when not recorded.") Attendance attendance,
        @Description("Full name of the teacher who gave the lesson; null when not given.") String teacherName,
        @Description("Marks the student got in this lesson, in the order given.")
        @NonNull List<@NonNull MarkView> marks,
        @Description("When the school last changed the lesson or this pupil's attendance or marks in it.") @NonNull Instant changedAt) {

    @Type("Mark")
    @Description("A mark, 1–5.")
    public record MarkView(@Description("The mark, 1–5.") int value,
            @Description("Weight of the mark in the average, 1–10.") int weight,
            @Description("What the mark was given for.") @NonNull MarkKind kind,
            @Description("The teacher's comment; null when none.") String comment) {
    }

    @Type("DiaryConnection")
    @Description("A page of a child's lessons, oldest first (Relay connection).")
    public record Connection(@Description("The lessons of this page.") @NonNull List<@NonNull Edge> edges,
            @Description("Whether more follow, and the cursor to ask for them.") @NonNull PageInfo pageInfo) {
    }

    @Type("DiaryEdge")
    @Description("A lesson with its cursor.")
    public record Edge(
            @Description("Opaque position of this lesson; pass it as `after` to continue after it.")
            @NonNull String cursor,
            @Description("The lesson.") @NonNull DiaryEntryView node) {
    }
}
