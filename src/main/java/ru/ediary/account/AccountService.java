package ru.ediary.account;

import io.quarkus.narayana.jta.QuarkusTransaction;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import ru.ediary.account.confirmation.ContactChannel;
import ru.ediary.account.confirmation.ContactConfirmationService;
import ru.ediary.account.confirmation.ContactConfirmationService.IssuedCode;
import ru.ediary.account.confirmation.PendingContact;
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
import ru.ediary.config.EdiaryConfig;

@ApplicationScoped
public class AccountService {

    private static final Logger LOG = Logger.getLogger(AccountService.class);
    private static final PersonName.Validator NAMES = new PersonName.Validator();

    private final AccountRepository accounts;
    private final InputValidator validator;
    private final Clock clock;
    @Inject
    ContactConfirmationService confirmations;

    /** An account found in line with a token's claims: its id (a subject's never changes) and those claims. */
    private record Known(UUID id, String claims) {
    }

    /** By subject, null when turned off; see {@link #knownAccountId}. */
    private final Cache<String, Known> known;

    AccountService(AccountRepository accounts, InputValidator validator, Clock clock, EdiaryConfig config) {
        this.clock = clock;
        this.accounts = accounts;
        this.validator = validator;
        int size = config.identity().knownAccounts();
        this.known = size <= 0 ? null
                : Caffeine.newBuilder().maximumSize(size).expireAfterWrite(config.identity().knownAccountsTtl()).build();
    }

    /**
     * The caller's account id without a statement, when this instance has found the account in line with exactly
     * these claims before ({@link #ensureRegistered} would read it and find nothing to write); null when it has to
     * be read. Only the contact claims are synced, so only they are compared.
     */
    public UUID knownAccountId(TokenProfile profile) {
        Known entry = known == null ? null : known.getIfPresent(profile.subject());
        return entry != null && entry.claims().equals(syncedClaims(profile)) ? entry.id() : null;
    }

    private static String syncedClaims(TokenProfile profile) {
        return profile.email() + '\n' + profile.emailVerified() + '\n' + profile.phoneNumber() + '\n'
                + profile.phoneNumberVerified() + '\n' + profile.snils();
    }

    /**
     * The caller's account, registered on its first call and brought in line with the token's claims on every call
     * (see {@link IdentityClaims} for the rule): a write only when they differ, so a change made at the identity
     * provider counts on the next request without a write per request. Claims that do not pass our checks are left
     * out. The usual call is one read in the caller's transaction (a query's read-only unit of work); registering
     * or syncing writes in a transaction of its own and answers with what it committed.
     */
    public Account ensureRegistered(TokenProfile profile) {
        String digest = IdentityClaims.digest(profile);
        Account account = QuarkusTransaction.joiningExisting()
                .call(() -> accounts.findBySubject(profile.subject()).orElse(null));
        if (account == null || digest != null && !digest.equals(account.identityClaimsHash)) {
            account = QuarkusTransaction.requiringNew().call(() -> register(profile));
        }
        if (known != null) {
            known.put(profile.subject(), new Known(account.id, syncedClaims(profile)));
        }
        return account;
    }

    private Account register(TokenProfile profile) {
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
        return account;
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
    public Account find(UUID accountId) throws NotFoundException {
        var account = accounts.findById(accountId);
        if (account == null) {
            throw new NotFoundException();
        }
        return account;
    }

    /**
     * Validates everything first; a valid change is applied whole, an invalid one changes nothing. A new e-mail or
     * phone is not written into the account: it becomes pending and a code is sent to it once that is committed.
     */
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
        Applied applied;
        try {
            applied = QuarkusTransaction.requiringNew().call(() -> apply(accountId, input));
        } catch (PersistenceException e) {
            if (PersistenceFailures.isConcurrentChange(e)) {
                return ProfilePayload.failed(List.of(UserError.of("", UserErrorCode.CONCURRENT_CHANGE)));
            }
            throw e;
        }
        if (!applied.refused().isEmpty()) {
            return ProfilePayload.failed(applied.refused());
        }
        List<UserError> undelivered = new ArrayList<>();
        for (IssuedCode code : applied.codes()) {
            if (!confirmations.deliver(accountId, code)) {
                undelivered.add(UserError.of(code.channel().field(), UserErrorCode.DELIVERY_FAILED));
            }
        }
        if (undelivered.isEmpty()) {
            return ProfilePayload.ok(applied.account());
        }
        return ProfilePayload.undelivered(applied.account(), undelivered);
    }

