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
        @Id @NonNull String id,
        @Description("Key of the school system.") @NonNull String externalId,
        @NonNull String lastName,
        @NonNull String firstName,
        String middleName,
        @NonNull String fullName,
        @NonNull LocalDate birthDate,
        @NonNull EnrolmentStatus status,
        @Description("The student's own e-mail as recorded, masked.") String maskedEmail,
        @Description("The student's own phone as recorded, masked.") String maskedPhone,
        @Description("Legal representatives recorded for the student.")
        @NonNull List<@NonNull GuardianContactView> guardians) {

    public static StudentRecordView of(Student student, List<GuardianContactView> guardians) {
        return new StudentRecordView(student.id.toString(), student.externalId, student.lastName, student.firstName,
                student.middleName, student.fullName(), student.birthDate, student.status, Emails.mask(student.email),
                PhoneNumbers.mask(student.phone), guardians);
    }
}
