package ru.ediary.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "audit_event")
public class AuditEvent extends PanacheEntityBase {

    @Id
    public UUID id;
    public Instant occurredAt;
    /** Null when the activation job acted. */
    public UUID actorId;
    @Enumerated(EnumType.STRING)
    public AuditAction action;
    public UUID studentId;
    public UUID invitationId;
    public UUID trustedAccessId;
    /** The trusted person the event is about. */
    public UUID subjectId;
}
