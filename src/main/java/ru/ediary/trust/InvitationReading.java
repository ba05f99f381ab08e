package ru.ediary.trust;

import static ru.ediary.trust.NativeValues.instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import ru.ediary.account.Caller;
import ru.ediary.account.FullNames;
import ru.ediary.api.ApiException;
import ru.ediary.api.Cursor;
import ru.ediary.api.Pages;

/** The caller's invitations: sent and received, a page at a time, and those accepted that await activation. */
@ApplicationScoped
public class InvitationReading {

    private final Caller caller;
    private final InvitationViews views;
    private final EntityManager em;

    InvitationReading(Caller caller, InvitationViews views, EntityManager em) {
        this.caller = caller;
        this.views = views;
        this.em = em;
    }

    /** Invitations the account accepted that the job has not activated yet; call inside a transaction. */
    public List<PendingActivation> awaitingActivation(UUID accountId) {
        List<Invitation> accepted = Invitation.list("from Invitation i join fetch i.inviter join fetch i.invitee"
                + " where i.invitee.id = ?1 and i.status = ?2 order by i.acceptedAt", accountId, InvitationStatus.ACCEPTED);
        return views.of(accepted, accountId).stream().map(v -> new PendingActivation(v.id(),
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
        Duration interval = views.jobInterval();
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
        List<InvitationView> page = new ArrayList<>();
        invitations.forEach((id, row) -> {
            InvitationStatus status = InvitationStatus.valueOf((String) row[2]);
            Service service = Service.valueOf((String) row[1]);
            page.add(new InvitationView(id.toString(), service, service.title(), status,
                    children.get(id).stream().sorted(Comparator.comparing(InvitedChild::fullName)).toList(),
                    new PersonName(FullNames.of((String) row[10], (String) row[11], (String) row[12])),
                    new PersonName(FullNames.of((String) row[13], (String) row[14], (String) row[15])),
                    me.equals(row[3]) ? (String) row[4] : null, instant(row[5]), instant(row[6]), instant(row[7]),
                    status == InvitationStatus.ACCEPTED
                            ? InvitationViews.expectedActivation(instant(row[8]), interval) : null,
                    instant(row[9])));
        });
        var pages = Pages.of(page, size, view -> new Cursor(view.createdAt(), UUID.fromString(view.id())).encode(),
                InvitationConnection.Edge::new);
        return new InvitationConnection(pages.edges(), pages.pageInfo());
    }
}
