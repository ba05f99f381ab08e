package ru.ediary.diary;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Objects;

@Embeddable
public class Mark {

    public short value;
    public short weight;
    @Enumerated(EnumType.STRING)
    public MarkKind kind;
    public String comment;

    public Mark() {
    }

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
