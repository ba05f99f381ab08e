package ru.ediary.api.validation;

import java.util.Locale;

public final class Emails {

    private Emails() {
    }

    /** E-mails are compared case-insensitively (brief rule 1), so they are stored in one case. */
    public static String normalize(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    /** {@code anna.ivanova@mail.ru} becomes {@code a***@mail.ru}. */
    public static String mask(String email) {
        if (email == null) {
            return null;
        }
        int at = email.indexOf('@');
        if (at <= 0) {
            return "***";
        }
        return email.charAt(0) + "***" + email.substring(at);
    }
}