    /** A profile change as committed, with the codes still to send; or why nothing was changed. */
    private record Applied(AccountView account, List<IssuedCode> codes, List<UserError> refused) {
    }

    private Applied apply(UUID accountId, ProfileInput input) {
        // a contact change takes the account row first, as confirmContact does, so the two never deadlock
        boolean contacts = input.email != null || input.phone != null;
        Account account = contacts ? accounts.findById(accountId, LockModeType.PESSIMISTIC_WRITE)
                : accounts.findById(accountId);
        String email = input.email == null ? null : Emails.normalize(input.email);
        String phone = input.phone == null || input.phone.isEmpty() ? input.phone
                : PhoneNumbers.normalizeMobile(input.phone).orElseThrow();
        boolean newEmail = email != null && !email.isEmpty() && !(email.equals(account.email) && account.emailVerified);
        boolean newPhone = phone != null && !phone.isEmpty() && !(phone.equals(account.phone) && account.phoneVerified);
        List<UserError> refused = new ArrayList<>();
        if (newEmail && !confirmations.mayIssue(accountId, ContactChannel.EMAIL)) {
            refused.add(UserError.of("email", UserErrorCode.TOO_MANY_CODES));
        }
        if (newPhone && !confirmations.mayIssue(accountId, ContactChannel.PHONE)) {
            refused.add(UserError.of("phone", UserErrorCode.TOO_MANY_CODES));
        }
        if (!refused.isEmpty()) {
            return new Applied(null, List.of(), refused);
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
        List<IssuedCode> codes = new ArrayList<>();
        if ("".equals(email)) {
            account.email = null;
            account.emailVerified = false;
            confirmations.cancel(accountId, ContactChannel.EMAIL);
        } else if (newEmail) {
            codes.add(confirmations.issue(accountId, ContactChannel.EMAIL, email));
        }
        if ("".equals(phone)) {
            account.phone = null;
            account.phoneVerified = false;
            confirmations.cancel(accountId, ContactChannel.PHONE);
        } else if (newPhone) {
            codes.add(confirmations.issue(accountId, ContactChannel.PHONE, phone));
        }
        account.updatedAt = clock.instant();
        accounts.flush();
        return new Applied(AccountView.of(account), codes, List.of());
    }

    /** A right code makes the pending contact the profile's verified one; anything else changes nothing else. */
    public ConfirmContactPayload confirmContact(UUID accountId, ConfirmContactInput input) {
        List<UserError> errors = validator.validate(input == null ? new ConfirmContactInput() : input);
        if (!errors.isEmpty()) {
            return ConfirmContactPayload.failed(errors);
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Account account = accounts.findById(accountId, LockModeType.PESSIMISTIC_WRITE);
                var verdict = confirmations.check(accountId, input.channel, input.code.strip());
                if (verdict.error() != null) {
                    // committed all the same: a wrong code has used up an attempt
                    return ConfirmContactPayload.failed(List.of(UserError.of("code", verdict.error())));
                }
                if (input.channel == ContactChannel.EMAIL) {
                    account.email = verdict.confirmedValue();
                    account.emailVerified = true;
                } else {
                    account.phone = verdict.confirmedValue();
                    account.phoneVerified = true;
                }
                account.updatedAt = clock.instant();
                accounts.flush();
                return ConfirmContactPayload.ok(AccountView.of(account));
            });
        } catch (PersistenceException e) {
            if (PersistenceFailures.isConcurrentChange(e)) {
                return ConfirmContactPayload.failed(List.of(UserError.of("", UserErrorCode.CONCURRENT_CHANGE)));
            }
            throw e;
        }
    }

    /** The channel's contact waiting for its code, as its owner sees it. */
    @Transactional
    public PendingContact pending(UUID accountId, ContactChannel channel) {
        return confirmations.pending(accountId, channel).orElse(null);
    }
}
