package ru.ediary.notification;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Live delivery to the subscribers connected to this instance, fed by {@link NotificationListener} with the
 * announcements (recipient, notification id) committed on any instance. Subscribers are kept per account, so an
 * announcement for an account nobody here listens to costs a map look-up and no database work; only the
 * notifications of this instance's subscribers are read, by id, in batches. The notification table stays the
 * record of truth.
 */
@ApplicationScoped
public class NotificationBus {

    private static final Logger LOG = Logger.getLogger(NotificationBus.class);
    /** A slow subscriber gets a bounded buffer rather than a failure (as before: 1024). */
    private static final int SUBSCRIBER_BUFFER = 1024;
    /** Announcements remembered for one subscription while its account is still being resolved. */
    private static final int PENDING_LIMIT = 1024;
    /** Notifications read per statement when many arrive at once (one notifyAll of a large batch). */
    private static final int READ_BATCH = 100;

    private record Delivery(UUID id, List<MultiEmitter<? super NotificationView>> to) {
    }

    /** One live subscription: what is announced while its account is still being resolved, then its account. */
    private static final class Subscription {
        final List<UUID[]> announced = new ArrayList<>();
        UUID account;
        boolean over;
    }

    private final NotificationService notifications;
    // guards subscribers and resolving, so that each announcement reaches each subscription exactly once
    private final Object routing = new Object();
    private final Map<UUID, List<MultiEmitter<? super NotificationView>>> subscribers = new HashMap<>();
    private final List<Subscription> resolving = new ArrayList<>();
    private final Queue<Delivery> deliveries = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();

    NotificationBus(NotificationService notifications) {
        this.notifications = notifications;
    }

    /**
     * The notifications of one account, from the moment of subscription. The account is resolved while
     * the stream already listens, so nothing stored in between is missed.
     */
    public Multi<NotificationView> streamFor(Uni<UUID> account) {
        return Multi.createFrom().<NotificationView>emitter(emitter -> {
            Subscription subscription = new Subscription();
            synchronized (routing) {
                resolving.add(subscription);
            }
            emitter.onTermination(() -> forget(subscription, emitter));
            account.subscribe().with(id -> register(subscription, id, emitter), failure -> {
                forget(subscription, emitter);
                emitter.fail(failure);
            });
        }, SUBSCRIBER_BUFFER);
    }

    /** Whether a live subscription on this instance is for this account. */
    public boolean hasSubscriber(UUID account) {
        synchronized (routing) {
            return subscribers.containsKey(account);
        }
    }

    /** A notification was committed for this account; called by the listener, on its event loop. */
    void announce(UUID account, UUID notification) {
        synchronized (routing) {
            for (Subscription subscription : resolving) {
                if (subscription.announced.size() < PENDING_LIMIT) {
                    subscription.announced.add(new UUID[] {account, notification});
                }
            }
            List<MultiEmitter<? super NotificationView>> to = subscribers.get(account);
            if (to != null) {
                deliveries.add(new Delivery(notification, List.copyOf(to)));
            }
        }
        drainSoon();
    }

    private void register(Subscription subscription, UUID account, MultiEmitter<? super NotificationView> emitter) {
        synchronized (routing) {
            if (subscription.over || emitter.isCancelled()) {
                return;
            }
            resolving.remove(subscription);
            subscription.account = account;
            subscribers.computeIfAbsent(account, key -> new ArrayList<>()).add(emitter);
            // what was announced while the account was being resolved, in order, before anything newer
            for (UUID[] announced : subscription.announced) {
                if (announced[0].equals(account)) {
                    deliveries.add(new Delivery(announced[1], List.of(emitter)));
                }
            }
            subscription.announced.clear();
        }
        drainSoon();
    }

    private void forget(Subscription subscription, MultiEmitter<? super NotificationView> emitter) {
        synchronized (routing) {
            subscription.over = true;
            resolving.remove(subscription);
            if (subscription.account != null) {
                List<MultiEmitter<? super NotificationView>> of = subscribers.get(subscription.account);
                if (of != null && of.remove(emitter) && of.isEmpty()) {
                    subscribers.remove(subscription.account);
                }
            }
        }
    }

    // one drainer at a time keeps each subscriber's notifications in the order they were announced
    private void drainSoon() {
        if (!deliveries.isEmpty() && draining.compareAndSet(false, true)) {
            Infrastructure.getDefaultWorkerPool().execute(this::drain);
        }
    }

    private void drain() {
        try {
            List<Delivery> batch = new ArrayList<>();
            for (Delivery next = deliveries.poll(); next != null; next = deliveries.poll()) {
                batch.add(next);
                if (batch.size() == READ_BATCH) {
                    deliver(batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                deliver(batch);
            }
        } finally {
            draining.set(false);
            drainSoon(); // anything queued after the last poll
        }
    }

    private void deliver(List<Delivery> batch) {
        Map<UUID, NotificationView> read;
        try {
            read = notifications.views(batch.stream().map(Delivery::id).distinct().toList());
        } catch (RuntimeException e) {
            // the subscribers find these in their notification centre; no ids or text in the log
            LOG.warnf("Could not read %d new notification(s) for live delivery (%s)", batch.size(),
                    e.getClass().getSimpleName());
            return;
        }
        Map<MultiEmitter<? super NotificationView>, List<NotificationView>> byEmitter = new LinkedHashMap<>();
        for (Delivery delivery : batch) {
            NotificationView view = read.get(delivery.id());
            if (view != null) {
                for (MultiEmitter<? super NotificationView> to : delivery.to()) {
                    byEmitter.computeIfAbsent(to, key -> new ArrayList<>()).add(view);
                }
            }
        }
        byEmitter.forEach((to, views) -> {
            if (!to.isCancelled()) {
                views.forEach(to::emit);
            }
        });
    }
}
