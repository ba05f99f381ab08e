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

    @NonNull
    public List<@NonNull @Valid Entry> entries = List.of();

    @Input("DiaryEntryInput")
    public static class Entry {
        @NonNull @NotBlank @Size(max = 64) @SafeText
        public String externalId;

        @NonNull @NotBlank @Size(max = 64) @SafeText
        @Description("The student's external id in this school (as sent with upsertRoster).")
        public String studentExternalId;

        @NonNull @NotNull
        public LocalDate date;

        @Description("Lesson number in the school day, 1–12.")
        public int lessonNumber;

        @NonNull @NotBlank @Size(max = 100) @SafeText
        public String subject;

        @Size(max = 500) @SafeText
        public String topic;

        @Size(max = 4000) @SafeText
        public String homework;

        public Attendance attendance;

        @Size(max = 200) @SafeText
        public String teacherName;

        @NonNull
        public List<@NonNull @Valid MarkInput> marks = List.of();

        @DefaultValue("false")
        @Description("Withdraw this entry: it stays on record and is read by nobody.")
        public boolean withdrawn;
    }

    @Input("MarkInput")
    public static class MarkInput {
        public int value;

        @DefaultValue("1")
        public int weight = 1;

        @NonNull @NotNull
        public MarkKind kind;

        @Size(max = 500) @SafeText
        public String comment;
    }
}
