package ru.ediary.trust;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import ru.ediary.access.AccessCapacity;
import ru.ediary.access.ChildView;
import ru.ediary.access.DirectAccessService;
import ru.ediary.account.Account;
import ru.ediary.account.AccountService;
import ru.ediary.account.FullNames;
import ru.ediary.account.Caller;
import ru.ediary.api.ApiException;
import ru.ediary.api.Cursor;
import ru.ediary.api.ForbiddenException;
import ru.ediary.api.Ids;
import ru.ediary.api.NotFoundException;
import ru.ediary.api.Pages;
import ru.ediary.api.PersistenceFailures;
import ru.ediary.api.RateLimiter;
import ru.ediary.api.Tx;
import ru.ediary.api.UserError;
import ru.ediary.api.UserErrorCode;

import ru.ediary.api.validation.PhoneNumbers;
import ru.ediary.api.validation.SnilsNumbers;
import ru.ediary.audit.AuditAction;
import ru.ediary.audit.AuditService;
import ru.ediary.config.EdiaryConfig;
import ru.ediary.notification.NotificationKind;
import ru.ediary.notification.NotificationService;
import ru.ediary.school.Student;
import ru.ediary.school.StudentRepository;

/** Seed steps 1–4 and the invitation's life until activation: preview, send, accept, decline, cancel. */
@ApplicationScoped
public class InvitationService {

    static final String LOOKUP = "INVITEE_LOOKUP";
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    private final Caller caller;
    private final AccountService accounts;
    private final DirectAccessService direct;
    private final InviteeLookup lookup;
    private final RateLimiter limiter;
    private final NotificationService notifications;
    private final AuditService audit;
    private final StudentRepository students;
    private final EntityManager em;
    private final EdiaryConfig config;
    private final Clock clock;
    private final MeterRegistry metrics;

