package ru.ediary.trust;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import ru.ediary.account.Account;

@Type("PersonName")
@Description("Another person, as far as the caller may know them: the full name only.")
public record PersonName(@Description("Surname, given name and patronymic as far as known.") @NonNull String fullName) {

    static PersonName of(Account account) {
        return new PersonName(account.fullName());
    }
}
