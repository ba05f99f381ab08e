package ru.ediary.api.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/** Property-based checks of the personal-data normalisers: no input crashes them, and they are idempotent. */
class NormalisationPropertiesTest {

    @Property(tries = 2000)
    void snilsNormalisationNeverFailsAndIsIdempotent(@ForAll @StringLength(max = 40) String typed) {
        Optional<String> digits = SnilsNumbers.normalize(typed);
        digits.ifPresent(d -> {
            assertTrue(d.matches("[0-9]{11}"), d);
            assertEquals(Optional.of(d), SnilsNumbers.normalize(d));
        });
    }

    @Provide
    Arbitrary<String> validSnils() {
        return Arbitraries.integers().between(1_001_999, 999_999_999).map(number -> {
            String digits = String.format("%09d", number);
            return digits + String.format("%02d", SnilsNumbers.checkNumber(digits));
        });
    }

    @Property(tries = 2000)
    void aValidSnilsSurvivesFormattingAndMaskingKeepsOnlyTheCheckNumber(@ForAll("validSnils") String snils) {
        assertEquals(Optional.of(snils), SnilsNumbers.normalize(snils));
        assertEquals(Optional.of(snils), SnilsNumbers.normalize(SnilsNumbers.format(snils)));
        assertTrue(SnilsNumbers.mask(snils).endsWith(snils.substring(9)));
        assertTrue(!SnilsNumbers.mask(snils).contains(snils.substring(0, 3)));
    }

    @Property(tries = 2000)
    void phoneNormalisationNeverFailsAndIsIdempotent(@ForAll @StringLength(max = 40) String typed) {
        PhoneNumbers.normalizeMobile(typed).ifPresent(e164 -> {
            assertTrue(e164.matches("\\+[1-9][0-9]{6,14}"), e164);
            assertEquals(Optional.of(e164), PhoneNumbers.normalizeMobile(e164));
            assertEquals(Optional.of(e164), PhoneNumbers.normalizeMobile(PhoneNumbers.display(e164)));
        });
    }

    @Provide
    Arbitrary<String> moscowMobiles() {
        return Arbitraries.strings().numeric().ofLength(7).map(tail -> "+7916" + tail);
    }

    @Property(tries = 1000)
    void aMobileSurvivesEveryUsualWayOfTypingIt(@ForAll("moscowMobiles") String e164) {
        String national = e164.substring(2);
        for (String typed : new String[] {e164, "8" + national, "7" + national,
            "8 (" + national.substring(0, 3) + ") " + national.substring(3, 6) + "-" + national.substring(6, 8) + "-"
                    + national.substring(8), PhoneNumbers.display(e164)}) {
            assertEquals(Optional.of(e164), PhoneNumbers.normalizeMobile(typed), typed);
        }
        assertTrue(PhoneNumbers.mask(e164).contains("*"));
    }

    @Property(tries = 2000)
    void emailNormalisationIsIdempotent(@ForAll @StringLength(max = 60) String typed) {
        String once = Emails.normalize(typed);
        assertEquals(once, Emails.normalize(once));
        Emails.mask(once);
    }

    @Property(tries = 2000)
    void nameAndTextChecksNeverFail(@ForAll @StringLength(max = 200) String typed) {
        new PersonName.Validator().isValid(typed, null);
        new SafeText.Validator().isValid(typed, null);
    }
}
