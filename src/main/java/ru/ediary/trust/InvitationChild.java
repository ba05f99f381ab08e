package ru.ediary.trust;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Objects;
import java.util.UUID;

@Embeddable
public class InvitationChild {

    public enum Outcome {
        GRANTED,
        SKIPPED
    }

    @Column(name = "student_id")
    public UUID studentId;
    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    public InvitationChild() {
    }

    InvitationChild(UUID studentId) {
        this.studentId = studentId;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InvitationChild child && Objects.equals(studentId, child.studentId);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(studentId);
    }
}
