package ru.ediary.access;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import ru.ediary.school.Student;

/**
 * A row of the {@code direct_access} view (migration V5): the one definition of brief rules 1 and 2. Read-only;
 * HQL queries join it where native SQL does not fit.
 */
@Entity
@Immutable
@Table(name = "direct_access")
public class DirectAccess extends PanacheEntityBase {

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "account_id")
        public UUID accountId;
        @Column(name = "student_id")
        public UUID studentId;
        @Enumerated(EnumType.STRING)
        public AccessCapacity capacity;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(accountId, k.accountId) && Objects.equals(studentId, k.studentId)
                    && capacity == k.capacity;
        }

        @Override
        public int hashCode() {
            return Objects.hash(accountId, studentId, capacity);
        }
    }

    @EmbeddedId
    public Key id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "student_id", insertable = false, updatable = false)
    public Student student;
}
