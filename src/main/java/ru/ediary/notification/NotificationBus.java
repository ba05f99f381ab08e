package ru.ediary.notification;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Optional;
import java.util.UUID;

/**
 * Live delivery to subscribers connected to this instance. Delivery happens only after commit, so nobody
 * is told of something that was rolled back. The notification table stays the record of truth.
 */
@ApplicationScoped
public class NotificationBus {

    private final BroadcastProcessor<NotificationCreated> processor = BroadcastProcessor.create();

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationCreated created) {
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
