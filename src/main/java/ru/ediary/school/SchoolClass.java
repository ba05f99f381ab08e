package ru.ediary.school;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.UUID;

/** A class such as "5А". Its class teacher is the account whose SNILS the school recorded. */
@Entity
@Table(name = "school_class")
public class SchoolClass extends PanacheEntityBase {

    @Id
    public UUID id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "school_id")
    public School school;
    public String externalId;
    public String name;
    public String teacherSnils;
    @Version
    public long version;
}
