package ru.ediary.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** Which of the account's contacts wait for a confirmation code (contact_confirmation); read-only. */
@ApplicationScoped
class PendingContacts {

    private final EntityManager em;

    PendingContacts(EntityManager em) {
        this.em = em;
    }

    /** Call inside a transaction. */
    @SuppressWarnings("unchecked")
    Set<NextSteps.Channel> of(UUID accountId) {
        Set<NextSteps.Channel> pending = EnumSet.noneOf(NextSteps.Channel.class);
        for (String channel : (java.util.List<String>) em.createNativeQuery(
                "select channel from contact_confirmation where account_id = ?1", String.class)
                .setParameter(1, accountId).getResultList()) {
            pending.add(NextSteps.Channel.valueOf(channel));
        }
        return pending;
    }
}
