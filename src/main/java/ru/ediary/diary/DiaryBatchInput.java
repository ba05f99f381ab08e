package ru.ediary.diary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import ru.ediary.api.validation.SafeText;

@Input("DiaryBatchInput")
@Description("Diary entries from a school system, keyed by its own external ids. Sending the same batch again "
        + "changes nothing; a changed entry is updated in place; `withdrawn: true` withdraws one.")
public class DiaryBatchInput {

    @Description("Up to 1000 entries; each externalId at most once.")
    @NonNull
    public List<@NonNull @Valid Entry> entries = List.of();

    @Input("DiaryEntryInput")
    @Description("One lesson of one student, as the school system keeps it.")
    public static class Entry {
        @Description("The school system's own key of this entry, up to 64 characters; resending it updates the entry.")
        @NonNull @NotBlank @Size(max = 64) @SafeText
        public String externalId;

        @NonNull @NotBlank @Size(max = 64) @SafeText
        @Description("The student's external id in this school (as sent with upsertRoster).")
        public String studentExternalId;

        @Description("Date of the lesson; at most 3 years back and 1 year ahead.")
        @NonNull @NotNull
        public LocalDate date;

        @Description("Lesson number in the school day, 1–12.")
        public int lessonNumber;

        @Description("School subject, up to 100 characters.")
        @NonNull @NotBlank @Size(max = 100) @SafeText
        public String subject;

        @Description("Topic of the lesson, up to 500 characters.")
        @Size(max = 500) @SafeText
        public String topic;

        @Description("Homework set in this lesson, up to 4000 characters.")
        @Size(max = 4000) @SafeText
        public String homework;

        @Description("Whether the student attended; null when not recorded.")
        public Attendance attendance;

        @Description("Full name of the teacher who gave the lesson, up to 200 characters.")
        @Size(max = 200) @SafeText
        public String teacherName;

        @Description("Up to 10 marks given in this lesson; they replace the ones sent before.")
        @NonNull
        public List<@NonNull @Valid MarkInput> marks = List.of();

        @DefaultValue("false")
        @Description("Withdraw this entry: it stays on record and is read by nobody.")
        public boolean withdrawn;
    }

    @Input("MarkInput")
    @Description("A mark given in a lesson.")
    public static class MarkInput {
        @Description("The mark, 1–5.")
        public int value;

        @Description("Weight of the mark in the average, 1–10.")
        @DefaultValue("1")
        public int weight = 1;

        @Description("What the mark was given for.")
        @NonNull @NotNull
        public MarkKind kind;

        @Description("The teacher's comment, up to 500 characters.")
        @Size(max = 500) @SafeText
        public String comment;
    }
}
