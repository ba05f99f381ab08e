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

@Input("LessonBatchInput")
@Description("Lessons from a school system, each sent once for its class or group with the pupils' attendance and "
        + "marks inside it, keyed by the system's own lesson ids. Sending the same batch again changes nothing; a "
        + "changed lesson is updated in place; `withdrawn: true` withdraws one.")
public class LessonBatchInput {

    @Description("Up to 200 lessons; each externalId at most once.")
    @NonNull
    public List<@NonNull @Valid Lesson> lessons = List.of();

    @Input("LessonInput")
    @Description("One lesson of a class or of a group of it, as the school system keeps it.")
    public static class Lesson {
        @Description("The school system's own key of this lesson, up to 64 characters, unique within the school and "
                + "school year; resending it updates the lesson.")
        @NonNull @NotBlank @Size(max = 64) @SafeText
        public String externalId;

        @Description("The class's external id in this school (as sent with upsertRoster).")
        @NonNull @NotBlank @Size(max = 64) @SafeText
        public String classExternalId;

        @Description("The group's external id (as sent with upsertLessonGroups) when the lesson is a group's; null "
                + "when it is the whole class's.")
        @Size(max = 64) @SafeText
        public String groupExternalId;

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

        @Description("Full name of the teacher who gave the lesson, up to 200 characters.")
        @Size(max = 200) @SafeText
        public String teacherName;

        @DefaultValue("false")
        @Description("Attendance was taken: every pupil of the lesson not listed in `pupils` with another attendance "
                + "was PRESENT. False: attendance is known only for the pupils listed with one.")
        public boolean attendanceTaken;

        @Description("Up to 60 pupils with attendance or marks of their own in this lesson, each at most once; "
                + "together they replace what was sent before for this lesson (a pupil left out has no marks).")
        @NonNull @NotNull
        @DefaultValue("[]")
        public List<@NonNull @Valid Pupil> pupils = List.of();

        @DefaultValue("false")
        @Description("Withdraw this lesson: it stays on record and is read by nobody.")
        public boolean withdrawn;
    }

    @Input("LessonPupilInput")
    @Description("What one pupil has of their own in a lesson.")
    public static class Pupil {
        @Description("The student's external id in this school; a pupil of the lesson's class (of its group, for a "
                + "group's lesson).")
        @NonNull @NotBlank @Size(max = 64) @SafeText
        public String studentExternalId;

        @Description("Whether the pupil attended; null: PRESENT when attendance was taken, not recorded otherwise.")
        public Attendance attendance;

        @Description("Up to 10 marks given to the pupil in this lesson, in order.")
        @NonNull @NotNull
        @DefaultValue("[]")
        public List<DiaryBatchInput.@NonNull @Valid MarkInput> marks = List.of();
    }
}
