package ru.ediary.notification;

import java.util.UUID;

/** Fired inside the transaction that stores a notification; delivered to subscribers once it commits. */
public record NotificationCreated(UUID accountId, NotificationView notification) {
}
