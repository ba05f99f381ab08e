package ru.ediary.diary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.ediary.test.GraphQL.call;
import static ru.ediary.test.GraphQL.errorCode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import ru.ediary.school.EnrolmentStatus;
import ru.ediary.test.Fixtures;
import ru.ediary.test.Fixtures.ClassRef;
import ru.ediary.test.Fixtures.Person;

/**
 * Every kind of field of a diary entry as a client reads it: ids, dates and instants in ISO 8601, numbers, enums,
 * texts, nulls and a list of nested marks. These fields are read by plain property fetchers (api.PlainFields), so
 * this is the proof that they answer exactly what SmallRye's own fetchers did.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class DiaryEntryFieldsTest {

    private static final String PAGE = """
            query($c: ID!) {
              diary(childId: $c) {
                edges { cursor node { id date lessonNumber subject topic homework attendance teacherName changedAt
                                      marks { value weight kind comment } } }
              }
            }""";

    @Inject
    Fixtures fixtures;

    @Test
    void everyKindOfFieldComesBackInItsScalarsFormat() {
        ClassRef schoolClass = fixtures.schoolClass(fixtures.school(), fixtures.teacher());
        UUID child = fixtures.student(schoolClass, EnrolmentStatus.ENROLLED, null, null);
        Person parent = fixtures.person();
        fixtures.guardianOf(child, parent);
        LocalDate day = LocalDate.now().minusDays(1);
        Map<String, Object> entry = DiarySteps.entry(fixtures.studentRecord(child).externalId, day, 3);
        entry.put("topic", null);
        entry.put("attendance", "ABSENT");
        entry.put("marks", List.of(Map.of("value", 4, "weight", 3, "kind", "HOMEWORK", "comment", "Аккуратно"),
                Map.of("value", 5, "weight", 1, "kind", "LESSON")));
        Instant before = Instant.now().minusSeconds(1);
        JsonPath stored = DiarySteps.upsert(schoolClass.school().systemToken(), List.of(entry));
        assertEquals(List.of(), stored.getList("data.upsertDiaryEntries.userErrors"), stored.prettify());

        JsonPath answer = call(parent.token(), PAGE, Map.of("c", child.toString()));
        Map<String, Object> node = answer.getMap("data.diary.edges[0].node");
        assertEquals(1, answer.getList("data.diary.edges").size(), answer.prettify());
        assertTrue(node.get("id") instanceof String id && !id.isBlank(), answer.prettify());
        assertEquals(day.toString(), node.get("date"));
        assertEquals(3, node.get("lessonNumber"));
        assertEquals("Математика", node.get("subject"));
        assertNull(node.get("topic"));
        assertTrue(node.containsKey("topic"), "a null field is still in the answer");
        assertEquals("№ 12, 13", node.get("homework"));
        assertEquals("ABSENT", node.get("attendance"));
        assertEquals("Белова О. Н.", node.get("teacherName"));
        Instant changedAt = Instant.parse((String) node.get("changedAt"));
        assertTrue(!changedAt.isBefore(before) && changedAt.isBefore(Instant.now().plus(Duration.ofSeconds(1))),
                "changedAt " + changedAt);
        assertEquals(List.of(mark(4, 3, "HOMEWORK", "Аккуратно"), mark(5, 1, "LESSON", null)), node.get("marks"));
    }

    @Test
    void aCallerWhoIsNotEntitledGetsNoneOfTheseFieldsForAnotherFamilysChild() {
        ClassRef schoolClass = fixtures.schoolClass(fixtures.school(), fixtures.teacher());
        UUID child = fixtures.student(schoolClass, EnrolmentStatus.ENROLLED, null, null);
        fixtures.guardianOf(child, fixtures.person());
        DiarySteps.upsert(schoolClass.school().systemToken(),
                List.of(DiarySteps.entry(fixtures.studentRecord(child).externalId, LocalDate.now().minusDays(1), 1)));
        // a signed-in stranger and another school's system, each typing this child's id
        for (String token : List.of(fixtures.person().token(), fixtures.school().systemToken())) {
            JsonPath answer = call(token, PAGE, Map.of("c", child.toString()));
            assertEquals("NOT_FOUND", errorCode(answer), answer.prettify());
            assertNull(answer.get("data.diary"), answer.prettify());
        }
    }

    private static Map<String, Object> mark(int value, int weight, String kind, String comment) {
        Map<String, Object> mark = new HashMap<>(Map.of("value", value, "weight", weight, "kind", kind));
        mark.put("comment", comment);
        return mark;
    }
}
