package ru.ediary.school;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import ru.ediary.api.validation.MobilePhone;
import ru.ediary.api.validation.PersonName;
import ru.ediary.api.validation.SafeText;
import ru.ediary.api.validation.Snils;

@Input("RosterInput")
@Description("A school system's classes, students and legal-representative contacts, keyed by its own external "
        + "ids. Records are created or updated in place; students not listed are left as they are (withdraw one "
        + "with status WITHDRAWN). For each listed student the guardians listed replace the ones this school "
        + "system sent before; contacts a class teacher recorded are kept.")
public class RosterInput {

    @NonNull
    public List<@NonNull @Valid ClassRow> classes = List.of();

    @NonNull
    public List<@NonNull @Valid StudentRow> students = List.of();

    @Input("RosterClassInput")
    public static class ClassRow {
        @NonNull @NotBlank @Size(max = 64) @SafeText
        public String externalId;

        @NonNull @NotBlank @Size(max = 10) @SafeText
        @Description("Class name, e.g. \"5А\".")
        public String name;

        @Size(max = 20) @Snils
        @Description("SNILS of the class teacher; their account with this SNILS leads the class.")
        public String teacherSnils;
    }

    @Input("RosterStudentInput")
    public static class StudentRow {
        @NonNull @NotBlank @Size(max = 64) @SafeText
        public String externalId;

        @NonNull @NotBlank @Size(max = 64) @SafeText
        @Description("External id of the student's class, in this payload or sent before.")
        public String classExternalId;

        @NonNull @NotBlank @Size(max = 100) @PersonName
        public String lastName;

        @NonNull @NotBlank @Size(max = 100) @PersonName
        public String firstName;

        @Size(max = 100) @PersonName
        public String middleName;

        @NonNull @NotNull @Past
        public LocalDate birthDate;

        @NonNull @NotNull
        public EnrolmentStatus status;

        @Size(max = 254) @SafeText @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+")
        @Description("The student's own e-mail.")
        public String email;

        @Size(max = 32) @MobilePhone
        @Description("The student's own mobile phone.")
        public String phone;

        @NonNull
        public List<@NonNull @Valid GuardianRow> guardians = List.of();
    }

    @Input("RosterGuardianInput")
    public static class GuardianRow {
        @NonNull @NotBlank @Size(max = 64) @SafeText
        public String externalId;

        @NonNull @NotBlank @Size(max = 100) @PersonName
        public String lastName;

        @NonNull @NotBlank @Size(max = 100) @PersonName
        public String firstName;

        @Size(max = 100) @PersonName
        public String middleName;

        @NonNull @NotNull
        public GuardianRelation relation;

        @Size(max = 254) @SafeText @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+")
        public String email;

        @Size(max = 32) @MobilePhone
        public String phone;
    }
}
