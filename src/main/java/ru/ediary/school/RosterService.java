package ru.ediary.school;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import ru.ediary.api.ApiException;
import ru.ediary.api.PersistenceFailures;
import ru.ediary.api.Text;
import ru.ediary.api.Tx;
import ru.ediary.api.UserError;
import ru.ediary.api.UserErrorCode;
import ru.ediary.api.validation.Emails;
import ru.ediary.api.validation.PhoneNumbers;
import ru.ediary.api.validation.SnilsNumbers;
import ru.ediary.config.EdiaryConfig;
import ru.ediary.school.RosterPayload.RosterSummary;

/**
 * Bulk upsert of a school's roster by external ids. All or nothing: one bad row refuses the whole
 * payload with every bad row named at once ({@link RosterChecks}); a valid payload sent twice leaves the same state.
 */
@ApplicationScoped
public class RosterService {

    private final StaffAccess staff;
    private final SchoolClassRepository classes;
    private final StudentRepository students;
    private final GuardianContactRepository contacts;
    private final RosterChecks checks;
    private final EdiaryConfig config;
    private final Clock clock;

    /** School-system batches (roster and diary) share one limit per client. */
    public static final String BATCH = "SCHOOL_BATCH";

    private final ru.ediary.api.RateLimiter limiter;

    RosterService(StaffAccess staff, SchoolClassRepository classes, StudentRepository students,
            GuardianContactRepository contacts, RosterChecks checks, EdiaryConfig config,
            ru.ediary.api.RateLimiter limiter, Clock clock) {
        this.clock = clock;
        this.limiter = limiter;
        this.staff = staff;
        this.classes = classes;
        this.students = students;
        this.contacts = contacts;
        this.checks = checks;
        this.config = config;
    }

    public RosterPayload upsert(RosterInput input) throws ApiException {
        School school = Tx.inNew(staff::requireSchoolSystem);
        UUID schoolId = school.id;
        if (!limiter.tryAcquire(school.systemClientId, BATCH, config.feed().batchLimit(), config.feed().batchWindow())) {
            return RosterPayload.failed(List.of(UserError.of("", UserErrorCode.RATE_LIMITED)));
        }
        List<UserError> sizes = checks.sizes(input);
        if (!sizes.isEmpty()) {
            return RosterPayload.failed(sizes);
        }
        try {
            return Tx.inNew(() -> {
                // references are checked against the school as stored, in the transaction that writes
                Map<String, SchoolClass> classByKey = referencedClasses(schoolId, input);
                List<UserError> errors = checks.check(input, classByKey.keySet());
                if (!errors.isEmpty()) {
                    return RosterPayload.failed(errors);
                }
                return apply(input, classByKey);
            });
        } catch (PersistenceException e) {
            // a roster sent twice at once: both try to create the same external ids
            if (PersistenceFailures.isConcurrentChange(e) || PersistenceFailures.violatedConstraint(e).isPresent()) {
                return RosterPayload.failed(List.of(UserError.of("", UserErrorCode.CONCURRENT_CHANGE)));
            }
            throw e;
        }
    }

    /** This school's stored classes that the payload sends or refers to: one set query for the whole payload. */
    private Map<String, SchoolClass> referencedClasses(UUID schoolId, RosterInput input) {
        return classes.findByExternalIds(schoolId, RosterChecks.classKeys(input)).stream()
                .collect(Collectors.toMap(c -> c.externalId, Function.identity(), (a, b) -> a, HashMap::new));
    }

