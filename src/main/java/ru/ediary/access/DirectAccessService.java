package ru.ediary.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import ru.ediary.account.Account;
import ru.ediary.school.Student;

/**
 * Brief rules 1 and 2: a person sees a child's diary when the VERIFIED e-mail AND mobile phone of their account
 * both equal what the school recorded, as a legal representative of the child or as the student. The rule itself
 * is the {@code direct_access} view (migration V5, see docs/access-rule.md); this class only reads it, from
 * current data on every call, so an edit on either side counts at once.
 */
@ApplicationScoped
public class DirectAccessService {

    public record DirectChild(Student student, AccessCapacity capacity) {
    }

    private final EntityManager em;

    DirectAccessService(EntityManager em) {
        this.em = em;
    }

    /** Accounts that see this (enrolled) child as a parent right now. */
    public Set<UUID> parentsOf(UUID studentId) {
        return parentsOf(List.of(studentId)).getOrDefault(studentId, Set.of());
    }

    /** For each (enrolled) child, the accounts that see it as a parent right now: one statement for all. */
    @SuppressWarnings("unchecked")
    public Map<UUID, Set<UUID>> parentsOf(Collection<UUID> studentIds) {
        Map<UUID, Set<UUID>> parents = new HashMap<>();
        if (studentIds.isEmpty()) {
            return parents;
        }
        for (Object[] row : (List<Object[]>) em.createNativeQuery("""
                select student_id, account_id from direct_access
                where capacity = 'PARENT' and student_id in (?1)""").setParameter(1, studentIds).getResultList()) {
            parents.computeIfAbsent((UUID) row[0], k -> new HashSet<>()).add((UUID) row[1]);
        }
        return parents;
    }

    /** Whether the account sees this (enrolled) child as a parent right now. */
    public boolean isParentOf(UUID accountId, UUID studentId) {
        return !em.createNativeQuery("""
                        select 1 from direct_access
                        where account_id = ?1 and student_id = ?2 and capacity = 'PARENT' limit 1""")
                        .setParameter(1, accountId).setParameter(2, studentId).getResultList().isEmpty();
    }

    /** How the account sees this (enrolled) child directly, if at all; the student themself comes first. */
    @SuppressWarnings("unchecked")
    public Optional<AccessCapacity> capacityOf(UUID accountId, UUID studentId) {
        List<String> capacities = em.createNativeQuery("""
                select capacity from direct_access where account_id = ?1 and student_id = ?2""", String.class)
                .setParameter(1, accountId).setParameter(2, studentId).getResultList();
        if (capacities.contains(AccessCapacity.SELF.name())) {
            return Optional.of(AccessCapacity.SELF);
        }
        return capacities.isEmpty() ? Optional.empty() : Optional.of(AccessCapacity.PARENT);
    }

    /** Enrolled children the account sees directly (as the student first, then as a parent); call inside a transaction. */
    public List<DirectChild> directChildren(Account account) {
        return directChildren(account.id);
    }

    /** Enrolled children the account sees directly (as the student first, then as a parent); call inside a transaction. */
    public List<DirectChild> directChildren(UUID accountId) {
        List<DirectAccess> rows = em.createQuery("""
                select d from DirectAccess d join fetch d.student s join fetch s.schoolClass c join fetch c.school
                where d.id.accountId = ?1 order by s.lastName, s.firstName, s.id""", DirectAccess.class)
                .setParameter(1, accountId).getResultList();
        Map<UUID, DirectChild> found = new LinkedHashMap<>();
        for (DirectAccess row : rows) {
            if (row.id.capacity == AccessCapacity.SELF) {
                found.put(row.student.id, new DirectChild(row.student, AccessCapacity.SELF));
            }
        }
        for (DirectAccess row : rows) {
            found.putIfAbsent(row.student.id, new DirectChild(row.student, AccessCapacity.PARENT));
        }
        return new ArrayList<>(found.values());
    }
}
