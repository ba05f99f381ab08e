package ru.ediary.trust;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Columns of native query rows, as the JDBC driver and Hibernate hand them over. */
final class NativeValues {

    private NativeValues() {
    }

    /** A timestamptz column, whichever type it arrives as; null stays null. */
    static Instant instant(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
