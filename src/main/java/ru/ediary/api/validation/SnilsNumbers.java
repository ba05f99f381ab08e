package ru.ediary.api.validation;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * SNILS, the 11-digit insurance number {@code XXX-XXX-XXX YY}. The last two digits are a check number:
 * weights 9..1 on the first nine digits give S; S &lt; 100 → S; S = 100 or 101 → 00;
 * S &gt; 101 → S mod 101, where 100 → 00. Numbers up to 001-001-998 carry no check.
 */
public final class SnilsNumbers {

    private static final Pattern TYPED_FORM = Pattern.compile("[0-9]{3}[- ]?[0-9]{3}[- ]?[0-9]{3}[- ]?[0-9]{2}");
    private static final int LAST_UNCHECKED = 1_001_998;

    private SnilsNumbers() {
    }

    /** The 11 digits of a valid SNILS typed with or without separators; empty for anything else. */
    public static Optional<String> normalize(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String typed = raw.strip();
        if (!TYPED_FORM.matcher(typed).matches()) {
            return Optional.empty();
        }
        String digits = typed.replaceAll("[- ]", "");
        return hasValidCheckNumber(digits) ? Optional.of(digits) : Optional.empty();
    }

    static boolean hasValidCheckNumber(String digits) {
        int number = Integer.parseInt(digits.substring(0, 9));
        int check = Integer.parseInt(digits.substring(9));
        if (number <= LAST_UNCHECKED) {
            return true;
        }
        return checkNumber(digits) == check;
    }

    static int checkNumber(String digits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (9 - i);
        }
        if (sum < 100) {
            return sum;
        }
        if (sum == 100 || sum == 101) {
            return 0;
        }
        int rest = sum % 101;
        return rest == 100 ? 0 : rest;
    }

    public static String format(String digits) {
        if (digits == null) {
            return null;
        }
        return digits.substring(0, 3) + "-" + digits.substring(3, 6) + "-" + digits.substring(6, 9) + " "
                + digits.substring(9);
    }

    /** Only the check number stays visible: {@code ***-***-*** 64}. */
    public static String mask(String digits) {
        if (digits == null) {
            return null;
        }
        return "***-***-*** " + digits.substring(9);
    }
}
