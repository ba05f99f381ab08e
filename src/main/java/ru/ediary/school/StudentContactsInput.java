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

    @Description("The student, of the caller's class (class teacher) or school (school system).")
    @Id @NonNull
    public String studentId;

    @Description("The student's own e-mail, up to 254 characters.")
    @Size(max = 254) @SafeText @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+")
    public String email;

    @Description("The student's own mobile phone in any usual form; stored in E.164.")
    @Size(max = 32) @MobilePhone
    public String phone;
}
