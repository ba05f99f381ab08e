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
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import ru.ediary.test.Fixtures;
import ru.ediary.test.Fixtures.ClassRef;
import ru.ediary.test.Fixtures.Person;
import ru.ediary.test.TestData;

/** upsertLessons and upsertLessonGroups: a lesson is sent once for its class or group, with its pupils inside. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class LessonFeedTest {

    static final String LESSONS = """
            mutation($input: LessonBatchInput!) {
              upsertLessons(input: $input) { created updated withdrawn unchanged userErrors { field code } }
            }""";
    static final String GROUPS = """
            mutation($input: LessonGroupBatchInput!) {
              upsertLessonGroups(input: $input) { created updated unchanged userErrors { field code } }
            }""";
    static final String PAGE = """
            query($c: ID!, $from: Date, $to: Date) {
              diary(childId: $c, from: $from, to: $to) {
                edges { node { id date lessonNumber subject homework attendance marks { value weight kind } } }
              }
            }""";

    @Inject
    Fixtures fixtures;

    private final LocalDate today = LocalDate.now();

    /** A class of two pupils, each with a parent who reads their diary. */
    record Class2(ClassRef ref, String key, UUID first, String firstKey, Person firstParent, UUID second,
            String secondKey, Person secondParent) {
        String system() {
            return ref.school().systemToken();
        }
    }

    private Class2 classOfTwo() {
        return classOfTwo(fixtures.school());
    }

    private Class2 classOfTwo(Fixtures.SchoolRef school) {
        ClassRef ref = fixtures.schoolClass(school, null);
        UUID first = fixtures.student(ref);
        UUID second = fixtures.student(ref);
        Person firstParent = fixtures.person();
        Person secondParent = fixtures.person();
        fixtures.guardianOf(first, firstParent);
        fixtures.guardianOf(second, secondParent);
        return new Class2(ref, classKey(ref.id()), first, fixtures.studentRecord(first).externalId, firstParent, second,
                fixtures.studentRecord(second).externalId, secondParent);
    }

    @Transactional
    String classKey(UUID classId) {
        return ((ru.ediary.school.SchoolClass) ru.ediary.school.SchoolClass.findById(classId)).externalId;
    }

    private static Map<String, Object> lesson(String classKey, LocalDate date, int number) {
        Map<String, Object> row = new HashMap<>();
        row.put("externalId", TestData.unique("les"));
        row.put("classExternalId", classKey);
        row.put("date", date.toString());
        row.put("lessonNumber", number);
        row.put("subject", "Алгебра");
        row.put("topic", "Уравнения");
        row.put("homework", "№ 101");
        row.put("teacherName", "Белова О. Н.");
        row.put("attendanceTaken", true);
        row.put("pupils", List.of());
        return row;
    }

    private static Map<String, Object> pupil(String studentKey, String attendance, Map<String, Object>... marks) {
        Map<String, Object> row = new HashMap<>();
        row.put("studentExternalId", studentKey);
        row.put("attendance", attendance);
        row.put("marks", List.of(marks));
        return row;
    }

    private static JsonPath send(String token, List<Map<String, Object>> lessons) {
        return call(token, LESSONS, Map.of("input", Map.of("lessons", lessons)));
    }

    private static JsonPath groups(String token, List<Map<String, Object>> groups) {
        return call(token, GROUPS, Map.of("input", Map.of("groups", groups)));
    }

    private static Map<String, Integer> counts(JsonPath answer) {
        assertEquals(List.of(), answer.getList("data.upsertLessons.userErrors"), answer.prettify());
        return Map.of("created", answer.getInt("data.upsertLessons.created"),
                "updated", answer.getInt("data.upsertLessons.updated"),
                "withdrawn", answer.getInt("data.upsertLessons.withdrawn"),
                "unchanged", answer.getInt("data.upsertLessons.unchanged"));
    }

    private static Map<String, String> errors(JsonPath answer, String mutation) {
        return answer.getList("data." + mutation + ".userErrors", Map.class).stream()
                .collect(Collectors.toMap(e -> (String) e.get("field"), e -> (String) e.get("code")));
    }

    private static List<Map<String, Object>> diary(Person parent, UUID child) {
        JsonPath answer = call(parent.token(), PAGE, Map.of("c", child.toString()));
        assertNull(answer.get("errors"), answer.prettify());
        return answer.getList("data.diary.edges.node");
    }

    @Test
    void aLessonSentOnceReachesEveryPupilOfTheClassEachWithTheirOwnAttendanceAndMarks() {
        Class2 c = classOfTwo();
        var lesson = lesson(c.key(), today.minusDays(1), 2);
        lesson.put("pupils", List.of(pupil(c.firstKey(), null, Map.of("value", 5, "weight", 2, "kind", "TEST")),
                pupil(c.secondKey(), "ABSENT")));

        assertEquals(Map.of("created", 1, "updated", 0, "withdrawn", 0, "unchanged", 0), counts(send(c.system(), List.of(lesson))));
        var first = diary(c.firstParent(), c.first());
        var second = diary(c.secondParent(), c.second());
        assertEquals(1, first.size());
        assertEquals(first.get(0).get("id"), second.get(0).get("id"));
        assertEquals("PRESENT", first.get(0).get("attendance"));
        assertEquals(List.of(Map.of("value", 5, "weight", 2, "kind", "TEST")), first.get(0).get("marks"));
        assertEquals("ABSENT", second.get(0).get("attendance"));
        assertEquals(List.of(), second.get(0).get("marks"));

        // resent as is: nothing changes; the homework corrected once: both pupils see it
        assertEquals(Map.of("created", 0, "updated", 0, "withdrawn", 0, "unchanged", 1), counts(send(c.system(), List.of(lesson))));
        lesson.put("homework", "№ 102");
        assertEquals(Map.of("created", 0, "updated", 1, "withdrawn", 0, "unchanged", 0), counts(send(c.system(), List.of(lesson))));
        assertEquals("№ 102", diary(c.secondParent(), c.second()).get(0).get("homework"));
        // the second pupil's absence corrected, the first pupil's mark left out: theirs alone change
        lesson.put("pupils", List.of(pupil(c.secondKey(), "LATE")));
        assertEquals(Map.of("created", 0, "updated", 1, "withdrawn", 0, "unchanged", 0), counts(send(c.system(), List.of(lesson))));
        assertEquals(List.of(), diary(c.firstParent(), c.first()).get(0).get("marks"));
        assertEquals("LATE", diary(c.secondParent(), c.second()).get(0).get("attendance"));

        lesson.put("withdrawn", true);
        assertEquals(Map.of("created", 0, "updated", 0, "withdrawn", 1, "unchanged", 0), counts(send(c.system(), List.of(lesson))));
        assertEquals(Map.of("created", 0, "updated", 0, "withdrawn", 0, "unchanged", 1), counts(send(c.system(), List.of(lesson))));
        assertEquals(List.of(), diary(c.firstParent(), c.first()));
        assertEquals(List.of(), diary(c.secondParent(), c.second()));
    }

    private static Map<String, Object> mark(int value) {
        return Map.of("value", value, "weight", 1, "kind", "LESSON");
    }

    private List<Map<String, Object>> recentMarks(Person parent, UUID child) {
        JsonPath answer = call(parent.token(), "query($c: ID!) { child(id: $c) { recentMarks { date value } } }",
                Map.of("c", child.toString()));
        assertNull(answer.get("errors"), answer.prettify());
        return answer.getList("data.child.recentMarks");
    }

    @Test
    void recentMarksAreTheFiveNewestOfTheLast93DaysInLiveLessonsNewestFirst() {
        Class2 c = classOfTwo();
        LocalDate d1 = today.minusDays(1);
        LocalDate d2 = today.minusDays(2);
        LocalDate d3 = today.minusDays(3);
        var d1First = lesson(c.key(), d1, 1);
        d1First.put("pupils", List.of(pupil(c.firstKey(), null, mark(5))));
        var d1Third = lesson(c.key(), d1, 3);
        d1Third.put("pupils", List.of(pupil(c.firstKey(), null, mark(4), mark(3))));
        var d2Sixth = lesson(c.key(), d2, 6);
        d2Sixth.put("pupils", List.of(pupil(c.firstKey(), null, mark(2))));
        var d3Second = lesson(c.key(), d3, 2);
        d3Second.put("pupils", List.of(pupil(c.firstKey(), null, mark(5), mark(4))));
        // the newest marks of all, in a lesson then withdrawn: they must not push older ones out
        var withdrawnToday = lesson(c.key(), today, 2);
        withdrawnToday.put("pupils", List.of(pupil(c.firstKey(), null, mark(1), mark(1), mark(1))));
        // the second pupil: one mark inside the 93 days, one just outside
        var inside = lesson(c.key(), today.minusDays(93), 1);
        inside.put("pupils", List.of(pupil(c.secondKey(), null, mark(3))));
        var outside = lesson(c.key(), today.minusDays(94), 1);
        outside.put("pupils", List.of(pupil(c.secondKey(), null, mark(2))));
        counts(send(c.system(), List.of(d3Second, d1First, withdrawnToday, d2Sixth, d1Third, inside, outside)));
        assertEquals(List.of(1, 1, 1, 3, 4), recentMarks(c.firstParent(), c.first()).stream().map(m -> m.get("value")).toList());
        withdrawnToday.put("withdrawn", true);
        counts(send(c.system(), List.of(withdrawnToday)));

        List<Map<String, Object>> first = recentMarks(c.firstParent(), c.first());
        assertEquals(List.of(d1, d1, d1, d2, d3).stream().map(LocalDate::toString).toList(),
                first.stream().map(m -> m.get("date")).toList(), first.toString());
        // newest lesson first within a day, later marks of one lesson first
        assertEquals(List.of(3, 4, 5, 2, 4), first.stream().map(m -> m.get("value")).toList(), first.toString());
        // asked together with the week's homework (one statement for both), the same marks
        JsonPath both = call(c.firstParent().token(), "query($c: ID!) { child(id: $c) { recentMarks { date value }"
                + " weekHomework { date } } }", Map.of("c", c.first().toString()));
        assertEquals(first, both.getList("data.child.recentMarks"), both.prettify());
        assertEquals(List.of(Map.of("date", today.minusDays(93).toString(), "value", 3)),
                recentMarks(c.secondParent(), c.second()));
    }

    @Test
    void aGroupsLessonReachesOnlyTheGroupsPupils() {
        Class2 c = classOfTwo();
        String group = TestData.unique("grp");
        assertEquals(1, groups(c.system(), List.of(Map.of("externalId", group, "classExternalId", c.key(),
                "name", "Английский язык, группа 1", "studentExternalIds", List.of(c.firstKey()))))
                .getInt("data.upsertLessonGroups.created"));
        var english = lesson(c.key(), today.minusDays(2), 4);
        english.put("groupExternalId", group);
        english.put("subject", "Английский язык");
        counts(send(c.system(), List.of(english, lesson(c.key(), today.minusDays(2), 1))));

        assertEquals(List.of("Алгебра", "Английский язык"), diary(c.firstParent(), c.first()).stream().map(e -> e.get("subject")).toList());
        assertEquals(List.of("Алгебра"), diary(c.secondParent(), c.second()).stream().map(e -> e.get("subject")).toList());

        // the group now holds the second pupil instead: the lesson moves with it
        JsonPath regrouped = groups(c.system(), List.of(Map.of("externalId", group, "classExternalId", c.key(),
                "name", "Английский язык, группа 1", "studentExternalIds", List.of(c.secondKey()))));
        assertEquals(1, regrouped.getInt("data.upsertLessonGroups.updated"));
        assertEquals(List.of("Алгебра"), diary(c.firstParent(), c.first()).stream().map(e -> e.get("subject")).toList());
        assertEquals(List.of("Алгебра", "Английский язык"), diary(c.secondParent(), c.second()).stream().map(e -> e.get("subject")).toList());
    }

    @Test
    void aBatchWithBadRowsIsRefusedWholeWithEveryBadRowNamedInOneAnswer() {
        Class2 c = classOfTwo();
        Class2 otherClass = classOfTwo(c.ref().school());
        Class2 otherSchool = classOfTwo();
        String group = TestData.unique("grp");
        groups(c.system(), List.of(Map.of("externalId", group, "classExternalId", c.key(), "name", "Группа 1",
                "studentExternalIds", List.of(c.firstKey()))));
        var good = lesson(c.key(), today, 1);
        var unknownClass = lesson("no-such-class", today, 2);
        var foreignClass = lesson(otherSchool.key(), today, 3);
        var groupOfAnotherClass = lesson(otherClass.key(), today, 4);
        groupOfAnotherClass.put("groupExternalId", group);
        var pupils = lesson(c.key(), today, 5);
        pupils.put("pupils", List.of(pupil(otherClass.firstKey(), "ABSENT"), pupil(otherSchool.firstKey(), "ABSENT"),
                pupil(c.firstKey(), null, Map.of("value", 6, "kind", "TEST")), pupil(c.firstKey(), "LATE")));
        var notInGroup = lesson(c.key(), today, 6);
        notInGroup.put("groupExternalId", group);
        notInGroup.put("pupils", List.of(pupil(c.secondKey(), "ABSENT")));
        var tooOld = lesson(c.key(), today.minusYears(5), 7);
        var badNumber = lesson(c.key(), today, 13);
        var duplicate = lesson(c.key(), today, 8);
        duplicate.put("externalId", good.get("externalId"));

        JsonPath answer = send(c.system(), List.of(good, unknownClass, foreignClass, groupOfAnotherClass, pupils,
                notInGroup, tooOld, badNumber, duplicate));

        assertEquals(Map.of("lessons[1].classExternalId", "UNKNOWN_REFERENCE",
                "lessons[2].classExternalId", "UNKNOWN_REFERENCE",
                "lessons[3].groupExternalId", "NOT_IN_CLASS",
                "lessons[4].pupils[0].studentExternalId", "NOT_IN_CLASS",
                "lessons[4].pupils[1].studentExternalId", "UNKNOWN_STUDENT",
                "lessons[4].pupils[2].marks[0]", "INVALID_MARK",
                "lessons[4].pupils[3].studentExternalId", "DUPLICATE",
                "lessons[5].pupils[0].studentExternalId", "NOT_IN_CLASS",
                "lessons[6].date", "INVALID_DATE",
                "lessons[7].lessonNumber", "INVALID_VALUE"), withoutLast(errors(answer, "upsertLessons")));
        assertEquals("DUPLICATE", errors(answer, "upsertLessons").get("lessons[8].externalId"));
        assertEquals(0, answer.getInt("data.upsertLessons.created"));
        assertEquals(List.of(), diary(c.firstParent(), c.first()));
        assertEquals(List.of(), diary(otherSchool.firstParent(), otherSchool.first()));
    }

    private static Map<String, String> withoutLast(Map<String, String> errors) {
        Map<String, String> copy = new HashMap<>(errors);
        copy.remove("lessons[8].externalId");
        return copy;
    }

    @Test
    void groupsAreRefusedWholeWhenAPupilIsNotOfTheClassOrAnythingIsUnknown() {
        Class2 c = classOfTwo();
        Class2 otherClass = classOfTwo(c.ref().school());
        JsonPath answer = groups(c.system(), List.of(
                Map.of("externalId", "g-ok-" + UUID.randomUUID(), "classExternalId", c.key(), "name", "Группа",
                        "studentExternalIds", List.of(c.firstKey())),
                Map.of("externalId", "g-bad-" + UUID.randomUUID(), "classExternalId", c.key(), "name", "Группа",
                        "studentExternalIds", List.of(otherClass.firstKey(), "no-such-pupil", c.firstKey(), c.firstKey())),
                Map.of("externalId", "g-cls-" + UUID.randomUUID(), "classExternalId", "no-such-class", "name", "Группа",
                        "studentExternalIds", List.of())));
        assertEquals(Map.of("groups[1].studentExternalIds[0]", "NOT_IN_CLASS",
                "groups[1].studentExternalIds[1]", "UNKNOWN_STUDENT",
                "groups[1].studentExternalIds[3]", "DUPLICATE",
                "groups[2].classExternalId", "UNKNOWN_REFERENCE"), errors(answer, "upsertLessonGroups"));
        assertEquals(0, fixtures.count("select count(*) from lesson_group where class_id = ?1", c.ref().id()));
    }

    @Test
    void anotherSchoolsSystemCannotFeedThisSchoolsClassesAndPeopleCannotFeedAtAll() {
        Class2 c = classOfTwo();
        Class2 other = classOfTwo();
        var lesson = lesson(c.key(), today, 1);
        lesson.put("pupils", List.of(pupil(c.firstKey(), "ABSENT")));

        assertEquals(Map.of("lessons[0].classExternalId", "UNKNOWN_REFERENCE",
                "lessons[0].pupils[0].studentExternalId", "UNKNOWN_STUDENT"), errors(send(other.system(), List.of(lesson)), "upsertLessons"));
        assertEquals("FORBIDDEN", errorCode(send(c.firstParent().token(), List.of(lesson))));
        Person teacher = fixtures.teacher();
        fixtures.schoolClass(c.ref().school(), teacher);
        assertEquals("FORBIDDEN", errorCode(send(teacher.token(), List.of(lesson))));
        assertEquals("UNAUTHENTICATED", errorCode(send(null, List.of(lesson))));
        assertEquals("FORBIDDEN", errorCode(groups(c.firstParent().token(), List.of())));
        assertEquals("UNAUTHENTICATED", errorCode(groups(null, List.of())));
        assertEquals(List.of(), diary(c.firstParent(), c.first()));
    }

    @Test
    void aBatchLargerThanTheDocumentedMaximumIsRefused() {
        Class2 c = classOfTwo();
        List<Map<String, Object>> lessons = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            lessons.add(lesson(c.key(), today, 1));
        }
        assertEquals(Map.of("lessons", "TOO_MANY"), errors(send(c.system(), lessons), "upsertLessons"));
    }

    @Test
    void aLessonMovedToAnotherSchoolYearTakesItsPupilsMarksAlong() {
        Class2 c = classOfTwo();
        var lesson = lesson(c.key(), today.minusDays(1), 3);
        lesson.put("pupils", List.of(pupil(c.firstKey(), "PRESENT", Map.of("value", 4, "weight", 1, "kind", "LESSON"))));
        counts(send(c.system(), List.of(lesson)));
        LocalDate lastYear = today.minusDays(400);
        lesson.put("date", lastYear.toString());
        assertEquals(Map.of("created", 0, "updated", 1, "withdrawn", 0, "unchanged", 0), counts(send(c.system(), List.of(lesson))));

        assertEquals(List.of(), diary(c.firstParent(), c.first()));
        List<Map<String, Object>> then = call(c.firstParent().token(), PAGE, Map.of("c", c.first().toString(),
                "from", lastYear.toString(), "to", lastYear.toString())).getList("data.diary.edges.node");
        assertEquals(1, then.size());
        assertEquals(List.of(Map.of("value", 4, "weight", 1, "kind", "LESSON")), then.get(0).get("marks"));
    }

    @Test
    void thePerPupilCopiesOfOneLessonBecomeOneLessonOfTheClass() {
        Class2 c = classOfTwo();
        var firstCopy = DiarySteps.entry(c.firstKey(), today.minusDays(1), 1);
        var secondCopy = DiarySteps.entry(c.secondKey(), today.minusDays(1), 1);
        secondCopy.put("marks", List.of());
        JsonPath answer = DiarySteps.upsert(c.system(), List.of(firstCopy, secondCopy));
        assertEquals(2, answer.getInt("data.upsertDiaryEntries.created"), answer.prettify());

        var first = diary(c.firstParent(), c.first());
        var second = diary(c.secondParent(), c.second());
        assertEquals(first.get(0).get("id"), second.get(0).get("id"));
        assertEquals(List.of(Map.of("value", 5, "weight", 2, "kind", "TEST")), first.get(0).get("marks"));
        assertEquals(List.of(), second.get(0).get("marks"));
        assertEquals(1, fixtures.count("select count(*) from lesson where class_id = ?1", c.ref().id()));
    }
}
