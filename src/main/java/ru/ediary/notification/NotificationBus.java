package ru.ediary.notification;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/**
 * Live delivery to the subscribers connected to this instance, fed by {@link NotificationListener} with the
 * notifications committed on any instance. The notification table stays the record of truth.
 */
@ApplicationScoped
public class NotificationBus {

    private final BroadcastProcessor<NotificationCreated> processor = BroadcastProcessor.create();

    void publish(NotificationCreated created) {
        processor.onNext(created);
    }

    /**
     * The notifications of one account, from the moment of subscription. The account is resolved while
     * the stream already listens, so nothing stored in between is missed.
     */
    public Multi<NotificationView> streamFor(Uni<UUID> account) {
        Uni<UUID> resolved = account.memoize().indefinitely();
        // a slow subscriber gets a bounded buffer rather than a failure
        return processor.onOverflow().buffer(1024).onItem().transformToUniAndConcatenate(created -> resolved
                .map(id -> id.equals(created.accountId()) ? Optional.of(created.notification()) : Optional.<NotificationView>empty()))
                .filter(Optional::isPresent).map(Optional::get);
    }
}
