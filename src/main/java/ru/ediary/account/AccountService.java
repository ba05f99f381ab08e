package ru.ediary.account;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import ru.ediary.api.NotFoundException;
import ru.ediary.api.PersistenceFailures;
import ru.ediary.api.Text;
import ru.ediary.api.UserError;
import ru.ediary.api.UserErrorCode;
import ru.ediary.api.validation.Emails;
import ru.ediary.api.validation.InputValidator;
import ru.ediary.api.validation.PersonName;
import ru.ediary.api.validation.PhoneNumbers;

@ApplicationScoped
public class AccountService {

    private static final Logger LOG = Logger.getLogger(AccountService.class);
    private static final PersonName.Validator NAMES = new PersonName.Validator();

    private final AccountRepository accounts;
    private final InputValidator validator;

    AccountService(AccountRepository accounts, InputValidator validator) {
        this.accounts = accounts;
        this.validator = validator;
    }

    /**
     * Registers the account on its first call and brings its identity in line with the token's claims on every
     * call (see {@link IdentityClaims} for the rule): a write only when they differ, so a change made at the
     * identity provider counts on the next request without a write per request. Claims that do not pass our
     * checks are left out.
     */
    @Transactional
    public UUID ensureRegistered(TokenProfile profile) {
        Account account = accounts.findBySubject(profile.subject()).orElse(null);
        if (account == null) {
            IdentityClaims contacts = new IdentityClaims(null, false, null, false, null).with(profile);
            account = new Account();
            account.id = UUID.randomUUID();
            account.subject = profile.subject();
            account.lastName = nameOrNull(profile.familyName());
            account.firstName = nameOrNull(profile.givenName());
            account.middleName = nameOrNull(profile.middleName());
            account.email = contacts.email();
            account.emailVerified = contacts.emailVerified();
            account.phone = contacts.phone();
            account.phoneVerified = contacts.phoneVerified();
            accounts.insertIfAbsent(account);
            account = accounts.findBySubject(profile.subject()).orElseThrow();
        }
        syncIdentity(account, profile);
        return account.id;
    }

    private void syncIdentity(Account account, TokenProfile profile) {
        String digest = IdentityClaims.digest(profile);
        if (digest == null || digest.equals(account.identityClaimsHash)) {
            return; // no identity claims, or the same ones as last time: nothing to write
        }
        for (int attempt = 1;; attempt++) {
            IdentityClaims stored = IdentityClaims.of(account);
            IdentityClaims wanted = stored.with(profile);
            if (wanted.snilsChangedFrom(stored)) {
                // Every stored SNILS came from an identity provider's claim; when the provider now asserts it for
                // this account, it re-assigned it (e.g. a person's new login): the latest assertion wins.
                List<UUID> previous = accounts.releaseSnils(wanted.snils(), account.id);
                if (!previous.isEmpty()) {
                    LOG.warnf("The identity provider asserts for account %s a SNILS held by account(s) %s: moved to %s",
                            account.id, previous, account.id);
                }
            }
            boolean written = accounts.updateIdentity(account.id, account.version, wanted, digest) == 1;
            accounts.getEntityManager().refresh(account);
            if (written) {
                return;
            }
            if (attempt == 3) {
                throw new OptimisticLockException("account " + account.id + " kept changing while its claims were synced");
            }
        }
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
        // issue 11 (part A, interim until part B drops the field from the input): SNILS comes only from the
        // identity provider's claim; a typed one is not stored
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
            String email = Text.blankToNull(Emails.normalize(input.email));
            // issue 11 (part A, interim until part B's confirmation): a typed contact is not a verified one
            account.emailVerified = account.emailVerified && java.util.Objects.equals(email, account.email);
            account.email = email;
        }
        if (input.phone != null) {
            String phone = input.phone.isEmpty() ? null : PhoneNumbers.normalizeMobile(input.phone).orElseThrow();
            account.phoneVerified = account.phoneVerified && java.util.Objects.equals(phone, account.phone);
            account.phone = phone;
        }
        account.updatedAt = Instant.now();
        accounts.flush();
        return ProfilePayload.ok(AccountView.of(account));
    }
}
