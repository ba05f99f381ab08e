package ru.ediary.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import ru.ediary.api.Text;
import ru.ediary.api.validation.MobilePhone;
import ru.ediary.api.validation.PersonName;
import ru.ediary.api.validation.SafeText;

@Input("ProfileInput")
@Description("Changes to the caller's profile. A field left out (null) stays as it is; an empty string clears it "
        + "(not allowed for lastName and firstName). A new e-mail or phone does not replace the profile's value at "
        + "once: a one-time code is sent to it and it takes effect, verified, when the code is entered with "
        + "confirmContact. SNILS is not here: it comes only from the identity provider, which checked it.")
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

    @Description("E-mail; compared with school records case-insensitively. A new one is pending until confirmed: a "
            + "code is e-mailed to it (confirmContact with channel EMAIL). Typing the pending one again sends a new "
            + "code; typing the verified one changes nothing.")
    @Size(max = 254) @SafeText @Email(regexp = "([^@\\s]+@[^@\\s]+\\.[^@\\s]+)?")
    public String email;

    @Description("Mobile phone in any usual form (`8 916 123-45-67`, `+7 (916) 123 45 67`); stored in E.164. A new one "
            + "is pending until confirmed: a code is sent to it by SMS (confirmContact with channel PHONE). Typing "
            + "the pending one again sends a new code; typing the verified one changes nothing.")
    @Size(max = 32) @MobilePhone
    public String phone;

    /** Surrounding spaces are never meaningful. */
    ProfileInput stripped() {
        var copy = new ProfileInput();
        copy.lastName = Text.strip(lastName);
        copy.firstName = Text.strip(firstName);
        copy.middleName = Text.strip(middleName);
        copy.email = Text.strip(email);
        copy.phone = Text.strip(phone);
        return copy;
    }
}
