package ru.ediary.account;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import ru.ediary.api.validation.SnilsNumbers;

@Type("Account")
@Description("The caller's own profile. Only its owner ever sees it unmasked. A contact counts (for access to a "
        + "child's diary, for being found as an invitee) only while it is verified.")
public record AccountView(
        @Description("The account's id.") @Id @NonNull String id,
        @Description("Surname; null until the token or the profile gives one.") String lastName,
        @Description("Given name; null until the token or the profile gives one.") String firstName,
        @Description("Patronymic; null when none is known.") String middleName,
        @Description("Surname, given name and patronymic as far as known.") @NonNull String fullName,
        @Description("E-mail in force, lower-case; null until filled in. A new e-mail typed into updateMyProfile "
                + "replaces it only once confirmed (see pendingEmail).") String email,
        @Description("True when the identity provider asserted the e-mail or its owner entered the code sent to it; "
                + "an unverified e-mail counts for nothing.") boolean emailVerified,
        @Description("Mobile phone in force, in E.164, e.g. `+79161234567`; null until filled in. A new phone typed "
                + "into updateMyProfile replaces it only once confirmed (see pendingPhone).") String phone,
        @Description("True when the identity provider asserted the phone or its owner entered the code sent to it; "
                + "an unverified phone counts for nothing.") boolean phoneVerified,
        @Description("SNILS as `XXX-XXX-XXX YY`, from the identity provider (which checked it); null when it gives "
                + "none. It cannot be typed in.") String snils) {

    static AccountView of(Account account) {
        return new AccountView(account.id.toString(), account.lastName, account.firstName, account.middleName,
                account.fullName(), account.email, account.emailVerified, account.phone, account.phoneVerified,
                SnilsNumbers.format(account.snils));
    }
}
