package ru.ediary.access;

import jakarta.enterprise.context.RequestScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import ru.ediary.access.ChildReaders.Reader;

/**
 * How the caller reads each child this request's root queries put into the answer ({@code myChildren},
 * {@code diaryAccess}, {@code child}), decided by the read rule a moment before in the same transaction. The
 * {@code Child} batch fields ask here instead of the database: a parent's own child needs no trusted-read audit
 * lookup, and only a parent sees a child's trusted persons.
 */
@RequestScoped
public class ReadChildren {

    private final Map<String, Reader> readers = new ConcurrentHashMap<>();

    /** Direct access outranks any other way the same child reached the answer. */
    void remember(String childId, Reader reader) {
        readers.merge(childId, reader, (before, now) -> before.direct() ? before : now);
    }

    /** How the caller reads the child; empty when no root query of this request answered with it. */
    public Optional<Reader> of(String childId) {
        return Optional.ofNullable(readers.get(childId));
    }
}
