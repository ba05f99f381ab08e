package ru.ediary.api.validation;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import java.util.Optional;
import java.util.regex.Pattern;

/** Mobile phone numbers, normalised to E.164 by libphonenumber; Russian national forms are the default. */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    /** libphonenumber also reads vanity letters and extensions; a profile phone is digits and punctuation only. */
    private static final Pattern TYPED_FORM = Pattern.compile("\\+?[0-9 ()\\-.]{5,30}");

    private PhoneNumbers() {
    }

    public static Optional<String> normalizeMobile(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String typed = raw.strip();
        if (!TYPED_FORM.matcher(typed).matches()) {
            return Optional.empty();
        }
        try {
            var number = UTIL.parse(typed, "RU");
            if (!UTIL.isValidNumber(number)) {
                return Optional.empty();
            }
            var type = UTIL.getNumberType(number);
            if (type != PhoneNumberType.MOBILE && type != PhoneNumberType.FIXED_LINE_OR_MOBILE) {
                return Optional.empty();
            }
            return Optional.of(UTIL.format(number, PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** {@code +79161234567} as a person writes it: {@code +7 916 123-45-67}. */
    public static String display(String e164) {
        try {
            return UTIL.format(UTIL.parse(e164, "RU"), PhoneNumberFormat.INTERNATIONAL);
        } catch (NumberParseException e) {
            return e164;
        }
    }

    /** {@code +79161234567} becomes {@code +7916*****67}: enough to recognise, not enough to call. */
    public static String mask(String e164) {
        if (e164 == null) {
            return null;
        }
        if (e164.length() < 8) {
            return "*".repeat(e164.length());
        }
        int keepStart = 5;
        int keepEnd = 2;
        return e164.substring(0, keepStart)
                + "*".repeat(e164.length() - keepStart - keepEnd)
                + e164.substring(e164.length() - keepEnd);
    }
}
