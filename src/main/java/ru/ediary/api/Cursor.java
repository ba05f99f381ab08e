package ru.ediary.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Keyset cursor over (time, id), newest first: stable while rows are added, opaque to clients.
 * Rows are written with microsecond times (PostgreSQL's precision), so a cursor round-trips exactly.
 */
public record Cursor(Instant at, UUID id) {

    public static final int DEFAULT_PAGE = 20;
    public static final int MAX_PAGE = 100;

    public String encode() {
        String raw = at.getEpochSecond() + ":" + at.getNano() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Null for the first page. */
    public static Cursor decode(String after) throws BadUserInputException {
        if (after == null) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8).split(":");
            return new Cursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                    UUID.fromString(parts[2]));
        } catch (RuntimeException e) {
            throw new BadUserInputException("Некорректный курсор: передайте endCursor из предыдущей страницы.");
        }
    }

    /** {@code first} as asked, or the default; anything outside 1..100 is refused. */
    public static int pageSize(Integer first) throws BadUserInputException {
        if (first == null) {
            return DEFAULT_PAGE;
        }
        if (first < 1 || first > MAX_PAGE) {
            throw new BadUserInputException("Параметр first должен быть от 1 до " + MAX_PAGE + ".");
        }
        return first;
    }
}