    private RosterPayload apply(RosterInput input, Map<String, SchoolClass> classByKey) throws ApiException {
        School school = staff.requireSchoolSystem();
        UUID schoolId = school.id;

        int classesCreated = 0;
        int classesUpdated = 0;
        for (var row : input.classes) {
            String teacherSnils = row.teacherSnils == null || row.teacherSnils.isBlank()
                    ? null : SnilsNumbers.normalize(row.teacherSnils).orElseThrow();
            String name = row.name.strip();
            SchoolClass schoolClass = classByKey.get(row.externalId);
            if (schoolClass == null) {
                schoolClass = new SchoolClass();
                schoolClass.id = UUID.randomUUID();
                schoolClass.school = school;
                schoolClass.externalId = row.externalId;
                schoolClass.name = name;
                schoolClass.teacherSnils = teacherSnils;
                classes.persist(schoolClass);
                classByKey.put(row.externalId, schoolClass);
                classesCreated++;
            } else if (!name.equals(schoolClass.name) || !Objects.equals(teacherSnils, schoolClass.teacherSnils)) {
                schoolClass.name = name;
                schoolClass.teacherSnils = teacherSnils;
                classesUpdated++;
            }
        }

        Map<String, Student> studentByKey = students
                .findByExternalIds(schoolId, input.students.stream().map(s -> s.externalId).toList()).stream()
                .collect(Collectors.toMap(s -> s.externalId, Function.identity()));
        Map<UUID, Map<String, GuardianContact>> ownedContacts = new HashMap<>();
        for (GuardianContact contact : contacts.findByStudents(studentByKey.values().stream().map(s -> s.id).toList())) {
            if (contact.externalId != null) {
                ownedContacts.computeIfAbsent(contact.student.id, k -> new HashMap<>()).put(contact.externalId, contact);
            }
        }

        Instant now = clock.instant();
        int studentsCreated = 0;
        int studentsUpdated = 0;
        int guardiansCreated = 0;
        int guardiansUpdated = 0;
        int guardiansRemoved = 0;
        for (var row : input.students) {
            Student student = studentByKey.get(row.externalId);
            boolean created = student == null;
            if (created) {
                student = new Student();
                student.id = UUID.randomUUID();
                student.school = school;
                student.externalId = row.externalId;
            }
            if (created | copy(row, classByKey.get(row.classExternalId), student)) {
                student.updatedAt = now;
                if (created) {
                    students.persist(student);
                    studentsCreated++;
                } else {
                    studentsUpdated++;
                }
            }
            Map<String, GuardianContact> previous = ownedContacts.getOrDefault(student.id, Map.of());
            Set<String> listed = new HashSet<>();
            for (var guardianRow : row.guardians) {
                listed.add(guardianRow.externalId);
                GuardianContact contact = previous.get(guardianRow.externalId);
                if (contact == null) {
                    contact = new GuardianContact();
                    contact.id = UUID.randomUUID();
                    contact.student = student;
                    contact.externalId = guardianRow.externalId;
                    copy(guardianRow, contact);
                    contact.updatedAt = now;
                    contacts.persist(contact);
                    guardiansCreated++;
                } else if (copy(guardianRow, contact)) {
                    contact.updatedAt = now;
                    guardiansUpdated++;
                }
            }
            for (var entry : previous.entrySet()) {
                if (!listed.contains(entry.getKey())) {
                    contacts.delete(entry.getValue());
                    guardiansRemoved++;
                }
            }
        }
        classes.flush();
        return new RosterPayload(new RosterSummary(classesCreated, classesUpdated, studentsCreated, studentsUpdated,
                guardiansCreated, guardiansUpdated, guardiansRemoved), List.of());
    }

    /** Copies a row onto the record; true when anything changed. */
    private static boolean copy(RosterInput.StudentRow row, SchoolClass schoolClass, Student student) {
        String email = Text.blankToNull(Emails.normalize(row.email));
        String phone = row.phone == null || row.phone.isBlank() ? null : PhoneNumbers.normalizeMobile(row.phone).orElseThrow();
        boolean changed = student.schoolClass == null || !student.schoolClass.id.equals(schoolClass.id)
                || !row.lastName.strip().equals(student.lastName) || !row.firstName.strip().equals(student.firstName)
                || !Objects.equals(Text.blankToNull(row.middleName), student.middleName)
                || !row.birthDate.equals(student.birthDate) || row.status != student.status
                || !Objects.equals(email, student.email) || !Objects.equals(phone, student.phone);
        student.schoolClass = schoolClass;
        student.lastName = row.lastName.strip();
        student.firstName = row.firstName.strip();
        student.middleName = Text.blankToNull(row.middleName);
        student.birthDate = row.birthDate;
        student.status = row.status;
        student.email = email;
        student.phone = phone;
        return changed;
    }

    private static boolean copy(RosterInput.GuardianRow row, GuardianContact contact) {
        String email = Text.blankToNull(Emails.normalize(row.email));
        String phone = row.phone == null || row.phone.isBlank() ? null : PhoneNumbers.normalizeMobile(row.phone).orElseThrow();
        boolean changed = !row.lastName.strip().equals(contact.lastName) || !row.firstName.strip().equals(contact.firstName)
                || !Objects.equals(Text.blankToNull(row.middleName), contact.middleName) || row.relation != contact.relation
                || !Objects.equals(email, contact.email) || !Objects.equals(phone, contact.phone);
        contact.lastName = row.lastName.strip();
        contact.firstName = row.firstName.strip();
        contact.middleName = Text.blankToNull(row.middleName);
        contact.relation = row.relation;
        contact.email = email;
        contact.phone = phone;
        return changed;
    }
}
