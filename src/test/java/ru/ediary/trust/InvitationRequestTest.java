package ru.ediary.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import ru.ediary.api.UserError;
import ru.ediary.api.UserErrorCode;

/** Parsing an InvitationInput once, without a database: what it keeps normalised and what it refuses. */
class InvitationRequestTest {

    private static final String CHILD_A = "11111111-1111-1111-1111-111111111111";
    private static final String CHILD_B = "22222222-2222-2222-2222-222222222222";

    private static InvitationInput input(String phone, String snils, String surname, String... children) {
        InvitationInput input = new InvitationInput();
        input.service = Service.ELECTRONIC_DIARY;
        input.phone = phone;
        input.snils = snils;
        input.surname = surname;
        input.childIds = List.of(children);
        return input;
    }

    private static List<UserErrorCode> codes(InvitationRequest.Parsed parsed) {
        return parsed.errors().stream().map(UserError::code).toList();
    }

    @Test
    void phoneInAnyUsualFormIsNormalisedOnceAndHashesTheSame() {
        var plain = InvitationRequest.parse(input("+79161234567", null, "Иванова", CHILD_A, CHILD_B), 20);
        var spaced = InvitationRequest.parse(input("8 (916) 123-45-67", null, " иванова ", CHILD_B, CHILD_A), 20);
        assertTrue(plain.errors().isEmpty());
        assertTrue(plain.request().byPhone());
        assertEquals("phone", plain.request().identifierField());
        assertEquals(plain.request().identifier(), spaced.request().identifier());
        assertEquals(plain.request().hash(), spaced.request().hash());
    }

    @Test
    void anotherInviteeOrChildMakesAnotherHash() {
        var one = InvitationRequest.parse(input("+79161234567", null, "Иванова", CHILD_A), 20).request();
        var otherPhone = InvitationRequest.parse(input("+79161234568", null, "Иванова", CHILD_A), 20).request();
        var otherChild = InvitationRequest.parse(input("+79161234567", null, "Иванова", CHILD_B), 20).request();
        assertNotEquals(one.hash(), otherPhone.hash());
        assertNotEquals(one.hash(), otherChild.hash());
    }

    @Test
    void snilsNamesTheInviteeBySnils() {
        var parsed = InvitationRequest.parse(input(null, "112-233-445 95", "Иванова", CHILD_A), 20);
        assertTrue(parsed.errors().isEmpty());
        assertFalse(parsed.request().byPhone());
        assertEquals("snils", parsed.request().identifierField());
    }

    @Test
    void exactlyOneIdentifierIsRequired() {
        assertEquals(List.of(UserErrorCode.IDENTIFIER_REQUIRED),
                codes(InvitationRequest.parse(input(null, " ", "Иванова", CHILD_A), 20)));
        assertEquals(List.of(UserErrorCode.IDENTIFIER_REQUIRED),
                codes(InvitationRequest.parse(input("+79161234567", "112-233-445 95", "Иванова", CHILD_A), 20)));
    }

    @Test
    void badInputGivesEveryErrorAndNoRequest() {
        var parsed = InvitationRequest.parse(input("12", null, "", CHILD_A, CHILD_A), 20);
        assertNull(parsed.request());
        assertEquals(List.of(UserErrorCode.INVALID_PHONE, UserErrorCode.REQUIRED, UserErrorCode.DUPLICATE),
                codes(parsed));
        assertEquals("childIds[1]", parsed.errors().get(2).field());
    }

    @Test
    void moreChildrenThanAllowedAreRefused() {
        assertEquals(List.of(UserErrorCode.TOO_MANY),
                codes(InvitationRequest.parse(input("+79161234567", null, "Иванова", CHILD_A, CHILD_B), 1)));
    }
}
