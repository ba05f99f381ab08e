package ru.ediary.school;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class StudentRepository implements PanacheRepositoryBase<Student, UUID> {

    private static final String WITH_CLASS = "from Student s join fetch s.schoolClass c join fetch c.school ";

    public Optional<Student> findWithClass(UUID id) {
        return find(WITH_CLASS + "where s.id = ?1", id).firstResultOptional();
    }

    public List<Student> findByClasses(Collection<UUID> classIds) {
        if (classIds.isEmpty()) {
            return List.of();
        }
        return list("from Student s where s.schoolClass.id in ?1 order by s.lastName, s.firstName, s.id", classIds);
    }

    /** The students with these ids, by surname and given name: the one way other packages read students by id. */
    public List<Student> listByIdsByName(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return list("id in ?1 order by lastName, firstName", ids);
    }

    public List<Student> findByExternalIds(UUID schoolId, Collection<String> externalIds) {
        if (externalIds.isEmpty()) {
            return List.of();
        }
        return list("school.id = ?1 and externalId in ?2", schoolId, externalIds);
    }
}
