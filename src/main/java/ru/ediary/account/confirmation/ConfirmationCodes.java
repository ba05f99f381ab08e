package ru.ediary.account.confirmation;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/**
 * One-time codes: six digits from {@link SecureRandom}, kept only as a salted SHA-256 that also covers the account,
 * channel and value, so a stored hash says nothing about the code and fits no other pending contact.
 */
@ApplicationScoped
public class ConfirmationCodes {

    private static final int SALT_BYTES = 16;
    private final SecureRandom random = new SecureRandom();

    public String newCode() {
        return String.format("%06d", random.nextInt(1_000_000));
    }

    /** {@code base64(salt):base64(sha256(salt, account, channel, value, code))}. */
    public String hash(UUID accountId, ContactChannel channel, String value, String code) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return encode(salt) + ":" + encode(digest(salt, accountId, channel, value, code));
    }

    /** Compares in constant time, so the answer time says nothing about how close a guess was. */
    public boolean matches(String storedHash, UUID accountId, ContactChannel channel, String value, String code) {
        int colon = storedHash.indexOf(':');
        if (colon < 0) {
            return false;
        }
        byte[] salt = Base64.getDecoder().decode(storedHash.substring(0, colon));
        byte[] expected = Base64.getDecoder().decode(storedHash.substring(colon + 1));
        return MessageDigest.isEqual(expected, digest(salt, accountId, channel, value, code));
    }

    private static byte[] digest(byte[] salt, UUID accountId, ContactChannel channel, String value, String code) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            // separated by NUL, which none of the parts may contain, so no two inputs run together
            String material = accountId + "\0" + channel.name() + "\0" + value + "\0" + code;
            return sha.digest(material.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String encode(byte[] bytes) {
        return Base64.getEncoder().withoutPadding().encodeToString(bytes);
    }
}
