package ru.ediary.notification;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
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

    public Multi<NotificationView> streamFor(UUID accountId) {
        return processor.filter(created -> created.accountId().equals(accountId))
                .map(NotificationCreated::notification);
    }
}
