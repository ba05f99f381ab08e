package ru.ediary.school;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import ru.ediary.api.UserError;

@Type("StudentContactsPayload")
@Description("Result of recordStudentContacts.")
public record StudentContactsPayload(
        @Description("The student as stored; null when userErrors is not empty.") StudentRecordView student,
        @Description("Why nothing was changed; empty on success.") @NonNull List<@NonNull UserError> userErrors) {

    static StudentContactsPayload failed(List<UserError> errors) {
        return new StudentContactsPayload(null, errors);
    }
}
