package ru.ediary.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import ru.ediary.api.Text;
import ru.ediary.api.validation.MobilePhone;
import ru.ediary.api.validation.PersonName;
import ru.ediary.api.validation.SafeText;
import ru.ediary.api.validation.Snils;

@Input("ProfileInput")
@Description("Changes to the caller's profile. A field left out (null) stays as it is; an empty string clears it "
        + "(not allowed for lastName and firstName).")
public class ProfileInput {

    @Description("Surname.")
    @Size(max = 100) @PersonName
    public String lastName;

    @Description("Given name.")
    @Size(max = 100) @PersonName
    public String firstName;

    @Description("Patronymic, optional.")
    @Size(max = 100) @PersonName
    public String middleName;

    @Description("E-mail; compared with school records case-insensitively.")
    @Size(max = 254) @SafeText @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+")
    public String email;

    @Description("Mobile phone in any usual form (`8 916 123-45-67`, `+7 (916) 123 45 67`); stored in E.164.")
    @Size(max = 32) @MobilePhone
    public String phone;

    @Description("SNILS, with or without separators; its check number is verified.")
    @Size(max = 20) @Snils
    public String snils;

    /** Surrounding spaces are never meaningful. */
    ProfileInput stripped() {
        var copy = new ProfileInput();
        copy.lastName = Text.strip(lastName);
        copy.firstName = Text.strip(firstName);
        copy.middleName = Text.strip(middleName);
        copy.email = Text.strip(email);
        copy.phone = Text.strip(phone);
        copy.snils = Text.strip(snils);
        return copy;
    }
}
