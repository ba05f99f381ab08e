package ru.ediary.account;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import ru.ediary.api.validation.SnilsNumbers;

@Type("Account")
@Description("The caller's own profile. Only its owner ever sees it unmasked.")
public record AccountView(
        @Description("The account's id.") @Id @NonNull String id,
        @Description("Surname; null until the token or the profile gives one.") String lastName,
        @Description("Given name; null until the token or the profile gives one.") String firstName,
        @Description("Patronymic; null when none is known.") String middleName,
        @Description("Surname, given name and patronymic as far as known.") @NonNull String fullName,
        @Description("E-mail, lower-case; null until filled in.") String email,
        @Description("Mobile phone in E.164, e.g. `+79161234567`; null until filled in.") String phone,
        @Description("SNILS as `XXX-XXX-XXX YY`; null until filled in.") String snils) {

    static AccountView of(Account account) {
        return new AccountView(account.id.toString(), account.lastName, account.firstName, account.middleName,
                account.fullName(), account.email, account.phone, SnilsNumbers.format(account.snils));
    }
}
