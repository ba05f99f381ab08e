package ru.ediary.school;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import ru.ediary.api.validation.Emails;
import ru.ediary.api.validation.PhoneNumbers;

@Type("StudentRecord")
@Description("A student as the school keeps them, for the class teacher and the school system.")
public record StudentRecordView(
        @Description("The student's id; the same as Child.id.") @Id @NonNull String id,
        @Description("The school system's key of the student.") @NonNull String externalId,
        @Description("Surname.") @NonNull String lastName,
        @Description("Given name.") @NonNull String firstName,
        @Description("Patronymic; null when none was recorded.") String middleName,
        @Description("Surname, given name and patronymic.") @NonNull String fullName,
        @Description("Date of birth.") @NonNull LocalDate birthDate,
        @Description("Whether the student still attends the school.") @NonNull EnrolmentStatus status,
        @Description("The student's own e-mail as recorded, masked; null when none.") String maskedEmail,
        @Description("The student's own phone as recorded, masked; null when none.") String maskedPhone,
        @Description("Legal representatives recorded for the student.")
        @NonNull List<@NonNull GuardianContactView> guardians) {

    public static StudentRecordView of(Student student, List<GuardianContactView> guardians) {
        return new StudentRecordView(student.id.toString(), student.externalId, student.lastName, student.firstName,
                student.middleName, student.fullName(), student.birthDate, student.status, Emails.mask(student.email),
                PhoneNumbers.mask(student.phone), guardians);
    }
}
