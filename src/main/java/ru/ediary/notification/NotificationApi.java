package ru.ediary.notification;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Type;
import io.smallrye.graphql.api.Subscription;
import ru.ediary.account.AccountService;
import ru.ediary.account.Caller;
import ru.ediary.account.TokenProfile;
import ru.ediary.api.ApiBoundary;
import ru.ediary.api.ApiException;
import ru.ediary.api.BadUserInputException;
import ru.ediary.api.Cursor;
import ru.ediary.api.Ids;
import ru.ediary.api.Tx;
import ru.ediary.api.UserError;

@GraphQLApi
@ApiBoundary
public class NotificationApi {

    @Inject
    Caller caller;
    @Inject
    NotificationService notifications;
    @Inject
    NotificationBus bus;
    @Inject
    AccountService accounts;

    @Type("MarkNotificationsReadPayload")
    @Description("Result of markNotificationsRead.")
    public record MarkReadPayload(@Description("How many were unread and are now read.") int marked,
            @Description("Why nothing was changed; empty on success.") @NonNull List<@NonNull UserError> userErrors) {
    }

    @Query("notifications")
    @Description("The caller's notification centre, newest first.")
    public @NonNull NotificationConnection notifications(
            @Name("unreadOnly") @DefaultValue("false") @Description("Only notifications not yet marked read.")
            boolean unreadOnly,
            @Name("first") @Description("Page size, 1–100; default 20.") Integer first,
            @Name("after") @Description("endCursor of the previous page; leave out for the first page.")
            String after) throws ApiException {
        return notifications.page(caller.accountId(), unreadOnly, first, after);
    }

    @Mutation("markNotificationsRead")
    @Description("Marks the caller's notifications read (up to 100 ids). Any id that is not the caller's "
            + "answers NOT_FOUND and nothing is marked.")
    public @NonNull MarkReadPayload markNotificationsRead(
            @Name("ids") @NonNull @Description("Ids of the caller's notifications; repeats count once.")
            List<@NonNull String> ids) throws ApiException {
        UUID me = caller.accountId();
        if (ids.size() > Cursor.MAX_PAGE) {
            throw new BadUserInputException("Не больше " + Cursor.MAX_PAGE + " идентификаторов за раз.");
        }
        List<UUID> parsed = new ArrayList<>();
        for (String id : ids) {
            parsed.add(Ids.parse(id));
        }
        List<UUID> distinct = parsed.stream().distinct().toList();
        return Tx.inNew(() -> new MarkReadPayload(notifications.markRead(me, distinct), List.of()));
    }

    @Subscription("notificationAdded")
    @Description("New notifications of the caller as they are stored (graphql-transport-ws; send the token as "
            + "`Authorization` in the connection_init payload).")
    public Multi<NotificationView> notificationAdded() throws ApiException {
        // subscriptions start on the event loop: read the token here, touch the database on a worker
        TokenProfile profile = caller.personProfile();
        return bus.streamFor(Uni.createFrom().item(() -> accounts.ensureRegistered(profile).id)
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
    }
}
