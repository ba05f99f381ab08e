package ru.ediary.diary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import ru.ediary.api.validation.SafeText;

@Input("LessonGroupBatchInput")
@Description("Groups of classes from a school system (half the class for English, an elective), keyed by its own "
        + "ids; a group's pupils are replaced by the ones sent. Sending the same batch again changes nothing.")
public class LessonGroupBatchInput {

    @Description("Up to 500 groups; each externalId at most once.")
    @NonNull
    public List<@NonNull @Valid Group> groups = List.of();

    @Input("LessonGroupInput")
    @Description("One group of pupils of one class.")
    public static class Group {
        @Description("The school system's own key of the group, up to 64 characters, unique within the school.")
        @NonNull @NotBlank @Size(max = 64) @SafeText
        public String externalId;

        @Description("The class's external id in this school; every pupil of the group is in it.")
        @NonNull @NotBlank @Size(max = 64) @SafeText
        public String classExternalId;

        @Description("Name of the group, up to 100 characters, e.g. «Английский язык, группа 1».")
        @NonNull @NotBlank @Size(max = 100) @SafeText
        public String name;

        @Description("External ids of the group's pupils, up to 60, each at most once.")
        @NonNull
        public List<@NonNull @NotBlank @Size(max = 64) String> studentExternalIds = List.of();
    }
}
