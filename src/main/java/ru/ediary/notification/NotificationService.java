package ru.ediary.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import ru.ediary.api.ApiException;
import ru.ediary.api.Cursor;
import ru.ediary.api.Pages;

@ApplicationScoped
public class NotificationService {

    private final Clock clock;

    NotificationService(Clock clock) {
        this.clock = clock;
    }

    /** A notification to store; {@link #notifyAll} stores many with one announcement. */
    public record Draft(UUID accountId, NotificationKind kind, String title, String body, UUID invitationId,
            UUID studentId) {
    }

    /** Stores a notification in the caller's transaction; live subscribers get it after commit. */
    public void notify(UUID accountId, NotificationKind kind, String title, String body, UUID invitationId,
            UUID studentId) {
        notifyAll(List.of(new Draft(accountId, kind, title, body, invitationId, studentId)));
    }

    /** Stores notifications in the caller's transaction and announces them all in one statement. */
    public void notifyAll(List<Draft> drafts) {
        if (drafts.isEmpty()) {
            return;
        }
        List<String> announcements = new ArrayList<>();
        for (Draft draft : drafts) {
            UUID id = store(draft.accountId(), draft.kind(), draft.title(), draft.body(), draft.invitationId(),
                    draft.studentId());
            announcements.add(NotificationListener.payload(draft.accountId(), id));
        }
        Notification.flush();
        // announced to every instance when, and only if, this transaction commits; the recipient travels with
        // the id, so an instance without a subscriber for it reads nothing
        Notification.getEntityManager().createNativeQuery("select count(pg_notify('" + NotificationListener.CHANNEL
                + "', announcement)) from unnest(string_to_array(?1, ',')) as announcement")
                .setParameter(1, String.join(",", announcements)).getSingleResult();
    }

    private UUID store(UUID accountId, NotificationKind kind, String title, String body, UUID invitationId,
            UUID studentId) {
        var notification = new Notification();
        notification.id = UUID.randomUUID();
        notification.accountId = accountId;
        notification.kind = kind;
        notification.title = title;
        notification.body = body.length() > 2000 ? body.substring(0, 2000) : body;
        notification.invitationId = invitationId;
        notification.studentId = studentId;
        notification.createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        notification.persist();
        return notification.id;
    }

    /** The stored notifications with these ids, for live delivery; an id not (or no longer) stored is left out. */
    @Transactional
    Map<UUID, NotificationView> views(Collection<UUID> ids) {
        Map<UUID, NotificationView> views = new HashMap<>();
        for (Notification row : Notification.<Notification>list("id in ?1", ids)) {
            views.put(row.id, NotificationView.of(row));
        }
        return views;
    }

    /** Newest first. */
    @Transactional
    public NotificationConnection page(UUID accountId, boolean unreadOnly, Integer first, String after)
            throws ApiException {
        int size = Cursor.pageSize(first);
        Cursor cursor = Cursor.decode(after);
        StringBuilder query = new StringBuilder("accountId = :account");
        var params = new java.util.HashMap<String, Object>();
        params.put("account", accountId);
        if (unreadOnly) {
            query.append(" and readAt is null");
        }
        if (cursor != null) {
            query.append(" and (createdAt < :at or (createdAt = :at and id < :id))");
            params.put("at", cursor.at());
            params.put("id", cursor.id());
        }
        query.append(" order by createdAt desc, id desc");
        List<Notification> rows = Notification.<Notification>find(query.toString(), params).range(0, size).list();
        var page = Pages.of(rows, size, row -> new Cursor(row.createdAt, row.id).encode(),
                (edgeCursor, row) -> new NotificationConnection.Edge(edgeCursor, NotificationView.of(row)));
        return new NotificationConnection(page.edges(), page.pageInfo());
    }

    /**
     * Marks the caller's own notifications read. An id that is not the caller's answers NOT_FOUND, like an
     * unknown one, and then nothing is marked. Marking a read notification again changes nothing.
     */
    public int markRead(UUID accountId, Collection<UUID> ids) throws ApiException {
        if (ids.isEmpty()) {
            return 0;
        }
        if (Notification.count("accountId = ?1 and id in ?2", accountId, ids) != ids.size()) {
            throw new ru.ediary.api.NotFoundException();
        }
        Instant now = clock.instant();
        return Notification.update("readAt = ?1 where accountId = ?2 and id in ?3 and readAt is null", now,
                accountId, ids);
    }
}
