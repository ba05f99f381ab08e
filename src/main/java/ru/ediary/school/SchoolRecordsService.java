package ru.ediary.school;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import ru.ediary.api.ApiException;
import ru.ediary.api.Ids;
import ru.ediary.api.NotFoundException;
import ru.ediary.api.PersistenceFailures;
import ru.ediary.api.Text;
import ru.ediary.api.Tx;
import ru.ediary.api.UserError;
import ru.ediary.api.UserErrorCode;
import ru.ediary.api.validation.Emails;
import ru.ediary.api.validation.InputValidator;
import ru.ediary.api.validation.PhoneNumbers;
import ru.ediary.config.EdiaryConfig;

/** What class teachers and school systems record one at a time: contacts, and the classes they see. */
@ApplicationScoped
public class SchoolRecordsService {

    private final StaffAccess staff;
    private final SchoolClassRepository classes;
    private final StudentRepository students;
    private final GuardianContactRepository contacts;
    private final InputValidator validator;
    private final EdiaryConfig config;
    private final Clock clock;

    SchoolRecordsService(StaffAccess staff, SchoolClassRepository classes, StudentRepository students,
            GuardianContactRepository contacts, InputValidator validator, EdiaryConfig config, Clock clock) {
        this.clock = clock;
        this.staff = staff;
        this.classes = classes;
        this.students = students;
        this.contacts = contacts;
        this.validator = validator;
        this.config = config;
    }

    /** Classes with students and contacts in three statements, however large the school. */
    @Transactional
    public List<ClassRosterView> myClasses() throws ApiException {
        StaffScope scope = staff.require();
        List<SchoolClass> found = scope.isSchoolSystem()
                ? classes.findBySchool(scope.schoolId())
                : classes.findByIdsWithSchool(scope.classIds());
        List<Student> pupils = students.findByClasses(found.stream().map(c -> c.id).toList());
        Map<UUID, List<GuardianContactView>> guardians = contacts
                .findByStudents(pupils.stream().map(s -> s.id).toList()).stream()
                .collect(Collectors.groupingBy(g -> g.student.id,
                        Collectors.mapping(GuardianContactView::of, Collectors.toList())));
        Map<UUID, List<StudentRecordView>> byClass = pupils.stream().collect(Collectors.groupingBy(
                s -> s.schoolClass.id,
                Collectors.mapping(s -> StudentRecordView.of(s, guardians.getOrDefault(s.id, List.of())),
                        Collectors.toList())));
        return found.stream().map(c -> new ClassRosterView(c.id.toString(), c.externalId, c.name,
                SchoolView.of(c.school), byClass.getOrDefault(c.id, List.of()))).toList();
    }

    public GuardianContactPayload recordGuardianContact(GuardianContactInput raw) throws ApiException {
        GuardianContactInput input = raw.stripped();
        UUID contactId = input.id == null ? null : Ids.parse(input.id);
        UUID studentId = contactId != null || input.studentId == null ? null : Ids.parse(input.studentId);
        List<UserError> errors = new ArrayList<>(validator.validate(input));
        if (contactId == null && studentId == null) {
            errors.add(0, UserError.of("studentId", UserErrorCode.REQUIRED));
        }
        if (!errors.isEmpty()) {
            // authorization still comes first: an outsider learns nothing from validation
            Tx.inNew(staff::require);
            return GuardianContactPayload.failed(errors);
        }
        try {
            return Tx.inNew(() -> {
                StaffScope scope = staff.require();
                GuardianContact contact;
                if (contactId != null) {
                    contact = contacts.findWithStudent(contactId).filter(c -> scope.covers(c.student))
                            .orElseThrow(NotFoundException::new);
                } else {
                    Student student = students.findWithClass(studentId).filter(scope::covers)
                            .orElseThrow(NotFoundException::new);
                    if (contacts.countByStudent(student.id) >= config.roster().maxGuardiansPerStudent()) {
                        return GuardianContactPayload.failed(List.of(UserError.of("studentId", UserErrorCode.TOO_MANY)));
                    }
                    contact = new GuardianContact();
                    contact.id = UUID.randomUUID();
                    contact.student = student;
                }
                contact.lastName = input.lastName;
                contact.firstName = input.firstName;
                contact.middleName = Text.blankToNull(input.middleName);
                contact.relation = input.relation;
                contact.email = Emails.normalize(input.email);
                contact.phone = PhoneNumbers.normalizeMobile(input.phone).orElseThrow();
                contact.updatedAt = clock.instant();
                contacts.persist(contact);
                contacts.flush();
                return new GuardianContactPayload(GuardianContactView.of(contact), List.of());
            });
        } catch (PersistenceException e) {
            return GuardianContactPayload.failed(List.of(concurrencyError(e)));
        }
    }

    public RemoveGuardianContactPayload removeGuardianContact(String id) throws ApiException {
        UUID contactId = Ids.parse(id);
        return Tx.inNew(() -> {
            StaffScope scope = staff.require();
            GuardianContact contact = contacts.findWithStudent(contactId).filter(c -> scope.covers(c.student))
                    .orElseThrow(NotFoundException::new);
            contacts.delete(contact);
            return new RemoveGuardianContactPayload(contactId.toString(), List.of());
        });
    }

    public StudentContactsPayload recordStudentContacts(StudentContactsInput raw) throws ApiException {
        UUID studentId = Ids.parse(raw.studentId);
        var input = new StudentContactsInput();
        input.studentId = raw.studentId;
        input.email = Text.strip(raw.email);
        input.phone = Text.strip(raw.phone);
        List<UserError> errors = validator.validate(input);
        if (!errors.isEmpty()) {
            Tx.inNew(staff::require);
            return StudentContactsPayload.failed(errors);
        }
        try {
            return Tx.inNew(() -> {
                StaffScope scope = staff.require();
                Student student = students.findWithClass(studentId).filter(scope::covers)
                        .orElseThrow(NotFoundException::new);
                if (input.email != null) {
                    student.email = input.email.isEmpty() ? null : Emails.normalize(input.email);
                }
                if (input.phone != null) {
                    student.phone = input.phone.isEmpty() ? null : PhoneNumbers.normalizeMobile(input.phone).orElseThrow();
                }
                student.updatedAt = clock.instant();
                students.flush();
                List<GuardianContactView> guardians = contacts.findByStudents(List.of(student.id)).stream()
                        .map(GuardianContactView::of).toList();
                return new StudentContactsPayload(StudentRecordView.of(student, guardians), List.of());
            });
        } catch (PersistenceException e) {
            return StudentContactsPayload.failed(List.of(concurrencyError(e)));
        }
    }

    private static UserError concurrencyError(PersistenceException e) {
        if (PersistenceFailures.isConcurrentChange(e)) {
            return UserError.of("", UserErrorCode.CONCURRENT_CHANGE);
        }
        throw e;
    }
}
