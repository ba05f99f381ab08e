package ru.ediary.access;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import ru.ediary.api.ApiException;
import ru.ediary.school.StaffAccess;
import ru.ediary.school.Student;
import ru.ediary.trust.TrustedAccessService;

/**
 * Who may read a child (its record through {@code child(id)} and its diary alike): the student themself or a
 * parent with direct access (the {@code direct_access} view), a trusted person with an ACTIVE grant, the class
 * teacher, the school's system. A withdrawn student is read by nobody, staff included (docs/access-rule.md);
 * staff still see the withdrawn student's row in {@code myClasses} and the school system can re-enrol it.
 */
@ApplicationScoped
public class ChildReaders {

    public enum Reader {
        SELF,
        PARENT,
        TRUSTED_PERSON,
        STAFF
    }

    private final DirectAccessService direct;
    private final TrustedAccessService trusted;
    private final StaffAccess staff;

    ChildReaders(DirectAccessService direct, TrustedAccessService trusted, StaffAccess staff) {
        this.direct = direct;
        this.trusted = trusted;
        this.staff = staff;
    }

    /** Call inside a transaction; {@code accountId} is null for a school system. */
    public Optional<Reader> reader(UUID accountId, Student student) throws ApiException {
        if (!student.enrolled()) {
            return Optional.empty();
        }
        if (accountId != null) {
            Optional<AccessCapacity> capacity = direct.capacityOf(accountId, student.id);
            if (capacity.isPresent()) {
                return Optional.of(capacity.get() == AccessCapacity.SELF ? Reader.SELF : Reader.PARENT);
            }
            if (trusted.hasActiveGrant(accountId, student.id)) {
                return Optional.of(Reader.TRUSTED_PERSON);
            }
        }
        var scope = staff.find();
        if (scope.isPresent() && scope.get().covers(student)) {
            return Optional.of(Reader.STAFF);
        }
        return Optional.empty();
    }
}
