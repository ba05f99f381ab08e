package ru.ediary.trust;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import ru.ediary.account.Account;

/** A parent's offer of access to a trusted person, for one service and one or more children. */
@Entity
@Table(name = "invitation")
public class Invitation extends PanacheEntityBase {

    @Id
    public UUID id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "inviter_id")
    public Account inviter;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "invitee_id")
    public Account invitee;
    @Enumerated(EnumType.STRING)
    public Service service;
    @Enumerated(EnumType.STRING)
    public InvitationStatus status;
    public String idempotencyKey;
    public String requestHash;
    public String inviteeIdentifier;
    public Instant createdAt;
    public Instant expiresAt;
    public Instant acceptedAt;
    public Instant activateAfter;
    public Instant closedAt;
    @Version
    public long version;
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "invitation_child", joinColumns = @JoinColumn(name = "invitation_id"))
    public Set<InvitationChild> children = new LinkedHashSet<>();

    /** Still PENDING past its deadline: expired, even before the job gets to it. */
    boolean overdueAt(Instant now) {
        return status == InvitationStatus.PENDING && !now.isBefore(expiresAt);
    }

    /** The invitee accepted; the activation job grants access once activateAfter has passed. */
    void accept(Instant now, Duration activationDelay) {
        status = InvitationStatus.ACCEPTED;
        acceptedAt = now;
        activateAfter = now.plus(activationDelay);
    }

    /** Ends an open invitation (declined, cancelled or expired). */
    void close(InvitationStatus outcome, Instant now) {
        status = outcome;
        closedAt = now;
    }
}
