package ru.ediary.access;

import java.time.LocalDate;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import ru.ediary.school.EnrolmentStatus;
import ru.ediary.school.SchoolClassView;
import ru.ediary.school.Student;

@Type("Child")
@Description("A child whose diary the caller may see: basic data only, no contacts.")
public record ChildView(
        @Id @NonNull String id,
        @NonNull String lastName,
        @NonNull String firstName,
        String middleName,
        @NonNull String fullName,
        @NonNull LocalDate birthDate,
        @NonNull EnrolmentStatus status,
        @NonNull SchoolClassView schoolClass) {

    public static ChildView of(Student student) {
        return new ChildView(student.id.toString(), student.lastName, student.firstName, student.middleName,
                student.fullName(), student.birthDate, student.status, SchoolClassView.of(student.schoolClass));
    }
}
