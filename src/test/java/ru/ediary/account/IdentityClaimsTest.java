package ru.ediary.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The merge rule of the identity provider's claims into an account, value by value. */
class IdentityClaimsTest {

    private static final IdentityClaims VERIFIED = new IdentityClaims("anna@example.ru", true, "+79161234567", true,
            "11223344595");
    private static final IdentityClaims TYPED = new IdentityClaims("anna@example.ru", false, "+79161234567", false,
            null);

    private static TokenProfile claims(String email, boolean emailVerified, String phone, boolean phoneVerified,
            String snils) {
        return new TokenProfile("sub", null, null, null, email, emailVerified, phone, phoneVerified, snils);
    }

    @Test
    void absentOrInvalidClaimsChangeNothing() {
        assertEquals(VERIFIED, VERIFIED.with(claims(null, true, null, true, null)));
        assertEquals(VERIFIED, VERIFIED.with(claims("not-an-email", true, "+7 495 123-45-67", true, "123")));
    }

    @Test
    void aVerifiedClaimReplacesTheStoredValueAndMarksItVerified() {
        IdentityClaims merged = TYPED.with(claims("NEW@Example.RU", true, "8 (916) 000-11-22", true, null));
        assertEquals(new IdentityClaims("new@example.ru", true, "+79160001122", true, null), merged);
        assertEquals(new IdentityClaims("anna@example.ru", true, "+79161234567", true, null),
                TYPED.with(claims("anna@example.ru", true, "+79161234567", true, null)));
    }

    @Test
    void anUnverifiedClaimOnlyFillsAFieldWithoutAVerifiedValue() {
        assertEquals(VERIFIED, VERIFIED.with(claims("other@example.ru", false, "+79160001122", false, null)));
        assertEquals(new IdentityClaims("other@example.ru", false, "+79160001122", false, null),
                TYPED.with(claims("other@example.ru", false, "+79160001122", false, null)));
        assertEquals(new IdentityClaims("other@example.ru", false, null, false, null),
                new IdentityClaims(null, false, null, false, null).with(claims("other@example.ru", false, null, true, null)));
    }

    @Test
    void snilsComesFromTheClaimInAnyWrittenFormAndOnlyWhenValid() {
        assertEquals("11223344595", TYPED.with(claims(null, false, null, false, "112-233-445 95")).snils());
        assertEquals("11223344595", VERIFIED.with(claims(null, false, null, false, "112-233-445 96")).snils());
        assertNull(TYPED.with(claims(null, false, null, false, "112-233-445 96")).snils());
    }

    @Test
    void theDigestFollowsTheClaimsAsReadNotAsWritten() {
        assertNull(IdentityClaims.digest(claims(null, true, "not a phone", true, null)));
        assertEquals(IdentityClaims.digest(claims("A@B.RU", true, "+79161234567", true, null)),
                IdentityClaims.digest(claims("a@b.ru", true, "8 916 123-45-67", true, null)));
        assertNotEquals(IdentityClaims.digest(claims("a@b.ru", true, "+79161234567", true, null)),
                IdentityClaims.digest(claims("a@b.ru", false, "+79161234567", true, null)));
    }
}
