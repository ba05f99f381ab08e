package ru.ediary.account;

import org.eclipse.microprofile.jwt.JsonWebToken;

/** The standard OIDC claims an account is registered from on its first call. */
public record TokenProfile(String subject, String familyName, String givenName, String middleName, String email,
        String phoneNumber) {

    public static TokenProfile of(JsonWebToken token) {
        return new TokenProfile(token.getSubject(), claim(token, "family_name"), claim(token, "given_name"),
                claim(token, "middle_name"), claim(token, "email"), claim(token, "phone_number"));
    }

    private static String claim(JsonWebToken token, String name) {
        Object value = token.getClaim(name);
        return value == null ? null : value.toString().replace("\"", "");
    }
}
