package ru.ediary.school;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import ru.ediary.api.Text;
import ru.ediary.api.validation.MobilePhone;
import ru.ediary.api.validation.PersonName;
import ru.ediary.api.validation.SafeText;

@Input("GuardianContactInput")
@Description("A legal representative's contacts as the parent gave them to the class teacher. "
        + "Without `id` a new record is added to the student; with `id` that record is corrected.")
public class GuardianContactInput {

    @Id
    @Description("The record to correct; leave out to add a new one.")
    public String id;

    @Id
    @Description("The student; required when adding, ignored when correcting.")
    public String studentId;

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

    @Description("E-mail, up to 254 characters; compared with the parent's profile case-insensitively.")
    @NonNull @NotBlank @Size(max = 254) @SafeText @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+")
    public String email;

    @NonNull @NotBlank @Size(max = 32) @MobilePhone
    @Description("Mobile phone in any usual form; stored in E.164.")
    public String phone;

    GuardianContactInput stripped() {
        var copy = new GuardianContactInput();
        copy.id = id;
        copy.studentId = studentId;
        copy.lastName = Text.strip(lastName);
        copy.firstName = Text.strip(firstName);
        copy.middleName = Text.strip(middleName);
        copy.relation = relation;
        copy.email = Text.strip(email);
        copy.phone = Text.strip(phone);
        return copy;
    }
}
