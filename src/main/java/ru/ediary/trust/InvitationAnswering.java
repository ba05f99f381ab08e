package ru.ediary.trust;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import ru.ediary.account.Caller;
import ru.ediary.api.ApiException;
import ru.ediary.api.ForbiddenException;
import ru.ediary.api.Ids;
import ru.ediary.api.NotFoundException;
import ru.ediary.api.PersistenceFailures;
import ru.ediary.api.Tx;
import ru.ediary.api.UserError;
import ru.ediary.api.UserErrorCode;
import ru.ediary.audit.AuditAction;
import ru.ediary.config.EdiaryConfig;
import ru.ediary.notification.NotificationKind;
import ru.ediary.notification.NotificationService;

/**
 * Answering an invitation until the activation job takes it: the invitee accepts or declines, the inviter cancels.
 * Each answer is its own transaction; the entity's version turns a race (accept against cancel) into INVALID_STATE.
 */
@ApplicationScoped
public class InvitationAnswering {

    private enum Transition {
        ACCEPT,
        DECLINE,
        CANCEL
    }

    private final Caller caller;
    private final NotificationService notifications;
    private final InvitationEvents events;
    private final InvitationViews views;
    private final EntityManager em;
    private final EdiaryConfig config;
    private final Clock clock;

    InvitationAnswering(Caller caller, NotificationService notifications, InvitationEvents events,
            InvitationViews views, EntityManager em, EdiaryConfig config, Clock clock) {
        this.caller = caller;
        this.notifications = notifications;
        this.events = events;
        this.views = views;
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    public InvitationPayload accept(String id) throws ApiException {
        return transition(id, Transition.ACCEPT);
    }

    public InvitationPayload decline(String id) throws ApiException {
        return transition(id, Transition.DECLINE);
    }

    public InvitationPayload cancel(String id) throws ApiException {
        return transition(id, Transition.CANCEL);
    }

    private InvitationPayload transition(String id, Transition transition) throws ApiException {
        UUID invitationId = Ids.parse(id);
        UUID me = caller.accountId();
        try {
            return Tx.inNew(() -> apply(invitationId, me, transition));
        } catch (PersistenceException e) {
            if (!PersistenceFailures.isConcurrentChange(e)) {
                throw e;
            }
            // someone else changed it first (accept racing cancel): report the state that won
            return Tx.inNew(() -> invalidState(load(invitationId, me), me));
        }
    }

    private Invitation load(UUID invitationId, UUID me) throws NotFoundException {
        Invitation invitation = Invitation.<Invitation>find(
                "from Invitation i join fetch i.inviter join fetch i.invitee where i.id = ?1", invitationId).firstResult();
        if (invitation == null || !(invitation.inviter.id.equals(me) || invitation.invitee.id.equals(me))) {
            throw new NotFoundException();
        }
        return invitation;
    }

    private InvitationPayload apply(UUID invitationId, UUID me, Transition transition) throws ApiException {
        Invitation invitation = load(invitationId, me);
        boolean isInvitee = invitation.invitee.id.equals(me);
        if (transition == Transition.CANCEL && isInvitee) {
            throw new ForbiddenException(InvitationTexts.CANCEL_BY_INVITER_ONLY);
        }
        if (transition != Transition.CANCEL && !isInvitee) {
            throw new ForbiddenException(InvitationTexts.ANSWER_BY_INVITEE_ONLY);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (invitation.overdueAt(now)) {
            // the job has not got to it yet; it is expired all the same
            close(invitation, InvitationStatus.EXPIRED, now, null);
            return invalidState(invitation, me);
        }
        boolean allowed = switch (transition) {
            case ACCEPT, DECLINE -> invitation.status == InvitationStatus.PENDING;
            case CANCEL -> invitation.status.isOpen();
        };
        if (!allowed) {
            return invalidState(invitation, me);
        }
        String childNames = views.childNames(invitation);
        switch (transition) {
            case ACCEPT -> {
                invitation.accept(now, config.trust().activationDelay());
                events.audit(invitation, me, AuditAction.INVITATION_ACCEPTED);
                var text = InvitationTexts.accepted(invitation.invitee.fullName(), invitation.service, childNames);
                notifications.notify(invitation.inviter.id, NotificationKind.INVITATION_ACCEPTED, text.title(),
                        text.body(), invitation.id, null);
                events.count("accepted");
            }
            case DECLINE -> close(invitation, InvitationStatus.DECLINED, now, me);
            case CANCEL -> close(invitation, InvitationStatus.CANCELLED, now, me);
        }
        em.flush();
        return InvitationPayload.ok(views.of(invitation, me));
    }

    /** Ends an open invitation, telling the other side (both sides when it expired). */
    private void close(Invitation invitation, InvitationStatus status, Instant now, UUID actor) {
        InvitationStatus before = invitation.status;
        invitation.close(status, now);
        String names = views.childNames(invitation);
        switch (status) {
            case DECLINED -> {
                events.audit(invitation, actor, AuditAction.INVITATION_DECLINED);
                var text = InvitationTexts.declined(invitation.invitee.fullName(), names);
                notifications.notify(invitation.inviter.id, NotificationKind.INVITATION_DECLINED, text.title(),
                        text.body(), invitation.id, null);
            }
            case CANCELLED -> {
                events.audit(invitation, actor, AuditAction.INVITATION_CANCELLED);
                var text = InvitationTexts.cancelled(invitation.inviter.fullName(), names,
                        before == InvitationStatus.ACCEPTED);
                notifications.notify(invitation.invitee.id, NotificationKind.INVITATION_CANCELLED, text.title(),
                        text.body(), invitation.id, null);
            }
            case EXPIRED -> {
                events.audit(invitation, null, AuditAction.INVITATION_EXPIRED);
                for (UUID who : List.of(invitation.inviter.id, invitation.invitee.id)) {
                    notifications.notify(who, NotificationKind.INVITATION_EXPIRED, InvitationTexts.EXPIRED.title(),
                            InvitationTexts.EXPIRED.body(), invitation.id, null);
                }
            }
            default -> throw new IllegalArgumentException(status.name());
        }
        events.count(status.name().toLowerCase());
    }

    private InvitationPayload invalidState(Invitation invitation, UUID me) {
        return new InvitationPayload(views.of(invitation, me), List.of(UserError.of("", UserErrorCode.INVALID_STATE)));
    }
}
