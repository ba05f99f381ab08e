package ru.ediary.diary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static ru.ediary.test.GraphQL.call;
import static ru.ediary.test.GraphQL.errorCode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ru.ediary.school.EnrolmentStatus;
import ru.ediary.test.Fixtures;
import ru.ediary.test.Fixtures.ClassRef;
import ru.ediary.test.Fixtures.Person;
import ru.ediary.test.TestClock;
import ru.ediary.trust.InvitationActivator;

/** One rule decides every diary read. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class DiaryReadRuleTest {

    @Inject
    Fixtures fixtures;
    @Inject
    InvitationActivator activator;
    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A child in a class with a teacher, a parent, the student's own account and one lesson. */
    record Setting(ClassRef schoolClass, Person teacher, Person parent, Person student, UUID child, String studentKey) {
    }

    private Setting setting() {
        Person teacher = fixtures.teacher();
        ClassRef schoolClass = fixtures.schoolClass(fixtures.school(), teacher);
        Person student = fixtures.person();
        UUID child = fixtures.student(schoolClass, EnrolmentStatus.ENROLLED, student.email(), student.phone());
        Person parent = fixtures.person();
        fixtures.guardianOf(child, parent);
        String key = fixtures.studentRecord(child).externalId;
        DiarySteps.upsert(schoolClass.school().systemToken(), List.of(DiarySteps.entry(key, LocalDate.now(), 1)));
        return new Setting(schoolClass, teacher, parent, student, child, key);
    }

    private static JsonPath read(String token, UUID child) {
        return call(token, DiarySteps.DIARY, Map.of("c", child.toString()));
    }

    private static void assertReads(String token, UUID child) {
        JsonPath answer = read(token, child);
        assertEquals(List.of("Математика"), answer.getList("data.diary.edges.node.subject"), answer.prettify());
    }

    private static void assertRefused(String token, UUID child) {
        JsonPath answer = read(token, child);
        assertEquals("NOT_FOUND", errorCode(answer), answer.prettify());
        assertNull(answer.get("data.diary"));
    }

    private Person trustedPersonOf(Setting s) throws Exception {
        Person trusted = fixtures.invitee("Бабушкина");
        String invitation = ru.ediary.trust.TrustStepsAccess.invite(s.parent(), trusted, s.child());
        ru.ediary.trust.TrustStepsAccess.accept(trusted, invitation);
        activator.runOnce();
        return trusted;
    }

    @Test
    void theStudentTheParentAnActiveTrustedPersonTheClassTeacherAndTheSchoolSystemRead() throws Exception {
        Setting s = setting();
        assertReads(s.student().token(), s.child());
        assertReads(s.parent().token(), s.child());
        assertReads(trustedPersonOf(s).token(), s.child());
        assertReads(s.teacher().token(), s.child());
        assertReads(s.schoolClass().school().systemToken(), s.child());
    }

    @Test
    void everyoneElseGetsNotFound() {
        Setting s = setting();
        Person teacherOfAnotherClass = fixtures.teacher();
        fixtures.schoolClass(s.schoolClass().school(), teacherOfAnotherClass);

        assertRefused(fixtures.person().token(), s.child());
        assertRefused(teacherOfAnotherClass.token(), s.child());
        assertRefused(fixtures.school().systemToken(), s.child());
        assertEquals("UNAUTHENTICATED", errorCode(read(null, s.child())));
        assertRefused(s.parent().token(), UUID.randomUUID());
        assertEquals("BAD_USER_INPUT", errorCode(call(s.parent().token(), DiarySteps.DIARY, Map.of("c", "nope"))));
    }

    @Test
    void aRevokedASuspendedAndANotYetActivatedTrustedPersonGetNotFound() throws Exception {
        Setting s = setting();
        Person pending = fixtures.invitee("Ждущая");
        String invitation = ru.ediary.trust.TrustStepsAccess.invite(s.parent(), pending, s.child());
        ru.ediary.trust.TrustStepsAccess.accept(pending, invitation);
        assertRefused(pending.token(), s.child());

        Person trusted = trustedPersonOf(s);
        assertReads(trusted.token(), s.child());
        // suspended: the inviting parent's school record no longer matches (a new verified phone at the provider)
        call(s.parent().token(Map.of("phone_number", "+79160009988", "phone_number_verified", true)), "{ me { id } }");
        assertRefused(trusted.token(), s.child());
        fixtures.guardian(s.child(), s.parent().email(), "+79160009988");
        assertReads(trusted.token(), s.child());
        // revoked
        String grant = call(s.parent().token(), "query($c: ID!) { trustedPersons(childId: $c) { id trustedPerson { fullName } } }",
                Map.of("c", s.child().toString())).getString("data.trustedPersons.find { it.trustedPerson.fullName.startsWith('Бабушкина') }.id");
        call(s.parent().token(), "mutation($id: ID!) { revokeTrustedAccess(id: $id) { userErrors { code } } }", Map.of("id", grant));
        assertRefused(trusted.token(), s.child());
    }

    @Test
    void aWithdrawnStudentsDiaryIsReadByNobody() {
        Setting s = setting();
        fixtures.setStatus(s.child(), EnrolmentStatus.WITHDRAWN);

        for (String token : List.of(s.student().token(), s.parent().token(), s.teacher().token(),
                s.schoolClass().school().systemToken())) {
            assertRefused(token, s.child());
        }
    }

    /** docs/access-rule.md: child(id) follows the same rule as diary, staff included; the roster still lists it. */
    @Test
    void aWithdrawnStudentsRecordIsOpenedByNobodyButStaffStillSeeItInTheirRoster() {
        Setting s = setting();
        String teacher = s.teacher().token();
        String system = s.schoolClass().school().systemToken();
        Map<String, Object> id = Map.of("id", s.child().toString());
        String child = "query($id: ID!) { child(id: $id) { id } }";
        assertEquals(s.child().toString(), call(teacher, child, id).getString("data.child.id"));
        assertEquals(s.child().toString(), call(system, child, id).getString("data.child.id"));

        fixtures.setStatus(s.child(), EnrolmentStatus.WITHDRAWN);

        for (String token : List.of(s.student().token(), s.parent().token(), teacher, system)) {
            JsonPath answer = call(token, child, id);
            assertEquals("NOT_FOUND", errorCode(answer), answer.prettify());
            assertNull(answer.get("data"));
        }
        JsonPath roster = call(teacher, "{ myClasses { students { id status } } }");
        assertEquals(List.of("WITHDRAWN"), roster.getList("data.myClasses[0].students.findAll { it.id == '"
                + s.child() + "' }.status"), roster.prettify());
    }

    @Test
    void pagesHaveStableCursorsWithNoDuplicatesOrGapsWhileEntriesAreAdded() {
        Setting s = setting();
        String system = s.schoolClass().school().systemToken();
        LocalDate day = LocalDate.now().minusDays(10);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int d = 0; d < 5; d++) {
            for (int lesson = 1; lesson <= 4; lesson++) {
                rows.add(DiarySteps.entry(s.studentKey(), day.plusDays(d), lesson));
            }
        }
        DiarySteps.upsert(system, rows);
        Map<String, Object> vars = new java.util.HashMap<>(Map.of("c", s.child().toString(), "first", 7,
                "from", day.toString(), "to", day.plusDays(20).toString()));

        List<String> seen = new ArrayList<>();
        JsonPath page = call(s.parent().token(), DiarySteps.DIARY, vars);
        seen.addAll(page.getList("data.diary.edges.node.id"));
        // a lesson is added before the cursor and one after it, between pages
        DiarySteps.upsert(system, List.of(DiarySteps.entry(s.studentKey(), day, 6), DiarySteps.entry(s.studentKey(), day.plusDays(4), 6)));
        while (page.getBoolean("data.diary.pageInfo.hasNextPage")) {
            vars.put("after", page.getString("data.diary.pageInfo.endCursor"));
            page = call(s.parent().token(), DiarySteps.DIARY, vars);
            seen.addAll(page.getList("data.diary.edges.node.id"));
        }

        Set<String> distinct = new HashSet<>(seen);
        assertEquals(seen.size(), distinct.size(), "duplicates: " + seen);
        // 20 fed at first + today's lesson from setting() + the one added after the cursor
        assertEquals(22, seen.size());
    }

    @Test
    void theDateRangeIsCappedAndChecked() {
        Setting s = setting();
        LocalDate to = LocalDate.now();
        assertEquals("BAD_USER_INPUT", errorCode(call(s.parent().token(), DiarySteps.DIARY,
                Map.of("c", s.child().toString(), "from", to.minusDays(93).toString(), "to", to.toString()))));
        assertEquals("BAD_USER_INPUT", errorCode(call(s.parent().token(), DiarySteps.DIARY,
                Map.of("c", s.child().toString(), "from", to.toString(), "to", to.minusDays(1).toString()))));
        assertEquals(1, call(s.parent().token(), DiarySteps.DIARY, Map.of("c", s.child().toString(),
                "from", to.minusDays(92).toString(), "to", to.toString())).getList("data.diary.edges").size());
    }

    @Test
    void aTrustedPersonsReadsAreAuditedOncePerDayForTheParents() throws Exception {
        Setting s = setting();
        Person trusted = trustedPersonOf(s);
        String audit = "query($c: ID!) { auditLog(childId: $c) { edges { node { action trustedPersonFullName } } } }";

        read(trusted.token(), s.child());
        read(trusted.token(), s.child());
        call(trusted.token(), "query($id: ID!) { child(id: $id) { recentMarks { value } weekHomework { text } } }",
                Map.of("id", s.child().toString()));
        List<String> today = call(s.parent().token(), audit, Map.of("c", s.child().toString()))
                .getList("data.auditLog.edges.node.action");
        assertEquals(1, today.stream().filter("DIARY_READ"::equals).count());

        clock.advance(java.time.Duration.ofDays(1));
        read(trusted.token(), s.child());
        List<String> twoDays = call(s.parent().token(), audit, Map.of("c", s.child().toString()))
                .getList("data.auditLog.edges.node.action");
        assertEquals(2, twoDays.stream().filter("DIARY_READ"::equals).count());
        // the parents' own reads are not audited
        read(s.parent().token(), s.child());
        assertEquals(2, call(s.parent().token(), audit, Map.of("c", s.child().toString()))
                .getList("data.auditLog.edges.node.action").stream().filter("DIARY_READ"::equals).count());

    }

    /**
     * The Child batch fields know from the root query how the caller reads each child: a trusted person's marks
     * and homework are an audited read, a parent's are not, and only a parent sees the child's trusted persons.
     */
    @Test
    void childFieldsAuditATrustedPersonsReadsAndShowTrustedPersonsOnlyToParents() throws Exception {
        Setting s = setting();
        Person trusted = trustedPersonOf(s);
        String audit = "query($c: ID!) { auditLog(childId: $c) { edges { node { action } } } }";
        java.util.function.Supplier<Long> diaryReads = () -> call(s.parent().token(), audit,
                Map.of("c", s.child().toString())).getList("data.auditLog.edges.node.action", String.class).stream()
                .filter("DIARY_READ"::equals).count();

        JsonPath parents = call(s.parent().token(), "{ myChildren { id recentMarks { value } weekHomework { text }"
                + " trustedPersons { trustedPerson { fullName } } } }");
        assertEquals(List.of(5), parents.getList("data.myChildren[0].recentMarks.value"), parents.prettify());
        assertEquals(1, parents.getList("data.myChildren[0].trustedPersons").size(), parents.prettify());
        assertEquals(0L, diaryReads.get());

        JsonPath trustedsMarks = call(trusted.token(), "{ diaryAccess { children { capacity child { id"
                + " recentMarks { value } trustedPersons { id } } } } }");
        assertEquals(List.of("TRUSTED_PERSON"), trustedsMarks.getList("data.diaryAccess.children.capacity"),
                trustedsMarks.prettify());
        assertEquals(List.of(5), trustedsMarks.getList("data.diaryAccess.children[0].child.recentMarks.value"));
        assertEquals(List.of(), trustedsMarks.getList("data.diaryAccess.children[0].child.trustedPersons"));
        assertEquals(1L, diaryReads.get());

        // the next day, homework alone is a read too
        clock.advance(java.time.Duration.ofDays(1));
        JsonPath trustedsHomework = call(trusted.token(), "query($id: ID!) { child(id: $id) { weekHomework { text } } }",
                Map.of("id", s.child().toString()));
        assertNull(trustedsHomework.get("errors"), trustedsHomework.prettify());
        assertEquals(2L, diaryReads.get());
    }
}
