package ru.ediary.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import ru.ediary.api.validation.Emails;

/** A portal user. Identity comes from the token's {@code sub}; the profile is kept here. */
@Entity
@Table(name = "account")
public class Account extends PanacheEntityBase {

    @Id
    public UUID id;
    public String subject;
    public String lastName;
    public String firstName;
    public String middleName;
    /** Lower-case (see {@link Emails#normalize}). */
    public String email;
    /** True only when the identity provider asserted it or the owner confirmed a code sent to it. */
    public boolean emailVerified;
    /** E.164. */
    public String phone;
    /** True only when the identity provider asserted it or the owner confirmed a code sent to it. */
    public boolean phoneVerified;
    /** 11 digits, no separators; only ever from the identity provider's claim (verified by it). */
    public String snils;
    /** Digest of the identity claims last taken in from a token (see {@link IdentityClaims#digest}). */
    public String identityClaimsHash;
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public long version;

    public String fullName() {
        return FullNames.of(lastName, firstName, middleName);
    }
}
