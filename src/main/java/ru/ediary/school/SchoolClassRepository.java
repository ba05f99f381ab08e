package ru.ediary.school;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SchoolClassRepository implements PanacheRepositoryBase<SchoolClass, UUID> {

    /** Classes whose class teacher is the account with this SNILS. */
    public List<SchoolClass> findLedBy(String teacherSnils) {
        if (teacherSnils == null) {
            return List.of();
        }
        return list("from SchoolClass c join fetch c.school where c.teacherSnils = ?1 order by c.name", teacherSnils);
    }

    public List<SchoolClass> findByIdsWithSchool(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return list("from SchoolClass c join fetch c.school where c.id in ?1 order by c.name", ids);
    }

    public List<SchoolClass> findBySchool(UUID schoolId) {
        return list("from SchoolClass c join fetch c.school where c.school.id = ?1 order by c.name", schoolId);
    }

    public List<SchoolClass> findByExternalIds(UUID schoolId, Collection<String> externalIds) {
        if (externalIds.isEmpty()) {
            return List.of();
        }
        return list("school.id = ?1 and externalId in ?2", schoolId, externalIds);
    }
}
