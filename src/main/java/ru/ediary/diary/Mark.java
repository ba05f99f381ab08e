package ru.ediary.diary;

import java.util.Objects;

/** A mark as stored: value, weight, kind and the teacher's comment. */
public class Mark {

    public final short value;
    public final short weight;
    public final MarkKind kind;
    public final String comment;

    Mark(short value, short weight, MarkKind kind, String comment) {
        this.value = value;
        this.weight = weight;
        this.kind = kind;
        this.comment = comment;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Mark mark && value == mark.value && weight == mark.weight && kind == mark.kind
                && Objects.equals(comment, mark.comment);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, weight, kind, comment);
    }
}
