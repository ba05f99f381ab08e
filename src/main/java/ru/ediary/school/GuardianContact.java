package ru.ediary.school;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import ru.ediary.account.FullNames;

/** A legal representative the school recorded for a student: the data a parent's profile must match. */
@Entity
@Table(name = "guardian_contact")
public class GuardianContact extends PanacheEntityBase {

    @Id
    public UUID id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "student_id")
    public Student student;
    /** Set when a school system owns the record; null when a class teacher recorded it. */
    public String externalId;
    public String lastName;
    public String firstName;
    public String middleName;
    @Enumerated(EnumType.STRING)
    public GuardianRelation relation;
    public String email;
    public String phone;
    public Instant updatedAt;
    @Version
    public long version;

    public String fullName() {
        return FullNames.of(lastName, firstName, middleName);
    }
}
