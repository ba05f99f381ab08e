package ru.ediary.notification;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One message in a person's notification centre («Центр уведомлений»). */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID accountId;
    @Enumerated(EnumType.STRING)
    public NotificationKind kind;
    public String title;
    public String body;
    public UUID invitationId;
    public UUID studentId;
    public Instant createdAt;
    public Instant readAt;
}
