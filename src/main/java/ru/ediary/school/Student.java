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
import java.time.LocalDate;
import java.util.UUID;
import ru.ediary.account.FullNames;

/** A child's school record, with the child's own contacts as the school recorded them. */
@Entity
@Table(name = "student")
public class Student extends PanacheEntityBase {

    @Id
    public UUID id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "school_id")
    public School school;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "class_id")
    public SchoolClass schoolClass;
    public String externalId;
    public String lastName;
    public String firstName;
    public String middleName;
    public LocalDate birthDate;
    @Enumerated(EnumType.STRING)
    public EnrolmentStatus status;
    public String email;
    public String phone;
    public Instant updatedAt;
    @Version
    public long version;

    public String fullName() {
        return FullNames.of(lastName, firstName, middleName);
    }

    public boolean enrolled() {
        return status == EnrolmentStatus.ENROLLED;
    }
}
