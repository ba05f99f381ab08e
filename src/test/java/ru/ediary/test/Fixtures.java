package ru.ediary.test;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import ru.ediary.account.Account;
import ru.ediary.school.EnrolmentStatus;
import ru.ediary.school.GuardianContact;
import ru.ediary.school.GuardianRelation;
import ru.ediary.school.School;
import ru.ediary.school.SchoolClass;
import ru.ediary.school.Student;

/** Small builders for the people and school records a test needs; each call makes fresh, unique data. */
@ApplicationScoped
public class Fixtures {

    public record Person(UUID id, String subject, String lastName, String email, String phone, String snils,
            Set<String> roles) {

        /** A token with names only: the account's stored identity stays as it is. */
        public String token() {
            return Tokens.person(subject, Map.of("family_name", lastName, "given_name", "Тест"), roles);
        }

        /** A token whose identity provider asserts these claims (e.g. {@code email}, {@code email_verified}). */
        public String token(Map<String, Object> claims) {
            Map<String, Object> all = new java.util.HashMap<>(Map.of("family_name", lastName, "given_name", "Тест"));
            all.putAll(claims);
            return Tokens.person(subject, all, roles);
        }
    }

    public record SchoolRef(UUID id, String clientId) {

        public String systemToken() {
            return Tokens.schoolSystem(clientId);
        }
    }

    public record ClassRef(UUID id, SchoolRef school) {
    }

    /** A registered person whose profile has a verified e-mail and a verified mobile phone. */
    public Person person() {
        return person(TestData.email(), TestData.mobile(), null);
    }

    /** A registered person; the contacts given are verified (as the identity provider asserted them). */
    @Transactional
    public Person person(String email, String phone, String snils) {
        return register(email, phone, snils, Set.of(), true);
    }

    /** A registered person whose contacts were typed in and never confirmed (as every profile before issue 11). */
    @Transactional
    public Person unverifiedPerson(String email, String phone) {
        return register(email, phone, null, Set.of(), false);
    }

    /** A person with the teacher role and a SNILS, as a class teacher's account has. */
    @Transactional
    public Person teacher() {
        return register(TestData.email(), TestData.mobile(), TestData.snils(), Set.of("teacher"), true);
    }

    private Person register(String email, String phone, String snils, Set<String> roles, boolean verified) {
        var account = new Account();
        account.id = UUID.randomUUID();
        account.subject = TestData.unique("sub");
        account.lastName = "Тестов";
        account.firstName = "Тест";
        account.email = email;
        account.phone = phone;
        account.emailVerified = verified && email != null;
        account.phoneVerified = verified && phone != null;
        account.snils = snils;
        account.createdAt = Instant.now();
        account.updatedAt = account.createdAt;
        account.persist();
        return new Person(account.id, account.subject, account.lastName, email, phone, snils, roles);
    }

    @Transactional
    public SchoolRef school() {
        var school = new School();
        school.id = UUID.randomUUID();
        school.name = "Школа " + TestData.unique("n");
        school.systemClientId = TestData.unique("school-system");
        school.createdAt = Instant.now();
        school.persist();
        return new SchoolRef(school.id, school.systemClientId);
    }

    /** A class led by the given teacher (null for none). */
    @Transactional
    public ClassRef schoolClass(SchoolRef school, Person teacher) {
        var schoolClass = new SchoolClass();
        schoolClass.id = UUID.randomUUID();
        schoolClass.school = School.findById(school.id());
        schoolClass.externalId = TestData.unique("cls");
        schoolClass.name = "5А";
        schoolClass.teacherSnils = teacher == null ? null : teacher.snils();
        schoolClass.persist();
        return new ClassRef(schoolClass.id, school);
    }

    public UUID student(ClassRef schoolClass) {
        return student(schoolClass, EnrolmentStatus.ENROLLED, null, null);
    }

    @Transactional
    public UUID student(ClassRef schoolClass, EnrolmentStatus status, String email, String phone) {
        var student = new Student();
        student.id = UUID.randomUUID();
        student.school = School.findById(schoolClass.school().id());
        student.schoolClass = SchoolClass.findById(schoolClass.id());
        student.externalId = TestData.unique("st");
        student.lastName = "Ученикова";
        student.firstName = "Мария";
        student.birthDate = LocalDate.of(2015, 3, 14);
        student.status = status;
        student.email = email;
        student.phone = phone;
        student.updatedAt = Instant.now();
        student.persist();
        return student.id;
    }

    /** Records the person as the child's legal representative with exactly their profile contacts. */
    public UUID guardianOf(UUID studentId, Person parent) {
        return guardian(studentId, parent.email(), parent.phone());
    }

