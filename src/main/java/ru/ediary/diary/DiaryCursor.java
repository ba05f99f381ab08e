package ru.ediary.diary;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;
import ru.ediary.api.BadUserInputException;

/** Keyset position in a diary: (date, lesson, id), oldest first; stable while entries are added. */
record DiaryCursor(LocalDate date, int lesson, UUID id) {

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((date + ":" + lesson + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    static DiaryCursor decode(String after) throws BadUserInputException {
        if (after == null) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8).split(":");
            return new DiaryCursor(LocalDate.parse(parts[0]), Integer.parseInt(parts[1]), UUID.fromString(parts[2]));
        } catch (RuntimeException e) {
            throw new BadUserInputException("Некорректный курсор: передайте endCursor из предыдущей страницы.");
        }
    }
}
