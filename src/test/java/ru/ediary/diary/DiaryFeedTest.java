package ru.ediary.diary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static ru.ediary.test.GraphQL.call;
import static ru.ediary.test.GraphQL.errorCode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import ru.ediary.test.Fixtures;
import ru.ediary.test.Fixtures.Family;

/** upsertDiaryEntries: school systems feed their own students' diaries, idempotently, all or nothing. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class DiaryFeedTest {

    private static final String UPSERT_WITH_MESSAGES = """
            mutation($input: DiaryBatchInput!) {
              upsertDiaryEntries(input: $input) { created userErrors { field code message } }
            }""";

    @Inject
    Fixtures fixtures;
    @Inject
    SessionFactory sessionFactory;

    private final LocalDate today = LocalDate.now();

    private static Map<String, Integer> counts(JsonPath answer) {
        return Map.of("created", answer.getInt("data.upsertDiaryEntries.created"),
                "updated", answer.getInt("data.upsertDiaryEntries.updated"),
                "withdrawn", answer.getInt("data.upsertDiaryEntries.withdrawn"),
                "unchanged", answer.getInt("data.upsertDiaryEntries.unchanged"));
    }

    private List<String> subjects(Family family) {
        return call(family.parent().token(), DiarySteps.DIARY, Map.of("c", family.child().toString()))
                .getList("data.diary.edges.node.subject");
    }

    @Test
    void resendingABatchChangesNothingAChangedEntryUpdatesInPlaceAndAWithdrawnOneDisappears() {
        Family family = fixtures.family();
        String system = family.schoolClass().school().systemToken();
        String key = fixtures.studentRecord(family.child()).externalId;
        var first = DiarySteps.entry(key, today.minusDays(1), 1);
        var second = DiarySteps.entry(key, today.minusDays(1), 2);

        assertEquals(Map.of("created", 2, "updated", 0, "withdrawn", 0, "unchanged", 0),
                counts(DiarySteps.upsert(system, List.of(first, second))));
        assertEquals(Map.of("created", 0, "updated", 0, "withdrawn", 0, "unchanged", 2),
                counts(DiarySteps.upsert(system, List.of(first, second))));

        second.put("subject", "Геометрия");
        second.put("marks", List.of(Map.of("value", 4, "kind", "LESSON")));
        assertEquals(Map.of("created", 0, "updated", 1, "withdrawn", 0, "unchanged", 1),
                counts(DiarySteps.upsert(system, List.of(first, second))));
        JsonPath diary = call(family.parent().token(), DiarySteps.DIARY, Map.of("c", family.child().toString()));
        assertEquals(List.of("Математика", "Геометрия"), diary.getList("data.diary.edges.node.subject"));
        assertEquals(List.of(Map.of("value", 4, "weight", 1, "kind", "LESSON")), diary.getList("data.diary.edges[1].node.marks"));

        first.put("withdrawn", true);
        assertEquals(Map.of("created", 0, "updated", 0, "withdrawn", 1, "unchanged", 0),
                counts(DiarySteps.upsert(system, List.of(first))));
        assertEquals(List.of("Геометрия"), subjects(family));
    }

    @Test
    void aBatchWithBadRowsIsRefusedWholeWithEveryBadRowNamed() {
        Family family = fixtures.family();
        Family otherSchool = fixtures.family();
        String system = family.schoolClass().school().systemToken();
        String key = fixtures.studentRecord(family.child()).externalId;
        var good = DiarySteps.entry(key, today, 1);
        var unknown = DiarySteps.entry("no-such-student", today, 2);
        var foreign = DiarySteps.entry(fixtures.studentRecord(otherSchool.child()).externalId, today, 3);
        var badMark = DiarySteps.entry(key, today, 4);
        badMark.put("marks", List.of(Map.of("value", 6, "kind", "TEST")));
        var tooOld = DiarySteps.entry(key, today.minusYears(5), 5);
        var oversized = DiarySteps.entry(key, today, 6);
        oversized.put("homework", "x".repeat(4001));
        var badLesson = DiarySteps.entry(key, today, 13);

        JsonPath answer = DiarySteps.upsert(system, List.of(good, unknown, foreign, badMark, tooOld, oversized, badLesson));

        // shapes and references in one answer; another school's student is named like one that does not exist
        assertEquals(List.of(Map.of("field", "entries[1].studentExternalId", "code", "UNKNOWN_STUDENT"),
                Map.of("field", "entries[2].studentExternalId", "code", "UNKNOWN_STUDENT"),
                Map.of("field", "entries[3].marks[0]", "code", "INVALID_MARK"),
                Map.of("field", "entries[4].date", "code", "INVALID_DATE"),
                Map.of("field", "entries[5].homework", "code", "TOO_LONG"),
                Map.of("field", "entries[6].lessonNumber", "code", "INVALID_VALUE")),
                answer.getList("data.upsertDiaryEntries.userErrors"));
        assertEquals(0, answer.getInt("data.upsertDiaryEntries.created"));
        assertEquals(List.of(), subjects(family));
        assertEquals(List.of(), subjects(otherSchool));
    }

    @Test
    void aBadLessonNumberAndAnUnknownStudentAreBothNamedInOneAnswer() {
        Family family = fixtures.family();
        String system = family.schoolClass().school().systemToken();
        String key = fixtures.studentRecord(family.child()).externalId;
        var good = DiarySteps.entry(key, today, 1);
        var badLesson = DiarySteps.entry(key, today, 13);
        var nobody = DiarySteps.entry("st-nobody", today, 2);

        JsonPath answer = call(system, UPSERT_WITH_MESSAGES, Map.of("input", Map.of("entries", List.of(good, badLesson, nobody))));

        assertEquals(List.of(Map.of("field", "entries[1].lessonNumber", "code", "INVALID_VALUE",
                        "message", "Недопустимое значение."),
                Map.of("field", "entries[2].studentExternalId", "code", "UNKNOWN_STUDENT",
                        "message", "В школе нет ученика с таким идентификатором.")),
                answer.getList("data.upsertDiaryEntries.userErrors"));
        assertEquals(List.of(), subjects(family));

        // fixed, the batch goes through whole, and resending it changes nothing
        badLesson.put("lessonNumber", 3);
        nobody.put("studentExternalId", key);
        assertEquals(Map.of("created", 3, "updated", 0, "withdrawn", 0, "unchanged", 0),
                counts(DiarySteps.upsert(system, List.of(good, badLesson, nobody))));
        assertEquals(Map.of("created", 0, "updated", 0, "withdrawn", 0, "unchanged", 3),
                counts(DiarySteps.upsert(system, List.of(good, badLesson, nobody))));
    }

    @Test
    void aBatchWithFiveBadRowsOfFiveKindsNamesAllFive() {
        Family family = fixtures.family();
        String system = family.schoolClass().school().systemToken();
        String key = fixtures.studentRecord(family.child()).externalId;
        var badLesson = DiarySteps.entry(key, today, 0);
        var nobody = DiarySteps.entry("st-nobody", today, 1);
        var noSubject = DiarySteps.entry(key, today, 2);
        noSubject.put("subject", " ");
        var duplicate = DiarySteps.entry(key, today, 3);
        duplicate.put("externalId", badLesson.get("externalId"));
        var tooFarAhead = DiarySteps.entry(key, today.plusYears(2), 4);

        JsonPath answer = DiarySteps.upsert(system, List.of(badLesson, nobody, noSubject, duplicate, tooFarAhead));

        assertEquals(List.of(Map.of("field", "entries[0].lessonNumber", "code", "INVALID_VALUE"),
                Map.of("field", "entries[1].studentExternalId", "code", "UNKNOWN_STUDENT"),
                Map.of("field", "entries[2].subject", "code", "REQUIRED"),
                Map.of("field", "entries[3].externalId", "code", "DUPLICATE"),
                Map.of("field", "entries[4].date", "code", "INVALID_DATE")),
                answer.getList("data.upsertDiaryEntries.userErrors"));
        assertEquals(List.of(), subjects(family));
    }

    @Test
    void aThousandRowsOfGarbageAnswerTheFirstHundredErrorsAfterTooManyErrors() {
        Family family = fixtures.family();
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            var row = DiarySteps.entry("st-nobody-" + i, today, 99);
            row.put("marks", List.of(Map.of("value", 7, "kind", "TEST")));
            entries.add(row);
        }

        String system = family.schoolClass().school().systemToken();
        DiarySteps.upsert(system, entries); // the first call of a fresh JVM loads classes; time the second
        long started = System.nanoTime();
        JsonPath answer = DiarySteps.upsert(system, entries);
        System.out.printf("GARBAGE_FEED: 1000 bad entries refused in %d ms%n", (System.nanoTime() - started) / 1_000_000);

        List<Map<String, String>> errors = answer.getList("data.upsertDiaryEntries.userErrors");
        assertEquals(101, errors.size());
        assertEquals(Map.of("field", "", "code", "TOO_MANY_ERRORS"), errors.get(0));
        // three per row, in input order: lessonNumber, marks[0], studentExternalId
        assertEquals(Map.of("field", "entries[0].lessonNumber", "code", "INVALID_VALUE"), errors.get(1));
        assertEquals(Map.of("field", "entries[0].marks[0]", "code", "INVALID_MARK"), errors.get(2));
        assertEquals(Map.of("field", "entries[0].studentExternalId", "code", "UNKNOWN_STUDENT"), errors.get(3));
        assertEquals(Map.of("field", "entries[33].lessonNumber", "code", "INVALID_VALUE"), errors.get(100));
        assertEquals(List.of(), subjects(family));
    }

    @Test
    void unknownStudentsAreLookedUpWithOneQueryWhateverTheirNumber() {
        Family family = fixtures.family();
        String system = family.schoolClass().school().systemToken();

        long one = statementsFor(system, 1);
        long many = statementsFor(system, 50);

        assertEquals(one, many, "statements for 1 and for 50 unknown students");
    }

    private long statementsFor(String system, int unknown) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 0; i < unknown; i++) {
            entries.add(DiarySteps.entry("st-missing-" + i, today, 1));
        }
        var statistics = sessionFactory.getStatistics();
        long before = statistics.getPrepareStatementCount();
        JsonPath answer = DiarySteps.upsert(system, entries);
        long used = statistics.getPrepareStatementCount() - before;
        assertEquals(unknown, answer.getList("data.upsertDiaryEntries.userErrors").size());
        return used;
    }

    @Test
    void aBatchLargerThanTheLimitIsRefused() {
        Family family = fixtures.family();
        String key = fixtures.studentRecord(family.child()).externalId;
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            entries.add(DiarySteps.entry(key, today, 1));
        }
        JsonPath answer = DiarySteps.upsert(family.schoolClass().school().systemToken(), entries);
        assertEquals(List.of(Map.of("field", "entries", "code", "TOO_MANY")), answer.getList("data.upsertDiaryEntries.userErrors"));
    }

    @Test
    void schoolSystemBatchesAreRateLimitedPerClient() {
        Family family = fixtures.family();
        var school = family.schoolClass().school();
        String key = fixtures.studentRecord(family.child()).externalId;
        // this client has used up its hour (600 batches), as a runaway sync loop would
        fixtures.execute("insert into rate_limit_window (caller, action, window_start, hits) values (?1, 'SCHOOL_BATCH',"
                + " to_timestamp(floor(extract(epoch from now()) / 3600) * 3600), 600)"
                + " on conflict (caller, action, window_start) do update set hits = 600", school.clientId());

        JsonPath limited = DiarySteps.upsert(school.systemToken(), List.of(DiarySteps.entry(key, today, 1)));
        JsonPath roster = call(school.systemToken(), "mutation { upsertRoster(input: {classes: [], students: []}) {"
                + " userErrors { code } } }");

        assertEquals(List.of(Map.of("field", "", "code", "RATE_LIMITED")), limited.getList("data.upsertDiaryEntries.userErrors"));
        assertEquals(List.of("RATE_LIMITED"), roster.getList("data.upsertRoster.userErrors.code"));
        assertEquals(List.of(), subjects(family));
        // another school's system is not affected
        Family other = fixtures.family();
        JsonPath theirs = DiarySteps.upsert(other.schoolClass().school().systemToken(),
                List.of(DiarySteps.entry(fixtures.studentRecord(other.child()).externalId, today, 1)));
        assertEquals(1, theirs.getInt("data.upsertDiaryEntries.created"));
    }

    @Test
    void onlySchoolSystemsFeedTheDiary() {
        Family family = fixtures.family();
        String key = fixtures.studentRecord(family.child()).externalId;
        var rows = List.of(DiarySteps.entry(key, today, 1));
        Fixtures.Person teacher = fixtures.teacher();
        fixtures.schoolClass(family.schoolClass().school(), teacher);

        assertEquals("FORBIDDEN", errorCode(DiarySteps.upsert(family.parent().token(), rows)));
        assertEquals("FORBIDDEN", errorCode(DiarySteps.upsert(teacher.token(), rows)));
        assertEquals("UNAUTHENTICATED", errorCode(DiarySteps.upsert(null, rows)));
        assertEquals(List.of(), subjects(family));
    }
}
