package ru.ediary.trust;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import ru.ediary.access.ChildView;
import ru.ediary.account.Caller;
import ru.ediary.api.ApiException;
import ru.ediary.api.PersistenceFailures;
import ru.ediary.api.RateLimiter;
import ru.ediary.api.Tx;
import ru.ediary.api.UserError;
import ru.ediary.api.UserErrorCode;
import ru.ediary.audit.AuditAction;
import ru.ediary.config.EdiaryConfig;
import ru.ediary.notification.NotificationKind;
import ru.ediary.notification.NotificationService;
import ru.ediary.trust.InvitationEligibility.Eligible;

/**
 * Seed steps 1–4: previewing and sending an invitation. The input is parsed once ({@link InvitationRequest}), a
 * send is idempotent by key and rate limited, and sends naming the same children are serialised.
 */
@ApplicationScoped
public class InvitationSending {

    static final String LOOKUP = "INVITEE_LOOKUP";
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    private final Caller caller;
    private final InvitationEligibility eligibility;
    private final RateLimiter limiter;
    private final NotificationService notifications;
    private final InvitationEvents events;
    private final InvitationViews views;
    private final EntityManager em;
    private final EdiaryConfig config;
    private final Clock clock;

    InvitationSending(Caller caller, InvitationEligibility eligibility, RateLimiter limiter,
            NotificationService notifications, InvitationEvents events, InvitationViews views, EntityManager em,
            EdiaryConfig config, Clock clock) {
        this.caller = caller;
        this.eligibility = eligibility;
        this.limiter = limiter;
        this.notifications = notifications;
        this.events = events;
        this.views = views;
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    /** A query: checks run in the caller's transaction; the lookup counter writes in its own (RateLimiter). */
    @Transactional
    public InvitationPreview.Payload preview(InvitationInput input) throws ApiException {
        UUID me = caller.accountId();
        InvitationRequest.Parsed parsed = InvitationRequest.parse(input, config.trust().maxChildrenPerInvitation());
        List<UserError> errors = parsed.errors();
        if (errors.isEmpty() && !limiter.tryAcquire(me, LOOKUP, config.trust().lookupLimit(), config.trust().lookupWindow())) {
            errors = List.of(UserError.of("", UserErrorCode.RATE_LIMITED));
        }
        if (!errors.isEmpty()) {
            return new InvitationPreview.Payload(null, errors);
        }
        List<UserError> found = new ArrayList<>();
        Eligible eligible = eligibility.check(me, parsed.request(), found);
        if (!found.isEmpty()) {
            return new InvitationPreview.Payload(null, found);
        }
        return new InvitationPreview.Payload(new InvitationPreview(parsed.request().service(), parsed.request().service().title(),
                eligible.invitee().fullName(), eligible.children().stream()
                        .map(c -> new InvitedChild(c.id(), c.fullName(), null)).toList()),
                List.of());
    }

    public InvitationPayload send(InvitationInput input, String idempotencyKey) throws ApiException {
        UUID me = caller.accountId();
        List<UserError> errors = new ArrayList<>();
        if (idempotencyKey == null || !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            errors.add(UserError.of("idempotencyKey", UserErrorCode.INVALID_VALUE));
        }
        InvitationRequest.Parsed parsed = InvitationRequest.parse(input, config.trust().maxChildrenPerInvitation());
        errors.addAll(parsed.errors());
        if (!errors.isEmpty()) {
            return InvitationPayload.failed(errors);
        }
        InvitationRequest request = parsed.request();
        String hash = request.hash();
        // a retry with the same key answers with what the first send created, and costs no lookup
        Optional<InvitationPayload> replay = Tx.inNew(() -> replay(me, idempotencyKey, hash));
        if (replay.isPresent()) {
            return replay.get();
        }
        if (!limiter.tryAcquire(me, LOOKUP, config.trust().lookupLimit(), config.trust().lookupWindow())) {
            return InvitationPayload.failed(List.of(UserError.of("", UserErrorCode.RATE_LIMITED)));
        }
        try {
            return Tx.inNew(() -> {
                // sends naming the same children queue here, so each sees what the one before it created
                lockChildren(request);
                Optional<InvitationPayload> concurrent = replay(me, idempotencyKey, hash);
                if (concurrent.isPresent()) {
                    return concurrent.get();
                }
                List<UserError> found = new ArrayList<>();
                Eligible eligible = eligibility.check(me, request, found);
                if (!found.isEmpty()) {
                    return InvitationPayload.failed(found);
                }
                return InvitationPayload.ok(create(eligible, request.service(), idempotencyKey, hash));
            });
        } catch (PersistenceException e) {
            if (PersistenceFailures.violatedConstraint(e).filter(c -> c.contains("idempotency")).isPresent()) {
                return Tx.inNew(() -> replay(me, idempotencyKey, hash)).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    private Optional<InvitationPayload> replay(UUID me, String key, String hash) {
        Invitation existing = Invitation.<Invitation>find("inviter.id = ?1 and idempotencyKey = ?2", me, key)
                .firstResult();
        if (existing == null) {
            return Optional.empty();
        }
        if (!existing.requestHash.equals(hash)) {
            return Optional.of(InvitationPayload.failed(List.of(
                    UserError.of("idempotencyKey", UserErrorCode.IDEMPOTENCY_KEY_REUSED))));
        }
        return Optional.of(InvitationPayload.ok(views.of(existing, me)));
    }

    private void lockChildren(InvitationRequest request) {
        List<UUID> ids = IntStream.range(0, request.childIds().size()).mapToObj(request::childIdOrNull)
                .filter(Objects::nonNull).sorted().toList();
        if (!ids.isEmpty()) {
            em.createNativeQuery("select id from student where id in (?1) order by id for update")
                    .setParameter(1, ids).getResultList();
        }
    }

    private InvitationView create(Eligible eligible, Service service, String key, String hash) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var invitation = new Invitation();
        invitation.id = UUID.randomUUID();
        invitation.inviter = eligible.inviter();
        invitation.invitee = eligible.invitee();
        invitation.service = service;
        invitation.status = InvitationStatus.PENDING;
        invitation.idempotencyKey = key;
        invitation.requestHash = hash;
        invitation.inviteeIdentifier = eligible.maskedIdentifier();
        invitation.createdAt = now;
        invitation.expiresAt = now.plus(config.trust().invitationTtl());
        eligible.children().forEach(child -> invitation.children.add(new InvitationChild(UUID.fromString(child.id()))));
        invitation.persist();
        em.flush();

        String names = eligible.children().stream().map(ChildView::fullName).collect(Collectors.joining(", "));
        var text = InvitationTexts.received(eligible.inviter().fullName(), service, names);
        notifications.notify(eligible.invitee().id, NotificationKind.INVITATION_RECEIVED, text.title(), text.body(),
                invitation.id, null);
        events.audit(eligible.inviter().id, AuditAction.INVITATION_SENT, invitation.id, eligible.invitee().id,
                eligible.children().stream().map(c -> UUID.fromString(c.id())).toList());
        events.count("sent");
        return views.of(invitation, eligible.inviter().id);
    }
}
