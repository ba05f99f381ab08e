package ru.ediary.school;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import ru.ediary.api.validation.MobilePhone;
import ru.ediary.api.validation.SafeText;

@Input("StudentContactsInput")
@Description("The student's own e-mail and mobile phone, as the student gave them to the class teacher. "
        + "A field left out stays as it is; an empty string clears it.")
public class StudentContactsInput {

    @Id @NonNull
    public String studentId;

    @Size(max = 254) @SafeText @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+")
    public String email;

    @Size(max = 32) @MobilePhone
    public String phone;
}
