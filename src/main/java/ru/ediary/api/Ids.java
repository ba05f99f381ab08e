package ru.ediary.api;

import java.util.UUID;

/** Object ids are UUIDs on the wire; anything else is refused before it reaches a query. */
public final class Ids {

    private Ids() {
    }

    public static UUID parse(String id) throws BadUserInputException {
        if (id == null || id.length() != 36) {
            throw new BadUserInputException("Некорректный идентификатор.");
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new BadUserInputException("Некорректный идентификатор.");
        }
    }
}
