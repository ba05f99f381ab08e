package ru.ediary.school;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class GuardianContactRepository implements PanacheRepositoryBase<GuardianContact, UUID> {

    public Optional<GuardianContact> findWithStudent(UUID id) {
        return find("from GuardianContact g join fetch g.student s join fetch s.schoolClass where g.id = ?1", id)
                .firstResultOptional();
    }

    public List<GuardianContact> findByStudents(Collection<UUID> studentIds) {
        if (studentIds.isEmpty()) {
            return List.of();
        }
        return list("student.id in ?1 order by lastName, firstName, id", studentIds);
    }

    public long countByStudent(UUID studentId) {
        return count("student.id", studentId);
    }
}
