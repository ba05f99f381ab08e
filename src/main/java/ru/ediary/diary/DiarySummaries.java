package ru.ediary.diary;

import jakarta.enterprise.context.RequestScoped;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import ru.ediary.diary.ChildDiaryView.Homework;
import ru.ediary.diary.ChildDiaryView.RecentMark;

/**
 * The children's recent marks and week's homework read in this request: when a response asks for both, the first of
 * the two batch fields reads both in one statement and the second finds them here.
 */
@RequestScoped
class DiarySummaries {

    private final Map<UUID, List<RecentMark>> marks = new ConcurrentHashMap<>();
    private final Map<UUID, List<Homework>> homework = new ConcurrentHashMap<>();

    /** Reads what is not here yet of the marks of {@code forMarks} and the homework of {@code forHomework}. */
    void load(DiaryQueries queries, Collection<UUID> forMarks, LocalDate since, int n, Collection<UUID> forHomework,
            LocalDate monday, LocalDate sunday) {
        List<UUID> missingMarks = forMarks.stream().filter(id -> !marks.containsKey(id)).toList();
        List<UUID> missingHomework = forHomework.stream().filter(id -> !homework.containsKey(id)).toList();
        if (missingMarks.isEmpty() && missingHomework.isEmpty()) {
            return;
        }
        var read = queries.summaries(missingMarks, since, n, missingHomework, monday, sunday);
        missingMarks.forEach(id -> marks.put(id, read.marks().getOrDefault(id, List.of())));
        missingHomework.forEach(id -> homework.put(id, read.homework().getOrDefault(id, List.of())));
    }

    List<RecentMark> marks(UUID child) {
        return marks.getOrDefault(child, List.of());
    }

    List<Homework> homework(UUID child) {
        return homework.getOrDefault(child, List.of());
    }
}
