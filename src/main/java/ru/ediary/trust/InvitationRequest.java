package ru.ediary.trust;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import ru.ediary.api.ApiException;
import ru.ediary.api.Ids;
import ru.ediary.api.UserError;
import ru.ediary.api.UserErrorCode;
import ru.ediary.api.validation.PersonName;
import ru.ediary.api.validation.PhoneNumbers;
import ru.ediary.api.validation.SnilsNumbers;

/**
 * An InvitationInput checked for what is wrong whatever the data, with the invitee's phone or SNILS normalised
 * once: the checks, the lookup and the idempotency hash all use this.
 *
 * @param byPhone whether the invitee is named by mobile phone (else by SNILS)
 * @param identifier the normalised phone (E.164) or SNILS
 * @param surname as typed; the lookup compares it ignoring case, spaces and ё/е
 */
record InvitationRequest(Service service, List<String> childIds, boolean byPhone, String identifier,
        String surname) {

    private static final PersonName.Validator NAMES = new PersonName.Validator();

    /** Either a request or the userErrors that make one impossible; never both. */
    record Parsed(InvitationRequest request, List<UserError> errors) {
    }

    /** Input that is wrong whatever the data: checked before any lookup is counted. */
    static Parsed parse(InvitationInput input, int maxChildren) {
        List<UserError> errors = new ArrayList<>();
        boolean hasPhone = input.phone != null && !input.phone.isBlank();
        boolean hasSnils = input.snils != null && !input.snils.isBlank();
        String identifier = null;
        if (hasPhone == hasSnils) {
            errors.add(UserError.of("phone", UserErrorCode.IDENTIFIER_REQUIRED));
        } else if (hasPhone) {
            identifier = input.phone.length() > 32 ? null : PhoneNumbers.normalizeMobile(input.phone).orElse(null);
            if (identifier == null) {
                errors.add(UserError.of("phone",
                        input.phone.length() > 32 ? UserErrorCode.TOO_LONG : UserErrorCode.INVALID_PHONE));
            }
        } else {
            identifier = input.snils.length() > 20 ? null : SnilsNumbers.normalize(input.snils).orElse(null);
            if (identifier == null) {
                errors.add(UserError.of("snils",
                        input.snils.length() > 20 ? UserErrorCode.TOO_LONG : UserErrorCode.INVALID_SNILS));
            }
        }
        String surname = input.surname == null ? "" : input.surname.strip();
        if (surname.isEmpty()) {
            errors.add(UserError.of("surname", UserErrorCode.REQUIRED));
        } else if (surname.length() > 100) {
            errors.add(UserError.of("surname", UserErrorCode.TOO_LONG));
        } else if (!NAMES.isValid(surname, null)) {
            errors.add(UserError.of("surname", UserErrorCode.INVALID_NAME));
        }
        if (input.childIds.isEmpty()) {
            errors.add(UserError.of("childIds", UserErrorCode.REQUIRED));
        } else if (input.childIds.size() > maxChildren) {
            errors.add(UserError.of("childIds", UserErrorCode.TOO_MANY));
        } else {
            Set<String> seen = new LinkedHashSet<>();
            for (int i = 0; i < input.childIds.size(); i++) {
                if (!seen.add(input.childIds.get(i))) {
                    errors.add(UserError.of("childIds[" + i + "]", UserErrorCode.DUPLICATE));
                }
            }
        }
        return errors.isEmpty()
                ? new Parsed(new InvitationRequest(input.service, List.copyOf(input.childIds), hasPhone, identifier,
                        input.surname), List.of())
                : new Parsed(null, List.copyOf(errors));
    }

    /** childIds[i] as a UUID, or null when it is none: such an id is answered like someone else's child. */
    UUID childIdOrNull(int i) {
        try {
            return Ids.parse(childIds.get(i));
        } catch (ApiException e) {
            return null;
        }
    }

    /** The userError field the invitee's identifier answers in. */
    String identifierField() {
        return byPhone ? "phone" : "snils";
    }

    /** Names what the request asks for, so a retried key can tell the same request from another one. */
    String hash() {
        String canonical = service + "|" + new TreeSet<>(childIds) + "|" + (byPhone ? identifier : "") + "|"
                + (byPhone ? "" : identifier) + "|" + InviteeLookup.normalize(surname);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
