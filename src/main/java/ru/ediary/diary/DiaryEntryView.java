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
        @Id @NonNull String id,
        @NonNull LocalDate date,
        @Description("Lesson number in the school day, 1–12.") int lessonNumber,
        @NonNull String subject,
        String topic,
        String homework,
        Attendance attendance,
        String teacherName,
        @NonNull List<@NonNull MarkView> marks,
        @Description("When the school last changed it.") @NonNull Instant changedAt) {

    @Type("Mark")
    @Description("A mark, 1–5.")
    public record MarkView(int value, int weight, @NonNull MarkKind kind, String comment) {

        static MarkView of(Mark mark) {
            return new MarkView(mark.value, mark.weight, mark.kind, mark.comment);
        }
    }

    @Type("DiaryConnection")
    public record Connection(@NonNull List<@NonNull Edge> edges, @NonNull PageInfo pageInfo) {
    }

    @Type("DiaryEdge")
    public record Edge(@NonNull String cursor, @NonNull DiaryEntryView node) {
    }

    static DiaryEntryView of(DiaryEntry entry) {
        return new DiaryEntryView(entry.id.toString(), entry.lessonDate, entry.lessonNumber, entry.subject, entry.topic,
                entry.homework, entry.attendance, entry.teacherName, entry.marks.stream().map(MarkView::of).toList(),
                entry.changedAt);
    }
}
