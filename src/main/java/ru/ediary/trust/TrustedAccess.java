package ru.ediary.trust;

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
import ru.ediary.account.Account;
import ru.ediary.school.Student;

/**
 * One grant: trusted person × child × service. Stored live or revoked; a live grant is ACTIVE while its
 * inviting parent has direct access to the child and SUSPENDED otherwise, decided afresh on every read.
 */
@Entity
@Table(name = "trusted_access")
public class TrustedAccess extends PanacheEntityBase {

    public enum RevokeReason {
        REVOKED,
        RENOUNCED
    }

    @Id
    public UUID id;
    public UUID invitationId;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "trusted_person_id")
    public Account trustedPerson;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "inviter_id")
    public Account inviter;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "student_id")
    public Student student;
    @Enumerated(EnumType.STRING)
    public Service service;
    public Instant grantedAt;
    public Instant revokedAt;
    public UUID revokedBy;
    @Enumerated(EnumType.STRING)
    public RevokeReason revokeReason;
    @Version
    public long version;

    public boolean live() {
        return revokedAt == null;
    }
}
