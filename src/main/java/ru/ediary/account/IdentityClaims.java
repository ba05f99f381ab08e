package ru.ediary.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;
import ru.ediary.api.validation.Emails;
import ru.ediary.api.validation.PhoneNumbers;
import ru.ediary.api.validation.SnilsNumbers;

/**
 * The identity an account holds (contacts with their verification flags, and SNILS) and how the token's claims
 * change it. The one place the merge rule is written:
 * <ul>
 * <li>an absent claim (or one that fails our checks) changes nothing;</li>
 * <li>a verified claim replaces the stored value and marks it verified;</li>
 * <li>an unverified claim only fills a field that holds no verified value, and stays unverified;</li>
 * <li>SNILS comes only from the claim, which only an identity provider that checked it asserts.</li>
 * </ul>
 */
public record IdentityClaims(String email, boolean emailVerified, String phone, boolean phoneVerified,
        String snils) {

    private static final Pattern PLAUSIBLE_EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    public static IdentityClaims of(Account account) {
        return new IdentityClaims(account.email, account.emailVerified, account.phone, account.phoneVerified,
                account.snils);
    }

    /** The identity the account should hold once the token's claims are taken in. */
    public IdentityClaims with(TokenProfile claims) {
        String claimedEmail = email(claims.email());
        String claimedPhone = PhoneNumbers.normalizeMobile(claims.phoneNumber()).orElse(null);
        String claimedSnils = claims.snils() == null ? null : SnilsNumbers.normalize(claims.snils()).orElse(null);

        String newEmail = email;
        boolean newEmailVerified = emailVerified;
        if (claimedEmail != null && (claims.emailVerified() || !emailVerified)) {
            newEmail = claimedEmail;
            newEmailVerified = claims.emailVerified();
        }
        String newPhone = phone;
        boolean newPhoneVerified = phoneVerified;
        if (claimedPhone != null && (claims.phoneNumberVerified() || !phoneVerified)) {
            newPhone = claimedPhone;
            newPhoneVerified = claims.phoneNumberVerified();
        }
        return new IdentityClaims(newEmail, newEmailVerified, newPhone, newPhoneVerified,
                claimedSnils != null ? claimedSnils : snils);
    }

    public boolean snilsChangedFrom(IdentityClaims before) {
        return !Objects.equals(snils, before.snils);
    }

    /**
     * A digest of the token's identity claims as we read them (after our checks and normalisation), or null when
     * the token carries none: the account stores the digest of the claims it last took in, and claims are only
     * applied again when they change. That keeps requests free of writes, and a contact confirmed here by code is
     * not undone by a token that still asserts the provider's older value; a change at the provider still counts
     * on the next request.
     */
    public static String digest(TokenProfile claims) {
        String email = email(claims.email());
        String phone = PhoneNumbers.normalizeMobile(claims.phoneNumber()).orElse(null);
        String snils = claims.snils() == null ? null : SnilsNumbers.normalize(claims.snils()).orElse(null);
        if (email == null && phone == null && snils == null) {
            return null;
        }
        String canonical = email + "|" + (email != null && claims.emailVerified()) + "|" + phone + "|"
                + (phone != null && claims.phoneNumberVerified()) + "|" + snils;
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** A lower-case e-mail that passes our checks, or null. */
    static String email(String claim) {
        String email = Emails.normalize(claim);
        return email != null && email.length() <= 254 && PLAUSIBLE_EMAIL.matcher(email).matches() ? email : null;
    }
}
