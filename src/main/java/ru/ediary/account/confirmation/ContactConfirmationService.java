package ru.ediary.account.confirmation;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import ru.ediary.api.RateLimiter;
import ru.ediary.api.UserErrorCode;
import ru.ediary.config.EdiaryConfig;

/**
 * Pending contacts and their one-time codes. All state is in PostgreSQL (the pending row, the send counter in
 * {@code rate_limit_window}), so a code issued through one instance is confirmed through any other. Neither a
 * code nor a contact is ever logged.
 */
@ApplicationScoped
public class ContactConfirmationService {

    private static final Logger LOG = Logger.getLogger(ContactConfirmationService.class);

    /** A code just issued, to be sent once the transaction that stored its hash has committed. */
    public record IssuedCode(ContactChannel channel, String value, String code, String codeHash) {

        @Override
        public String toString() {
            return "IssuedCode[" + channel + "]"; // never the value or the code
        }
    }

    /** What a code entered by the owner proves: the value it confirms, or why it confirms nothing. */
    public record Verdict(String confirmedValue, UserErrorCode error) {
    }

    private final EntityManager em;
    private final ConfirmationCodes codes;
    private final EmailSender email;
    private final SmsSender sms;
    private final RateLimiter limiter;
    private final EdiaryConfig config;
    private final Clock clock;

    ContactConfirmationService(EntityManager em, ConfirmationCodes codes, EmailSender email, SmsSender sms,
            RateLimiter limiter, EdiaryConfig config, Clock clock) {
        this.em = em;
        this.codes = codes;
        this.email = email;
        this.sms = sms;
        this.limiter = limiter;
        this.config = config;
        this.clock = clock;
    }

    /** Counts one code against the account's limit for the channel (shared by all instances); false when over. */
    public boolean mayIssue(UUID accountId, ContactChannel channel) {
        return limiter.tryAcquire(accountId, "contact-code-" + channel.name().toLowerCase(),
                config.confirmation().sendLimit(), config.confirmation().sendWindow());
    }

    /**
     * In the caller's transaction: makes {@code value} the channel's pending contact with a fresh code, replacing
     * any earlier pending value and its code (a resend is the same value again).
     */
    public IssuedCode issue(UUID accountId, ContactChannel channel, String value) {
        ContactConfirmation pending = em.find(ContactConfirmation.class, new ContactConfirmation.Key(accountId, channel),
                LockModeType.PESSIMISTIC_WRITE);
        boolean first = pending == null;
        if (first) {
            pending = new ContactConfirmation();
            pending.accountId = accountId;
            pending.channel = channel;
        }
        String code = codes.newCode();
        Instant now = clock.instant();
        pending.value = value;
        pending.codeHash = codes.hash(accountId, channel, value, code);
        pending.createdAt = now;
        pending.expiresAt = now.plus(config.confirmation().codeTtl());
        pending.attempts = 0;
        if (first) {
            em.persist(pending);
        }
        return new IssuedCode(channel, value, code, pending.codeHash);
    }

    /** In the caller's transaction: forgets the channel's pending contact, if any. */
    public void cancel(UUID accountId, ContactChannel channel) {
        em.createQuery("delete from ContactConfirmation c where c.accountId = ?1 and c.channel = ?2")
                .setParameter(1, accountId).setParameter(2, channel).executeUpdate();
    }

    /**
     * Sends an issued code; call it only after the pending row is committed, so a code that arrives can always be
     * entered. When sending fails, the pending row is withdrawn (unless a newer code replaced it meanwhile): nobody
     * waits for a code that never comes.
     */
    public boolean deliver(UUID accountId, IssuedCode issued) {
        try {
            switch (issued.channel()) {
                case EMAIL -> email.sendCode(issued.value(), issued.code(), config.confirmation().codeTtl());
                case PHONE -> sms.send(issued.value(), smsText(issued.code()));
            }
            return true;
        } catch (DeliveryFailedException e) {
            LOG.warnf("Confirmation code for account %s (%s) not delivered: %s", accountId, issued.channel(),
                    e.getMessage());
            QuarkusTransaction.requiringNew().run(() -> em.createQuery("""
                    delete from ContactConfirmation c where c.accountId = ?1 and c.channel = ?2 and c.codeHash = ?3""")
                    .setParameter(1, accountId).setParameter(2, issued.channel()).setParameter(3, issued.codeHash())
                    .executeUpdate());
            return false;
        }
    }

    private String smsText(String code) {
        return "Электронный дневник: код подтверждения номера телефона " + code + ". Код действует "
                + config.confirmation().codeTtl().toMinutes() + " минут. Никому не сообщайте его.";
    }

    /**
     * In the caller's transaction: checks a code the owner entered. The pending row is locked, so parallel guesses
     * are counted one after another and never exceed the limit. A right code removes the pending row; a wrong one
     * uses up an attempt (committed with the caller's transaction).
     */
    public Verdict check(UUID accountId, ContactChannel channel, String code) {
        ContactConfirmation pending = em.find(ContactConfirmation.class, new ContactConfirmation.Key(accountId, channel),
                LockModeType.PESSIMISTIC_WRITE);
        int maxAttempts = config.confirmation().maxAttempts();
        if (pending == null) {
            return new Verdict(null, UserErrorCode.NO_PENDING_CONFIRMATION);
        }
        if (pending.attempts >= maxAttempts) {
            return new Verdict(null, UserErrorCode.TOO_MANY_ATTEMPTS);
        }
        if (!clock.instant().isBefore(pending.expiresAt)) {
            return new Verdict(null, UserErrorCode.CODE_EXPIRED);
        }
        if (!codes.matches(pending.codeHash, accountId, channel, pending.value, code)) {
            pending.attempts++;
            return new Verdict(null, pending.attempts >= maxAttempts ? UserErrorCode.TOO_MANY_ATTEMPTS
                    : UserErrorCode.WRONG_CODE);
        }
        String value = pending.value;
        em.remove(pending);
        return new Verdict(value, null);
    }

    /** The channel's pending contact as its owner sees it. */
    public Optional<PendingContact> pending(UUID accountId, ContactChannel channel) {
        return Optional.ofNullable(em.find(ContactConfirmation.class, new ContactConfirmation.Key(accountId, channel)))
                .map(p -> new PendingContact(p.value, p.expiresAt,
                        Math.max(0, config.confirmation().maxAttempts() - p.attempts)));
    }
}
