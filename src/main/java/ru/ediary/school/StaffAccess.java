package ru.ediary.school;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.stream.Collectors;
import ru.ediary.account.Caller;
import ru.ediary.api.ApiException;
import ru.ediary.api.ForbiddenException;

/** Resolves the caller's {@link StaffScope}; call inside a transaction. */
@ApplicationScoped
public class StaffAccess {

    private final Caller caller;
    private final SchoolRepository schools;
    private final SchoolClassRepository classes;

    StaffAccess(Caller caller, SchoolRepository schools, SchoolClassRepository classes) {
        this.caller = caller;
        this.schools = schools;
        this.classes = classes;
    }

    /** The caller's scope; FORBIDDEN for callers who are neither a class teacher nor a school system. */
    public StaffScope require() throws ApiException {
        caller.requireAuthenticated();
        return find().orElseThrow(
                () -> new ForbiddenException("Операция доступна классному руководителю или школьной системе."));
    }

    /** The caller's scope, if they are staff at all. */
    public Optional<StaffScope> find() throws ApiException {
        if (caller.isSchoolSystem()) {
            var school = schools.findBySystemClientId(caller.clientId())
                    .orElseThrow(() -> new ForbiddenException("Школьная система не привязана ни к одной школе."));
            return Optional.of(StaffScope.school(school.id));
        }
        if (caller.isTeacher()) {
            // the request's caller lookup already read the account
            return Optional.of(StaffScope.classes(
                    classes.findLedBy(caller.account().snils).stream().map(c -> c.id).collect(Collectors.toSet())));
        }
        return Optional.empty();
    }

    /** The caller's school, for operations only a school system may call. */
    public School requireSchoolSystem() throws ApiException {
        caller.requireAuthenticated();
        if (!caller.isSchoolSystem()) {
            throw new ForbiddenException("Операция доступна только школьной системе.");
        }
        return schools.findBySystemClientId(caller.clientId())
                .orElseThrow(() -> new ForbiddenException("Школьная система не привязана ни к одной школе."));
    }
}
