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
import java.util.Set;
import java.util.UUID;

/**
 * Brief rules 1 and 2: a person sees a child's diary when the VERIFIED e-mail AND mobile phone of their account
 * both equal what the school recorded, as a legal representative of the child or as the student. The rule itself
 * is the {@code direct_access} view (migration V5, see docs/access-rule.md); this class only reads it, from
 * current data on every call, so an edit on either side counts at once.
 */
@ApplicationScoped
public class DirectAccessService {

    public record DirectChild(ChildView child, AccessCapacity capacity) {

        public UUID id() {
            return UUID.fromString(child.id());
        }
    }

    private static final String DIRECT_CHILDREN = "select " + ChildRows.COLUMNS + ", d.capacity from direct_access d"
            + " join " + ChildRows.FROM.replaceFirst("student s", "student s on s.id = d.student_id")
            + " where d.account_id = ?1 order by s.last_name, s.first_name, s.id";

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

    /**
     * Enrolled children the account sees directly (as the student first, then as a parent), straight into the API's
     * records: one statement. Call inside a transaction.
     */
    @SuppressWarnings("unchecked")
    public List<DirectChild> directChildren(UUID accountId) {
        List<Object[]> rows = em.createNativeQuery(DIRECT_CHILDREN).setParameter(1, accountId).getResultList();
        Map<String, DirectChild> found = new LinkedHashMap<>();
        for (Object[] row : rows) {
            if (AccessCapacity.SELF.name().equals(row[ChildRows.WIDTH])) {
                ChildView child = ChildRows.child(row);
                found.put(child.id(), new DirectChild(child, AccessCapacity.SELF));
            }
        }
        for (Object[] row : rows) {
            ChildView child = ChildRows.child(row);
            found.putIfAbsent(child.id(), new DirectChild(child, AccessCapacity.PARENT));
        }
        return new ArrayList<>(found.values());
    }
}
