package ru.ediary.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import ru.ediary.account.Account;
import ru.ediary.school.Student;
import ru.ediary.school.StudentRepository;

/**
 * Brief rules 1 and 2: a person sees a child's diary when the e-mail AND mobile phone in their profile are
 * both filled and both equal what the school recorded, as a legal representative of the child or as the
 * student. Computed from current data on every call, so an edit on either side counts at once.
 */
@ApplicationScoped
public class DirectAccessService {

    public record DirectChild(Student student, AccessCapacity capacity) {
    }

    private final StudentRepository students;
    private final EntityManager em;

    DirectAccessService(StudentRepository students, EntityManager em) {
        this.students = students;
        this.em = em;
    }

    /** Accounts that see this (enrolled) child as a parent right now. */
    public Set<UUID> parentsOf(UUID studentId) {
        return parentsOf(List.of(studentId)).getOrDefault(studentId, Set.of());
    }

    /** For each (enrolled) child, the accounts that see it as a parent right now: one statement for all. */
    @SuppressWarnings("unchecked")
    public Map<UUID, Set<UUID>> parentsOf(java.util.Collection<UUID> studentIds) {
        Map<UUID, Set<UUID>> parents = new java.util.HashMap<>();
        if (studentIds.isEmpty()) {
            return parents;
        }
        for (Object[] row : (List<Object[]>) em.createNativeQuery("""
                select distinct g.student_id, a.id from guardian_contact g
                join student s on s.id = g.student_id and s.status = 'ENROLLED'
                join account a on a.email = g.email and a.phone = g.phone
                where g.student_id in (?1)""").setParameter(1, studentIds).getResultList()) {
            parents.computeIfAbsent((UUID) row[0], k -> new HashSet<>()).add((UUID) row[1]);
        }
        return parents;
    }

    /** Whether the account sees this (enrolled) child as a parent right now. */
    public boolean isParentOf(UUID accountId, UUID studentId) {
        return !em.createNativeQuery("""
                select 1 from guardian_contact g
                join student s on s.id = g.student_id and s.status = 'ENROLLED'
                join account a on a.email = g.email and a.phone = g.phone
                where g.student_id = ?1 and a.id = ?2 limit 1""").setParameter(1, studentId)
                .setParameter(2, accountId).getResultList().isEmpty();
    }

    /** Enrolled children the account sees directly; call inside a transaction. */
    public List<DirectChild> directChildren(Account account) {
        if (account.email == null || account.phone == null) {
            return List.of();
        }
        Map<UUID, DirectChild> found = new LinkedHashMap<>();
        for (Student student : students.findEnrolledByOwnContacts(account.email, account.phone)) {
            found.put(student.id, new DirectChild(student, AccessCapacity.SELF));
        }
        for (Student student : students.findEnrolledByGuardianContacts(account.email, account.phone)) {
            found.putIfAbsent(student.id, new DirectChild(student, AccessCapacity.PARENT));
        }
        return new ArrayList<>(found.values());
    }
}
