package ru.ediary.diary;

import static ru.ediary.test.GraphQL.call;

import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ru.ediary.test.TestData;

final class DiarySteps {

    static final String UPSERT = """
            mutation($input: DiaryBatchInput!) {
              upsertDiaryEntries(input: $input) { created updated withdrawn unchanged userErrors { field code } }
            }""";
    static final String DIARY = """
            query($c: ID!, $from: Date, $to: Date, $first: Int, $after: String) {
              diary(childId: $c, from: $from, to: $to, first: $first, after: $after) {
                edges { cursor node { id date lessonNumber subject homework marks { value weight kind } } }
                pageInfo { hasNextPage endCursor }
              }
            }""";

    private DiarySteps() {
    }

    static Map<String, Object> entry(String studentKey, LocalDate date, int lesson) {
        Map<String, Object> row = new HashMap<>();
        row.put("externalId", TestData.unique("lesson"));
        row.put("studentExternalId", studentKey);
        row.put("date", date.toString());
        row.put("lessonNumber", lesson);
        row.put("subject", "Математика");
        row.put("topic", "Дроби");
        row.put("homework", "№ 12, 13");
        row.put("attendance", "PRESENT");
        row.put("teacherName", "Белова О. Н.");
        row.put("marks", List.of(Map.of("value", 5, "weight", 2, "kind", "TEST")));
        return row;
    }

    static JsonPath upsert(String token, List<Map<String, Object>> entries) {
        return call(token, UPSERT, Map.of("input", Map.of("entries", entries)));
    }
}
