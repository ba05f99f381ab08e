package ru.ediary.api.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    @ParameterizedTest(name = "{0} → +79161234567")
    @ValueSource(strings = {
        "8 916 123-45-67",
        "+7 (916) 123 45 67",
        "79161234567",
        "+79161234567",
        "89161234567",
        "9161234567",
        "8(916)123-45-67",
        "+7-916-123-45-67",
        "8.916.123.45.67",
        "  +7 916 123 45 67  "
    })
    void russianMobilesInEveryUsualFormBecomeE164(String typed) {
        assertEquals(Optional.of("+79161234567"), PhoneNumbers.normalizeMobile(typed));
    }

    @ParameterizedTest(name = "{0} is refused")
    @ValueSource(strings = {
        "+7 495 123-45-67",      // Moscow landline, not a mobile
        "8 800 555-35-35",       // toll-free
        "916 123 45",            // too short
        "+7 916 123 45 67 89",   // too long
        "8 916 CALL-ME",         // letters
        "+7 916 123 45 67 ext 1",
        "abc",
        "",
        "+",
        "0000000000",
        "+7 916 123\u000045 67"   // a NUL in the middle
    })
    void anythingElseIsRefused(String typed) {
        assertEquals(Optional.empty(), PhoneNumbers.normalizeMobile(typed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+79161234567"})
    void masksAllButTheOperatorCodeAndLastTwoDigits(String e164) {
        assertEquals("+7916*****67", PhoneNumbers.mask(e164));
        assertEquals("+7 916 123-45-67", PhoneNumbers.display(e164));
    }
}
