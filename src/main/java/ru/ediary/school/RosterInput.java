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

    @Description("Classes to create or update, up to 500.")
    @NonNull
    public List<@NonNull @Valid ClassRow> classes = List.of();

    @Description("Students to create or update, up to 5000.")
    @NonNull
    public List<@NonNull @Valid StudentRow> students = List.of();

    @Input("RosterClassInput")
    @Description("A class of the school.")
    public static class ClassRow {
        @Description("The school system's key of the class, up to 64 characters.")
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
    @Description("A student with their own contacts and their legal representatives.")
    public static class StudentRow {
        @Description("The school system's key of the student, up to 64 characters.")
        @NonNull @NotBlank @Size(max = 64) @SafeText
        public String externalId;

        @NonNull @NotBlank @Size(max = 64) @SafeText
        @Description("External id of the student's class, in this payload or sent before.")
        public String classExternalId;

        @Description("Surname, up to 100 characters: letters, spaces, hyphens, apostrophes.")
        @NonNull @NotBlank @Size(max = 100) @PersonName
        public String lastName;

        @Description("Given name, up to 100 characters.")
        @NonNull @NotBlank @Size(max = 100) @PersonName
        public String firstName;

        @Description("Patronymic, optional, up to 100 characters.")
        @Size(max = 100) @PersonName
        public String middleName;

        @Description("Date of birth, in the past.")
        @NonNull @NotNull @Past
        public LocalDate birthDate;

        @Description("ENROLLED, or WITHDRAWN for a student who left.")
        @NonNull @NotNull
        public EnrolmentStatus status;

        @Size(max = 254) @SafeText @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+")
        @Description("The student's own e-mail.")
        public String email;

        @Size(max = 32) @MobilePhone
        @Description("The student's own mobile phone.")
        public String phone;

        @Description("The student's legal representatives from this school system, up to 6; they replace the ones "
                + "it sent before.")
        @NonNull
        public List<@NonNull @Valid GuardianRow> guardians = List.of();
    }

    @Input("RosterGuardianInput")
    @Description("A legal representative of a student, as the school system keeps them.")
    public static class GuardianRow {
        @Description("The school system's key of the representative, up to 64 characters.")
        @NonNull @NotBlank @Size(max = 64) @SafeText
        public String externalId;

        @Description("Surname, up to 100 characters: letters, spaces, hyphens, apostrophes.")
        @NonNull @NotBlank @Size(max = 100) @PersonName
        public String lastName;

        @Description("Given name, up to 100 characters.")
        @NonNull @NotBlank @Size(max = 100) @PersonName
        public String firstName;

        @Description("Patronymic, optional, up to 100 characters.")
        @Size(max = 100) @PersonName
        public String middleName;

        @Description("How the representative is related to the student.")
        @NonNull @NotNull
        public GuardianRelation relation;

        @Description("E-mail, up to 254 characters; with the phone it gives the representative direct access.")
        @Size(max = 254) @SafeText @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+")
        public String email;

        @Description("Mobile phone in any usual form; stored in E.164.")
        @Size(max = 32) @MobilePhone
        public String phone;
    }
}
