package ru.ediary.trust;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import ru.ediary.account.Account;
import ru.ediary.account.AccountRepository;

/**
 * Finds a registered invitee by verified mobile phone or SNILS AND surname. "No such person", "surname differs" and
 * "not registered" are one and the same empty answer, so a phone cannot be turned into a name.
 */
@ApplicationScoped
public class InviteeLookup {

    private final AccountRepository accounts;

    InviteeLookup(AccountRepository accounts) {
        this.accounts = accounts;
    }

    public Optional<Account> byPhone(String e164, String surname) {
        // only a verified phone identifies anyone; it may still be in several profiles: only an unambiguous match
        // is an answer
        List<Account> matches = accounts.list("phone = ?1 and phoneVerified = true", e164).stream()
                .filter(a -> sameSurname(a.lastName, surname)).toList();
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    /** Every stored SNILS came from an identity provider's claim, so it is verified by construction. */
    public Optional<Account> bySnils(String snils, String surname) {
        return accounts.find("snils", snils).<Account>firstResultOptional().filter(a -> sameSurname(a.lastName, surname));
    }

    static boolean sameSurname(String stored, String typed) {
        return stored != null && typed != null && normalize(stored).equals(normalize(typed));
    }

    static String normalize(String surname) {
        return surname.strip().toLowerCase(new Locale("ru")).replace('ё', 'е');
    }
}
