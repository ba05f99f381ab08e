package ru.ediary.account;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import ru.ediary.api.NotFoundException;
import ru.ediary.api.PersistenceFailures;
import ru.ediary.api.Text;
import ru.ediary.api.UserError;
import ru.ediary.api.UserErrorCode;
import ru.ediary.api.validation.Emails;
import ru.ediary.api.validation.InputValidator;
import ru.ediary.api.validation.PersonName;
import ru.ediary.api.validation.PhoneNumbers;
import ru.ediary.api.validation.SnilsNumbers;

@ApplicationScoped
public class AccountService {

    private static final Pattern PLAUSIBLE_EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    private static final PersonName.Validator NAMES = new PersonName.Validator();

    private final AccountRepository accounts;
    private final InputValidator validator;

    AccountService(AccountRepository accounts, InputValidator validator) {
        this.accounts = accounts;
        this.validator = validator;
    }

    /** Registers the account on its first call; claims that do not pass our checks are left empty. */
    @Transactional
    public UUID ensureRegistered(TokenProfile profile) {
        var existing = accounts.findBySubject(profile.subject());
        if (existing.isPresent()) {
            return existing.get().id;
        }
        var account = new Account();
        account.id = UUID.randomUUID();
        account.subject = profile.subject();
        account.lastName = nameOrNull(profile.familyName());
        account.firstName = nameOrNull(profile.givenName());
        account.middleName = nameOrNull(profile.middleName());
        String email = Emails.normalize(profile.email());
        account.email = email != null && email.length() <= 254 && PLAUSIBLE_EMAIL.matcher(email).matches() ? email : null;
        account.phone = PhoneNumbers.normalizeMobile(profile.phoneNumber()).orElse(null);
        accounts.insertIfAbsent(account);
        return accounts.findBySubject(profile.subject()).orElseThrow().id;
    }

    private static String nameOrNull(String value) {
        if (value == null) {
            return null;
        }
        String name = value.strip();
        return !name.isEmpty() && name.length() <= 100 && NAMES.isValid(name, null) ? name : null;
    }

    @Transactional
    public AccountView me(UUID accountId) throws NotFoundException {
        return AccountView.of(find(accountId));
    }

    @Transactional
    public Account find(UUID accountId) throws NotFoundException {
        var account = accounts.findById(accountId);
        if (account == null) {
            throw new NotFoundException();
        }
        return account;
    }

    /** Validates everything first; a valid change is applied whole, an invalid one changes nothing. */
    public ProfilePayload updateProfile(UUID accountId, ProfileInput raw) {
        ProfileInput input = raw == null ? new ProfileInput() : raw.stripped();
        List<UserError> errors = new ArrayList<>(validator.validate(input));
        if ("".equals(input.lastName)) {
            errors.add(UserError.of("lastName", UserErrorCode.REQUIRED));
        }
        if ("".equals(input.firstName)) {
            errors.add(UserError.of("firstName", UserErrorCode.REQUIRED));
        }
        if (!errors.isEmpty()) {
            return ProfilePayload.failed(errors);
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> apply(accountId, input));
        } catch (PersistenceException e) {
            if (PersistenceFailures.violatedConstraint(e).filter("account_snils_key"::equals).isPresent()) {
                return ProfilePayload.failed(List.of(UserError.of("snils", UserErrorCode.SNILS_TAKEN)));
            }
            if (PersistenceFailures.isConcurrentChange(e)) {
                return ProfilePayload.failed(List.of(UserError.of("", UserErrorCode.CONCURRENT_CHANGE)));
            }
            throw e;
        }
    }

    private ProfilePayload apply(UUID accountId, ProfileInput input) {
        Account account = accounts.findById(accountId);
        if (input.snils != null && !input.snils.isEmpty()) {
            String snils = SnilsNumbers.normalize(input.snils).orElseThrow();
            if (!snils.equals(account.snils) && accounts.snilsTakenByOther(snils, accountId)) {
                return ProfilePayload.failed(List.of(UserError.of("snils", UserErrorCode.SNILS_TAKEN)));
            }
            account.snils = snils;
        } else if ("".equals(input.snils)) {
            account.snils = null;
        }
        if (input.lastName != null) {
            account.lastName = input.lastName;
        }
        if (input.firstName != null) {
            account.firstName = input.firstName;
        }
        if (input.middleName != null) {
            account.middleName = Text.blankToNull(input.middleName);
        }
        if (input.email != null) {
            account.email = Text.blankToNull(Emails.normalize(input.email));
        }
        if (input.phone != null) {
            account.phone = input.phone.isEmpty() ? null : PhoneNumbers.normalizeMobile(input.phone).orElseThrow();
        }
        account.updatedAt = Instant.now();
        accounts.flush();
        return ProfilePayload.ok(AccountView.of(account));
    }
}
