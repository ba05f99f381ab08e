package ru.ediary.school;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "school")
public class School extends PanacheEntityBase {

    @Id
    public UUID id;
    public String name;
    /** The OIDC client of the one school system bound to this school. */
    public String systemClientId;
    public Instant createdAt;
}