    @Transactional
    public UUID guardian(UUID studentId, String email, String phone) {
        var contact = new GuardianContact();
        contact.id = UUID.randomUUID();
        contact.student = Student.findById(studentId);
        contact.lastName = "Родителева";
        contact.firstName = "Анна";
        contact.relation = GuardianRelation.MOTHER;
        contact.email = email;
        contact.phone = phone;
        contact.updatedAt = Instant.now();
        contact.persist();
        return contact.id;
    }

    @Transactional
    public Account account(UUID id) {
        return Account.findById(id);
    }

    @Transactional
    public Student studentRecord(UUID id) {
        return Student.findById(id);
    }

    @Transactional
    public List<GuardianContact> contactsOf(UUID studentId) {
        return GuardianContact.list("student.id = ?1 order by lastName", studentId);
    }

    /** A parent with direct access to one fresh child; the usual start of a trusted-person story. */
    public record Family(Person parent, UUID child, ClassRef schoolClass) {
    }

    public Family family() {
        ClassRef schoolClass = schoolClass(school(), null);
        UUID child = student(schoolClass);
        Person parent = person();
        guardianOf(child, parent);
        return new Family(parent, child, schoolClass);
    }

    /** A registered person with a surname, phone and SNILS, as an invitee has. */
    @Transactional
    public Person invitee(String lastName) {
        Person person = register(TestData.email(), TestData.mobile(), TestData.snils(), Set.of(), true);
        Account account = Account.findById(person.id());
        account.lastName = lastName;
        return new Person(person.id(), person.subject(), lastName, person.email(), person.phone(), person.snils(),
                person.roles());
    }

    @Transactional
    public void removeContacts(UUID studentId) {
        GuardianContact.delete("student.id", studentId);
    }

    @Transactional
    public long count(String nativeQuery, Object... params) {
        var query = GuardianContact.getEntityManager().createNativeQuery(nativeQuery);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return ((Number) query.getSingleResult()).longValue();
    }

    @Transactional
    public int execute(String nativeQuery, Object... params) {
        var query = GuardianContact.getEntityManager().createNativeQuery(nativeQuery);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return query.executeUpdate();
    }

    @Transactional
    public void setStatus(UUID studentId, EnrolmentStatus status) {
        Student student = Student.findById(studentId);
        student.status = status;
    }

    /**
     * n families made in bulk (set-based SQL), each a parent with verified contacts matching the school record of one
     * child and an invitation to a different invitee, all accepted and due; returns the tag in their subjects.
     */
    public String acceptedInvitations(String tagPrefix, String phonePrefix, int n) {
        String tag = TestData.unique(tagPrefix);
        var schoolClass = schoolClass(school(), null);
        String id = "cast(md5(?1 || '-%s-' || g) as uuid)";
        execute("insert into account (id, subject, last_name, first_name, email, email_verified, phone,"
                + " phone_verified) select " + id.formatted("p") + ", ?1 || '-p-' || g, 'Родителев', 'Тест',"
                + " ?1 || '-p-' || g || '@example.ru', true, ?3 || lpad(g::text, 7, '0'), true"
                + " from generate_series(1, ?2) g", tag, n, phonePrefix);
        execute("insert into account (id, subject, last_name, first_name) select " + id.formatted("i")
                + ", ?1 || '-i-' || g, 'Доверенный', 'Тест' from generate_series(1, ?2) g", tag, n);
        execute("insert into student (id, school_id, class_id, external_id, last_name, first_name, birth_date,"
                + " status) select " + id.formatted("s") + ", ?3, ?4, ?1 || '-s-' || g, 'Ученик', 'Тест',"
                + " date '2015-01-01', 'ENROLLED' from generate_series(1, ?2) g", tag, n,
                schoolClass.school().id(), schoolClass.id());
        execute("insert into guardian_contact (id, student_id, last_name, first_name, relation, email, phone)"
                + " select " + id.formatted("g") + ", " + id.formatted("s") + ", 'Родителев', 'Тест', 'MOTHER',"
                + " ?1 || '-p-' || g || '@example.ru', ?3 || lpad(g::text, 7, '0') from generate_series(1, ?2) g",
                tag, n, phonePrefix);
        execute("insert into invitation (id, inviter_id, invitee_id, service, status, idempotency_key,"
                + " request_hash, invitee_identifier, created_at, expires_at, accepted_at, activate_after) select "
                + id.formatted("v") + ", " + id.formatted("p") + ", " + id.formatted("i") + ", 'ELECTRONIC_DIARY',"
                + " 'ACCEPTED', 'k-' || g, 'h', ?3 || '*****00', now() - interval '1 hour', now() + interval '29 days',"
                + " now() - interval '1 minute', now() - interval '1 minute' from generate_series(1, ?2) g", tag, n,
                phonePrefix);
        execute("insert into invitation_child (invitation_id, student_id) select " + id.formatted("v") + ", "
                + id.formatted("s") + " from generate_series(1, ?2) g", tag, n);
        return tag;
    }
}
