package ru.ediary.api.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SnilsNumbersTest {

    @ParameterizedTest(name = "{0} is a valid SNILS")
    @ValueSource(strings = {
        "112-233-445 95",   // S = 95 < 100: the check number is S
        "11223344595",      // the same without separators
        "112 233 445 95",
        "112-233-445-95",
        "123-456-789 64",   // S = 165 > 101: 165 mod 101 = 64
        "001-326-679 00",   // S = 100 exactly: 00
        "001-508-816 00",   // S = 101 exactly: 00
        "017-996-174 00",   // S mod 101 = 100: 00
        " 11223344595 "     // surrounding spaces are ignored
    })
    void validNumbersAreAcceptedAndNormalisedToElevenDigits(String typed) {
        Optional<String> digits = SnilsNumbers.normalize(typed);
        assertTrue(digits.isPresent(), typed);
        assertEquals(11, digits.get().length());
        assertTrue(digits.get().chars().allMatch(Character::isDigit));
    }

    @ParameterizedTest(name = "{0} is refused")
    @ValueSource(strings = {
        "112-233-445 96",   // wrong check number
        "123-456-789 00",
        "001-326-679 01",   // S = 100 must give 00
        "001-508-816 01",   // S = 101 must give 00
        "017-996-174 100",
        "1122334459",       // ten digits
        "112233445955",     // twelve digits
        "112-233-445 9a",
        "112--233-445 95",
        "",
        "   ",
        "１１２２３３４４５９５" // full-width digits
    })
    void invalidNumbersAreRefused(String typed) {
        assertEquals(Optional.empty(), SnilsNumbers.normalize(typed));
    }

    @ParameterizedTest(name = "{0} carries no check")
    @ValueSource(strings = {"001-001-998 00", "001-001-998 77", "000-000-001 13", "001-001-001 99"})
    void numbersUpToTheThresholdCarryNoCheck(String typed) {
        assertTrue(SnilsNumbers.normalize(typed).isPresent(), typed);
    }

    @ParameterizedTest(name = "{0} is checked: only {1} is valid")
    @CsvSource({
        "001-001-999, 65, 00",   // S = 1*7 + 1*4 + 9*3 + 9*2 + 9*1 = 65
        "001-002-000, 15, 11"    // S = 1*7 + 2*4 = 15
    })
    void numbersJustAboveTheThresholdAreChecked(String number, String valid, String invalid) {
        assertTrue(SnilsNumbers.normalize(number + " " + valid).isPresent());
        assertEquals(Optional.empty(), SnilsNumbers.normalize(number + " " + invalid));
    }

    @ParameterizedTest
    @CsvSource({"11223344595,112-233-445 95,***-***-*** 95"})
    void formatsAndMasks(String digits, String formatted, String masked) {
        assertEquals(formatted, SnilsNumbers.format(digits));
        assertEquals(masked, SnilsNumbers.mask(digits));
    }
}
