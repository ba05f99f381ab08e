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
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import ru.ediary.test.Fixtures;
import ru.ediary.test.Fixtures.Family;

/** upsertDiaryEntries: school systems feed their own students' diaries, idempotently, all or nothing. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class DiaryFeedTest {

    @Inject
    Fixtures fixtures;

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

        Map<String, String> errors = answer.getList("data.upsertDiaryEntries.userErrors", Map.class).stream()
                .collect(Collectors.toMap(e -> (String) e.get("field"), e -> (String) e.get("code")));
        assertEquals(Map.of("entries[3].marks[0]", "INVALID_MARK", "entries[4].date", "INVALID_DATE",
                "entries[5].homework", "TOO_LONG", "entries[6].lessonNumber", "INVALID_VALUE"), errors);
        assertEquals(List.of(), subjects(family));

        // with the row-level faults fixed, the unknown and the other school's student are still named
        JsonPath references = DiarySteps.upsert(system, List.of(good, unknown, foreign));
        assertEquals(List.of(Map.of("field", "entries[1].studentExternalId", "code", "UNKNOWN_STUDENT"),
                Map.of("field", "entries[2].studentExternalId", "code", "UNKNOWN_STUDENT")),
                references.getList("data.upsertDiaryEntries.userErrors"));
        assertEquals(List.of(), subjects(family));
        assertEquals(List.of(), subjects(otherSchool));
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
