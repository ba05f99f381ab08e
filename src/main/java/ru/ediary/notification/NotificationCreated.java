package ru.ediary.notification;

import java.util.UUID;

/** A committed notification on its way to the subscribers of its account. */
public record NotificationCreated(UUID accountId, NotificationView notification) {
}
