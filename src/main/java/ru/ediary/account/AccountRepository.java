package ru.ediary.account;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AccountRepository implements PanacheRepositoryBase<Account, UUID> {

    public Optional<Account> findBySubject(String subject) {
        return find("subject", subject).firstResultOptional();
    }

    public boolean snilsTakenByOther(String snils, UUID accountId) {
        return count("snils = ?1 and id <> ?2", snils, accountId) > 0;
    }

    /** Registration races (two first calls at once) are settled by the unique subject. */
    public void insertIfAbsent(Account account) {
        getEntityManager().createNativeQuery("""
                insert into account (id, subject, last_name, first_name, middle_name, email, phone)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                on conflict (subject) do nothing""")
                .setParameter(1, account.id)
                .setParameter(2, account.subject)
                .setParameter(3, account.lastName)
                .setParameter(4, account.firstName)
                .setParameter(5, account.middleName)
                .setParameter(6, account.email)
                .setParameter(7, account.phone)
                .executeUpdate();
    }
}
