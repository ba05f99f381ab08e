package ru.ediary.account;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
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
                insert into account (id, subject, last_name, first_name, middle_name, email, email_verified, phone,
                                     phone_verified)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?8, ?7, ?9)
                on conflict (subject) do nothing""")
                .setParameter(1, account.id)
                .setParameter(2, account.subject)
                .setParameter(3, account.lastName)
                .setParameter(4, account.firstName)
                .setParameter(5, account.middleName)
                .setParameter(6, account.email)
                .setParameter(7, account.phone)
                .setParameter(8, account.emailVerified)
                .setParameter(9, account.phoneVerified)
                .executeUpdate();
    }

    /**
     * Writes the identity the token's claims call for and the digest of those claims, only if the account is still
     * at {@code version}: one
     * statement, and 0 rows when a concurrent change got there first (the caller re-reads and retries).
     */
    public int updateIdentity(UUID id, long version, IdentityClaims identity, String claimsDigest) {
        return getEntityManager().createNativeQuery("""
                update account set email = ?3, email_verified = ?4, phone = ?5, phone_verified = ?6, snils = ?7,
                       identity_claims_hash = ?8, updated_at = now(), version = version + 1
                where id = ?1 and version = ?2""")
                .setParameter(1, id)
                .setParameter(2, version)
                .setParameter(3, identity.email())
                .setParameter(4, identity.emailVerified())
                .setParameter(5, identity.phone())
                .setParameter(6, identity.phoneVerified())
                .setParameter(7, identity.snils())
                .setParameter(8, claimsDigest)
                .executeUpdate();
    }

    /** Takes the SNILS away from any other account that holds it; returns those accounts. */
    @SuppressWarnings("unchecked")
    public List<UUID> releaseSnils(String snils, UUID keeper) {
        return getEntityManager().createNativeQuery("""
                update account set snils = null, updated_at = now(), version = version + 1
                where snils = ?1 and id <> ?2 returning id""", UUID.class)
                .setParameter(1, snils).setParameter(2, keeper).getResultList();
    }
}
