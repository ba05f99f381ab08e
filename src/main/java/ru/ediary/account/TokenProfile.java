package ru.ediary.account;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The identity claims of a person's token: the OIDC standard claims (names, {@code email} + {@code email_verified},
 * {@code phone_number} + {@code phone_number_verified}) and the SNILS claim, which only an identity provider
 * that checked it against the state register asserts. A claim that is absent is null.
 */
public record TokenProfile(String subject, String familyName, String givenName, String middleName, String email,
        boolean emailVerified, String phoneNumber, boolean phoneNumberVerified, String snils) {

    /** Names and contacts only, as a token without verification claims carries them. */
    public TokenProfile(String subject, String familyName, String givenName, String middleName, String email,
            String phoneNumber) {
        this(subject, familyName, givenName, middleName, email, false, phoneNumber, false, null);
    }

    public static TokenProfile of(JsonWebToken token, String snilsClaim) {
        return new TokenProfile(token.getSubject(), claim(token, "family_name"), claim(token, "given_name"),
                claim(token, "middle_name"), claim(token, "email"), flag(token, "email_verified"),
                claim(token, "phone_number"), flag(token, "phone_number_verified"), claim(token, snilsClaim));
    }

    private static String claim(JsonWebToken token, String name) {
        Object value = token.getClaim(name);
        return value == null ? null : value.toString().replace("\"", "");
    }

    /** A JSON boolean or the string "true" (some providers map every attribute as a string); anything else is false. */
    private static boolean flag(JsonWebToken token, String name) {
        return "true".equalsIgnoreCase(claim(token, name));
    }
}