    InvitationService(Caller caller, AccountService accounts, DirectAccessService direct, InviteeLookup lookup,
            RateLimiter limiter, NotificationService notifications, AuditService audit, StudentRepository students,
            EntityManager em, EdiaryConfig config, Clock clock, MeterRegistry metrics) {
        this.caller = caller;
        this.accounts = accounts;
        this.direct = direct;
        this.lookup = lookup;
        this.limiter = limiter;
        this.notifications = notifications;
        this.audit = audit;
        this.students = students;
        this.em = em;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** What the checks found: everything needed to preview or send. */
    private record Checked(Account inviter, Account invitee, List<ChildView> children, String maskedIdentifier) {
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
        Checked checked = check(me, parsed.request(), found);
        if (!found.isEmpty()) {
            return new InvitationPreview.Payload(null, found);
        }
        return new InvitationPreview.Payload(new InvitationPreview(parsed.request().service(), parsed.request().service().title(),
                checked.invitee().fullName(), checked.children().stream()
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
                lockChildren(request.childIds());
                Optional<InvitationPayload> concurrent = replay(me, idempotencyKey, hash);
                if (concurrent.isPresent()) {
                    return concurrent.get();
                }
                List<UserError> found = new ArrayList<>();
                Checked checked = check(me, request, found);
                if (!found.isEmpty()) {
                    return InvitationPayload.failed(found);
                }
                return InvitationPayload.ok(create(checked, request.service(), idempotencyKey, hash));
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
        return Optional.of(InvitationPayload.ok(views(List.of(existing), me).get(0)));
    }

    private void lockChildren(List<String> childIds) {
        List<UUID> ids = childIds.stream().map(InvitationService::parseOrNull).filter(java.util.Objects::nonNull)
                .sorted().toList();
        if (!ids.isEmpty()) {
            em.createNativeQuery("select id from student where id in (?1) order by id for update")
                    .setParameter(1, ids).getResultList();
        }
    }

    /** The rules that need data (brief rule 4 and its refusals); adds userErrors, returns what it found. */
    private Checked check(UUID me, InvitationRequest request, List<UserError> errors) throws ApiException {
        Account inviter = accounts.find(me);
        Map<UUID, ChildView> ownChildren = direct.directChildren(inviter.id).stream()
                .filter(d -> d.capacity() == AccessCapacity.PARENT)
                .collect(Collectors.toMap(d -> d.id(), d -> d.child(), (a, b) -> a, LinkedHashMap::new));
        List<ChildView> children = new ArrayList<>();
        for (int i = 0; i < request.childIds().size(); i++) {
            ChildView child = Optional.ofNullable(parseOrNull(request.childIds().get(i))).map(ownChildren::get).orElse(null);
            if (child == null) {
                // someone else's child and no child at all give the same answer
                errors.add(UserError.of("childIds[" + i + "]", UserErrorCode.CHILD_NOT_AVAILABLE));
            } else {
                children.add(child);
            }
        }
        boolean byPhone = request.byPhone();
        String field = request.identifierField();
        String identifier = request.identifier();
        Optional<Account> found = byPhone ? lookup.byPhone(identifier, request.surname())
                : lookup.bySnils(identifier, request.surname());
        Optional<UserErrorCode> refusal = InvitationPolicies.inviteeRefusal(me, found.map(a -> a.id).orElse(null));
        if (refusal.isPresent()) {
            errors.add(UserError.of(field, refusal.get()));
            return null;
        }
        Account invitee = found.get();
        Set<UUID> inviteeSees = direct.directChildren(invitee.id).stream().map(d -> d.id())
                .collect(Collectors.toSet());
        for (int i = 0; i < request.childIds().size(); i++) {
            UUID childId = parseOrNull(request.childIds().get(i));
            if (childId == null || !ownChildren.containsKey(childId)) {
                continue;
            }
            String childField = "childIds[" + i + "]";
            InvitationPolicies.childRefusal(childFacts(invitee.id, childId, inviteeSees),
                    config.trust().maxTrustedPersonsPerChild())
                    .ifPresent(code -> errors.add(UserError.of(childField, code)));
        }
        String masked = byPhone ? PhoneNumbers.mask(identifier) : SnilsNumbers.mask(identifier);
        return new Checked(inviter, invitee, children, masked);
    }

    /** The facts childRefusal asks for, each looked up only when asked. */
    private InvitationPolicies.ChildFacts childFacts(UUID inviteeId, UUID childId, Set<UUID> inviteeSees) {
        return new InvitationPolicies.ChildFacts() {
            @Override
            public boolean inviteeSeesDirectly() {
                return inviteeSees.contains(childId);
            }

            @Override
            public boolean inviteeAlreadyTrusted() {
                return TrustedAccess.count("trustedPerson.id = ?1 and student.id = ?2 and revokedAt is null",
                        inviteeId, childId) > 0;
            }

            @Override
            public boolean inviteeAlreadyInvited() {
                return openInvitations(inviteeId, childId) > 0;
            }

            @Override
            public long trustedOrInvited() {
                return TrustedAccess.count("student.id = ?1 and revokedAt is null", childId)
                        + openInvitations(null, childId);
            }
        };
    }

    private long openInvitations(UUID inviteeId, UUID childId) {
        String query = "select count(i) from Invitation i join i.children c where c.studentId = :child"
                + " and i.status in :open" + (inviteeId == null ? "" : " and i.invitee.id = :invitee");
        var q = em.createQuery(query, Long.class).setParameter("child", childId)
                .setParameter("open", List.of(InvitationStatus.PENDING, InvitationStatus.ACCEPTED));
        if (inviteeId != null) {
            q.setParameter("invitee", inviteeId);
        }
        return q.getSingleResult();
    }

    private InvitationView create(Checked checked, Service service, String key, String hash) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var invitation = new Invitation();
        invitation.id = UUID.randomUUID();
        invitation.inviter = checked.inviter();
        invitation.invitee = checked.invitee();
        invitation.service = service;
        invitation.status = InvitationStatus.PENDING;
        invitation.idempotencyKey = key;
        invitation.requestHash = hash;
        invitation.inviteeIdentifier = checked.maskedIdentifier();
        invitation.createdAt = now;
        invitation.expiresAt = now.plus(config.trust().invitationTtl());
        checked.children().forEach(child -> invitation.children.add(new InvitationChild(UUID.fromString(child.id()))));
        invitation.persist();
        em.flush();

        String names = checked.children().stream().map(ChildView::fullName).collect(Collectors.joining(", "));
        notifications.notify(checked.invitee().id, NotificationKind.INVITATION_RECEIVED,
                "Приглашение стать доверенным лицом",
                checked.inviter().fullName() + " приглашает вас стать доверенным лицом. Услуга: «" + service.title()
                        + "». Дети: " + names + ". Подтвердите или отклоните приглашение.",
                invitation.id, null);
        for (ChildView child : checked.children()) {
            audit.record(checked.inviter().id, AuditAction.INVITATION_SENT, UUID.fromString(child.id()), invitation.id, null,
                    checked.invitee().id);
        }
        metrics.counter("ediary.invitations", "event", "sent").increment();
        return views(List.of(invitation), checked.inviter().id).get(0);
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

    private enum Transition {
        ACCEPT,
        DECLINE,
        CANCEL
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
            return Tx.inNew(() -> new InvitationPayload(views(List.of(load(invitationId, me)), me).get(0),
                    List.of(UserError.of("", UserErrorCode.INVALID_STATE))));
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
            throw new ForbiddenException("Отменить приглашение может только тот, кто его отправил.");
        }
        if (transition != Transition.CANCEL && !isInvitee) {
            throw new ForbiddenException("Принять или отклонить приглашение может только приглашённый.");
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
        String childNames = childNames(invitation);
        switch (transition) {
            case ACCEPT -> {
                invitation.accept(now, config.trust().activationDelay());
                audit(invitation, me, AuditAction.INVITATION_ACCEPTED);
                notifications.notify(invitation.inviter.id, NotificationKind.INVITATION_ACCEPTED,
                        "Приглашение принято", invitation.invitee.fullName() + " принял(а) ваше приглашение. "
                                + "Доступ к услуге «" + invitation.service.title() + "» (" + childNames
                                + ") будет предоставлен в течение суток.", invitation.id, null);
                metrics.counter("ediary.invitations", "event", "accepted").increment();
            }
            case DECLINE -> close(invitation, InvitationStatus.DECLINED, now, me);
            case CANCEL -> close(invitation, InvitationStatus.CANCELLED, now, me);
        }
        em.flush();
        return InvitationPayload.ok(views(List.of(invitation), me).get(0));
    }

    /** Ends an open invitation, telling the other side (both sides when it expired). */
    private void close(Invitation invitation, InvitationStatus status, Instant now, UUID actor) {
        InvitationStatus before = invitation.status;
        invitation.close(status, now);
        String names = childNames(invitation);
        switch (status) {
            case DECLINED -> {
                audit(invitation, actor, AuditAction.INVITATION_DECLINED);
                notifications.notify(invitation.inviter.id, NotificationKind.INVITATION_DECLINED,
                        "Приглашение отклонено", invitation.invitee.fullName() + " отклонил(а) ваше приглашение ("
                                + names + ").", invitation.id, null);
            }
            case CANCELLED -> {
                audit(invitation, actor, AuditAction.INVITATION_CANCELLED);
                notifications.notify(invitation.invitee.id, NotificationKind.INVITATION_CANCELLED,
                        "Приглашение отменено", invitation.inviter.fullName() + " отменил(а) приглашение ("
                                + names + ")" + (before == InvitationStatus.ACCEPTED ? " до его активации." : "."),
                        invitation.id, null);
            }
            case EXPIRED -> {
                audit(invitation, null, AuditAction.INVITATION_EXPIRED);
                for (UUID who : List.of(invitation.inviter.id, invitation.invitee.id)) {
                    notifications.notify(who, NotificationKind.INVITATION_EXPIRED, InvitationTexts.EXPIRED_TITLE,
                            InvitationTexts.EXPIRED_BODY, invitation.id, null);
                }
            }
            default -> throw new IllegalArgumentException(status.name());
        }
        metrics.counter("ediary.invitations", "event", status.name().toLowerCase()).increment();
    }

    private void audit(Invitation invitation, UUID actor, AuditAction action) {
        for (InvitationChild child : invitation.children) {
            audit.record(actor, action, child.studentId, invitation.id, null, invitation.invitee.id);
        }
    }

    private String childNames(Invitation invitation) {
        List<UUID> ids = invitation.children.stream().map(c -> c.studentId).toList();
        return students.listByIdsByName(ids).stream().map(Student::fullName)
                .collect(Collectors.joining(", "));
    }

    private InvitationPayload invalidState(Invitation invitation, UUID me) {
        return new InvitationPayload(views(List.of(invitation), me).get(0),
                List.of(UserError.of("", UserErrorCode.INVALID_STATE)));
    }

    /** Invitations the account accepted that the job has not activated yet; call inside a transaction. */
    public List<PendingActivation> awaitingActivation(UUID accountId) {
        List<Invitation> accepted = Invitation.list("from Invitation i join fetch i.inviter join fetch i.invitee"
                + " where i.invitee.id = ?1 and i.status = ?2 order by i.acceptedAt", accountId, InvitationStatus.ACCEPTED);
        return views(accepted, accountId).stream().map(v -> new PendingActivation(v.id(),
                v.serviceName(), v.inviter().fullName(), v.children().stream().map(InvitedChild::fullName).toList(),
                v.expectedActivationAt())).toList();
    }

    @Transactional
    public InvitationConnection sent(Integer first, String after) throws ApiException {
        return page(true, first, after);
    }

    @Transactional
    public InvitationConnection received(Integer first, String after) throws ApiException {
        return page(false, first, after);
    }

    /**
     * A page of the caller's invitations straight into the API's records: the page, both parties' names and the
     * children's names and outcomes in one statement.
     */
    @SuppressWarnings("unchecked")
    private InvitationConnection page(boolean sent, Integer first, String after) throws ApiException {
        UUID me = caller.accountId();
        int size = Cursor.pageSize(first);
        Cursor cursor = Cursor.decode(after);
        var query = em.createNativeQuery("with page as ("
                + " select i.id, i.service, i.status, i.inviter_id, i.invitee_id, i.invitee_identifier, i.created_at,"
                + " i.expires_at, i.accepted_at, i.activate_after, i.closed_at from invitation i"
                + " where i." + (sent ? "inviter_id" : "invitee_id") + " = :me"
                + (cursor == null ? "" : " and (i.created_at, i.id) < (:at, :id)")
                + " order by i.created_at desc, i.id desc limit :limit)"
                + " select p.id, p.service, p.status, p.inviter_id, p.invitee_identifier, p.created_at, p.expires_at,"
                + " p.accepted_at, p.activate_after, p.closed_at,"
                + " inviter.last_name, inviter.first_name, inviter.middle_name,"
                + " invitee.last_name, invitee.first_name, invitee.middle_name,"
                + " c.student_id, c.outcome, s.last_name, s.first_name, s.middle_name"
                + " from page p join account inviter on inviter.id = p.inviter_id"
                + " join account invitee on invitee.id = p.invitee_id"
                + " left join invitation_child c on c.invitation_id = p.id left join student s on s.id = c.student_id"
                + " order by p.created_at desc, p.id desc")
                .setParameter("me", me).setParameter("limit", size + 1);
        if (cursor != null) {
            query.setParameter("at", cursor.at()).setParameter("id", cursor.id());
        }
        Duration interval = jobInterval();
        Map<UUID, Object[]> invitations = new LinkedHashMap<>();
        Map<UUID, List<InvitedChild>> children = new LinkedHashMap<>();
        for (Object[] row : (List<Object[]>) query.getResultList()) {
            UUID id = (UUID) row[0];
            invitations.putIfAbsent(id, row);
            List<InvitedChild> named = children.computeIfAbsent(id, k -> new ArrayList<>());
            if (row[16] != null) {
                named.add(new InvitedChild(row[16].toString(), FullNames.of((String) row[18], (String) row[19],
                        (String) row[20]), (String) row[17]));
            }
        }
        List<InvitationView> views = new ArrayList<>();
        invitations.forEach((id, row) -> {
            InvitationStatus status = InvitationStatus.valueOf((String) row[2]);
            Service service = Service.valueOf((String) row[1]);
            views.add(new InvitationView(id.toString(), service, service.title(), status,
                    children.get(id).stream().sorted(java.util.Comparator.comparing(InvitedChild::fullName)).toList(),
                    new PersonName(FullNames.of((String) row[10], (String) row[11], (String) row[12])),
                    new PersonName(FullNames.of((String) row[13], (String) row[14], (String) row[15])),
                    me.equals(row[3]) ? (String) row[4] : null, instant(row[5]), instant(row[6]), instant(row[7]),
                    status == InvitationStatus.ACCEPTED ? expectedActivation(instant(row[8]), interval) : null,
                    instant(row[9])));
        });
        var page = Pages.of(views, size, view -> new Cursor(view.createdAt(), UUID.fromString(view.id())).encode(),
                InvitationConnection.Edge::new);
        return new InvitationConnection(page.edges(), page.pageInfo());
    }

    private static Instant instant(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    /** Views of invitations for one viewer, with the children's names in one query. */
    List<InvitationView> views(List<Invitation> invitations, UUID viewer) {
        Set<UUID> studentIds = new TreeSet<>();
        invitations.forEach(i -> i.children.forEach(c -> studentIds.add(c.studentId)));
        Map<UUID, Student> byId = students.listByIdsByName(studentIds).stream()
                .collect(Collectors.toMap(s -> s.id, Function.identity()));
        Duration interval = jobInterval();
        return invitations.stream().map(i -> new InvitationView(i.id.toString(), i.service, i.service.title(),
                i.status,
                i.children.stream().map(c -> byId.get(c.studentId))
                        .sorted(java.util.Comparator.comparing(Student::fullName))
                        .map(s -> new InvitedChild(s.id.toString(), s.fullName(), outcomeOf(i, s.id))).toList(),
                PersonName.of(i.inviter), PersonName.of(i.invitee),
                i.inviter.id.equals(viewer) ? i.inviteeIdentifier : null,
                i.createdAt, i.expiresAt, i.acceptedAt,
                i.status == InvitationStatus.ACCEPTED ? expectedActivation(i.activateAfter, interval) : null,
                i.closedAt)).toList();
    }

    private static String outcomeOf(Invitation invitation, UUID studentId) {
        return invitation.children.stream().filter(c -> c.studentId.equals(studentId) && c.outcome != null)
                .map(c -> c.outcome.name()).findFirst().orElse(null);
    }

    /** The job picks an invitation up at its first run after activateAfter. */
    static Instant expectedActivation(Instant activateAfter, Duration interval) {
        return activateAfter.plus(interval);
    }

    Duration jobInterval() {
        String interval = config.trust().activationInterval().strip();
        try {
            return Duration.parse(interval.startsWith("P") ? interval : "PT" + interval);
        } catch (RuntimeException e) {
            return Duration.ofMinutes(1);
        }
    }

    private static UUID parseOrNull(String id) {
        try {
            return Ids.parse(id);
        } catch (ApiException e) {
            return null;
        }
    }
}
