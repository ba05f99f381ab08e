package ru.ediary.school;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SchoolRepository implements PanacheRepositoryBase<School, UUID> {

    public Optional<School> findBySystemClientId(String clientId) {
        return find("systemClientId", clientId).firstResultOptional();
    }
}
