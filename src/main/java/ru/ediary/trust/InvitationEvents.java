package ru.ediary.trust;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.UUID;
import ru.ediary.audit.AuditAction;
import ru.ediary.audit.AuditService;

/**
 * What every use case records when an invitation moves: an audit event per child it names, and the
 * {@code ediary.invitations} counter by event. The sending and answering services and the activation job share it,
 * so the audit rows and the metric keep one shape.
 */
@ApplicationScoped
public class InvitationEvents {

    private final AuditService audit;
    private final MeterRegistry metrics;

    InvitationEvents(AuditService audit, MeterRegistry metrics) {
        this.audit = audit;
        this.metrics = metrics;
    }

    /** One audit event per child of the invitation, naming the invitee as the subject. */
    void audit(Invitation invitation, UUID actor, AuditAction action) {
        audit(actor, action, invitation.id, invitation.invitee.id,
                invitation.children.stream().map(c -> c.studentId).toList());
    }

    /** The same for an invitation the activation job knows only by its rows. */
    void audit(UUID actor, AuditAction action, UUID invitationId, UUID inviteeId, Collection<UUID> children) {
        for (UUID child : children) {
            audit.record(actor, action, child, invitationId, null, inviteeId);
        }
    }

    /** {@code event}: sent, accepted, declined, cancelled, expired, activated or failed. */
    void count(String event, int times) {
        metrics.counter("ediary.invitations", "event", event).increment(times);
    }

    void count(String event) {
        count(event, 1);
    }
}
