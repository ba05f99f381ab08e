package ru.ediary.account.confirmation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * A contact typed into the profile, waiting for its owner to enter the code sent to it. One per account and
 * channel: a new value (or a resend) replaces the code. Only a hash of the code is kept.
 */
@Entity
@Table(name = "contact_confirmation")
@IdClass(ContactConfirmation.Key.class)
public class ContactConfirmation extends PanacheEntityBase {

    @Id
    public UUID accountId;
    @Id
    @Enumerated(EnumType.STRING)
    public ContactChannel channel;
    /** Lower-case e-mail or E.164 phone, as it will be stored in the account once confirmed. */
    public String value;
    /** See {@link ConfirmationCodes#hash}. */
    public String codeHash;
    public Instant createdAt;
    public Instant expiresAt;
    /** Wrong codes entered so far. */
    public int attempts;
    @Version
    public long version;

    public record Key(UUID accountId, ContactChannel channel) implements Serializable {

        public Key() {
            this(null, null);
        }
    }
}
