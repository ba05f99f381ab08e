package ru.ediary.diary;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import ru.ediary.api.Text;
import ru.ediary.diary.LessonStore.Lesson;
import ru.ediary.diary.LessonStore.Pupil;
import ru.ediary.school.Student;

/**
 * upsertDiaryEntries (deprecated) on the lesson model. A per-pupil copy names its pupil's lesson: a known key the
 * lesson it named before; a new key the live lesson of the pupil's class in the same slot (date, lesson number,
 * subject), created when there is none — so the 25 copies of one lesson of a class of 25 become one lesson. A
 * copy's subject, topic, homework and teacher are the lesson's (the last copy sent wins, which is where 25
 * copies of one correction arrive anyway); its attendance and marks are its pupil's own; {@code withdrawn}
 * withdraws the lesson. Counts are per copy, as before.
 */
@ApplicationScoped
class LegacyEntries {

    private final LessonStore store;

    LegacyEntries(LessonStore store) {
        this.store = store;
    }

    private static final class Touched {
        final Lesson lesson;
        final LocalDate storedDate;
        final boolean isNew;
        boolean dirty;
        final Map<UUID, Pupil> stored;
        final Map<UUID, Pupil> replaced = new LinkedHashMap<>();

        Touched(Lesson lesson, boolean isNew, Map<UUID, Pupil> stored) {
            this.lesson = lesson;
            this.storedDate = lesson.lessonDate;
            this.isNew = isNew;
            this.stored = stored;
        }

        Pupil current(UUID student) {
            return replaced.containsKey(student) ? replaced.get(student) : stored.getOrDefault(student, Pupil.NOTHING);
        }
    }

    private record Slot(UUID classId, LocalDate date, short number, String subject) {
    }

    DiaryBatchPayload apply(UUID schoolId, List<DiaryBatchInput.Entry> rows, Map<String, Student> studentByKey,
            Instant now) {
        Set<UUID> classIds = new HashSet<>();
        Set<LocalDate> dates = new HashSet<>();
        for (var row : rows) {
            classIds.add(studentByKey.get(row.studentExternalId).schoolClass.id);
            dates.add(row.date);
        }
        store.lockClasses(classIds);
        Map<String, UUID[]> keys = store.legacyKeys(schoolId, rows.stream().map(r -> r.externalId).toList());
        Map<UUID, Lesson> keyed = store.lockByIds(keys.values().stream().map(k -> k[0]).distinct().toList());
        List<Lesson> inSlots = store.lockClassLessons(classIds, dates);
        List<Lesson> all = new ArrayList<>(keyed.values());
        inSlots.stream().filter(l -> !keyed.containsKey(l.id)).forEach(all::add);
        Map<UUID, Map<UUID, Pupil>> pupils = store.pupils(all);

        Map<UUID, Touched> touched = new LinkedHashMap<>();
        Map<Slot, Touched> bySlot = new HashMap<>();
        for (Lesson lesson : inSlots) {
            Touched t = touched.computeIfAbsent(lesson.id,
                    id -> new Touched(lesson, false, pupils.getOrDefault(id, Map.of())));
            bySlot.putIfAbsent(new Slot(lesson.classId, lesson.lessonDate, lesson.lessonNumber, lesson.subject), t);
        }
        for (Lesson lesson : keyed.values()) {
            touched.computeIfAbsent(lesson.id, id -> new Touched(lesson, false, pupils.getOrDefault(id, Map.of())));
        }

        LessonStore.Writes writes = store.writes(now);
        int created = 0;
        int updated = 0;
        int withdrawn = 0;
        int unchanged = 0;
        for (var row : rows) {
            Student student = studentByKey.get(row.studentExternalId);
            Lesson wanted = content(row, student.schoolClass.id);
            Pupil pupil = new Pupil(row.attendance, row.marks.stream().map(m -> new Mark((short) m.value,
                    (short) m.weight, m.kind, Text.blankToNull(m.comment))).toList());
            UUID[] key = keys.get(row.externalId);
            if (key == null) {
                Slot slot = new Slot(wanted.classId, wanted.lessonDate, wanted.lessonNumber, wanted.subject);
                Touched t = row.withdrawn ? null : bySlot.get(slot);
                if (t == null) {
                    wanted.id = UUID.randomUUID();
                    wanted.withdrawnAt = row.withdrawn ? now : null;
                    t = new Touched(wanted, true, Map.of());
                    touched.put(wanted.id, t);
                    if (!row.withdrawn) {
                        bySlot.put(slot, t);
                    }
                } else {
                    setContent(t, wanted);
                }
                t.replaced.put(student.id, pupil);
                writes.key(schoolId, row.externalId, t.lesson, student.id);
                keys.put(row.externalId, new UUID[] {t.lesson.id, student.id});
                if (row.withdrawn) {
                    withdrawn++;
                } else {
                    created++;
                }
                continue;
            }
            Touched t = touched.get(key[0]);
            boolean changed = false;
            if (!key[1].equals(student.id)) {
                // the copy now names another pupil: the former one keeps nothing of it
                t.replaced.put(key[1], Pupil.NOTHING);
                store.moveLegacyKey(schoolId, row.externalId, student.id);
                key[1] = student.id;
                changed = true;
            }
            if (row.withdrawn) {
                if (t.lesson.withdrawnAt == null) {
                    t.lesson.withdrawnAt = now;
                    t.dirty = true;
                    withdrawn++;
                } else {
                    unchanged++;
                }
                continue;
            }
            if (!sameContent(t.lesson, wanted)) {
                setContent(t, wanted);
                changed = true;
            }
            if (!samePupil(t.current(student.id), t.lesson.attendanceTaken, pupil)) {
                t.replaced.put(student.id, pupil);
                changed = true;
            }
            if (t.lesson.withdrawnAt != null) {
                t.lesson.withdrawnAt = null;
                t.dirty = true;
                changed = true;
            }
            if (changed) {
                updated++;
            } else {
                unchanged++;
            }
        }

        for (Touched t : touched.values()) {
            if (t.isNew) {
                writes.insert(t.lesson);
            } else if (t.dirty) {
                writes.update(t.lesson, t.storedDate);
            }
            for (var p : t.replaced.entrySet()) {
                boolean existed = t.stored.containsKey(p.getKey());
                if (existed || !p.getValue().isEmpty()) {
                    writes.replacePupil(t.lesson, p.getKey(), p.getValue(), existed);
                }
            }
        }
        writes.flush();
        return new DiaryBatchPayload(created, updated, withdrawn, unchanged, List.of());
    }

    private static Lesson content(DiaryBatchInput.Entry row, UUID classId) {
        Lesson l = new Lesson();
        l.classId = classId;
        l.lessonDate = row.date;
        l.lessonNumber = (short) row.lessonNumber;
        l.subject = row.subject.strip();
        l.topic = Text.blankToNull(row.topic);
        l.homework = Text.blankToNull(row.homework);
        l.teacherName = Text.blankToNull(row.teacherName);
        return l;
    }

    /** What a copy carries of its lesson: date, number, subject, topic, homework, teacher. */
    private static boolean sameContent(Lesson lesson, Lesson wanted) {
        return lesson.lessonDate.equals(wanted.lessonDate) && lesson.lessonNumber == wanted.lessonNumber
                && lesson.subject.equals(wanted.subject) && Objects.equals(lesson.topic, wanted.topic)
                && Objects.equals(lesson.homework, wanted.homework) && Objects.equals(lesson.teacherName, wanted.teacherName);
    }

    private static void setContent(Touched t, Lesson wanted) {
        if (sameContent(t.lesson, wanted)) {
            return;
        }
        t.lesson.lessonDate = wanted.lessonDate;
        t.lesson.lessonNumber = wanted.lessonNumber;
        t.lesson.subject = wanted.subject;
        t.lesson.topic = wanted.topic;
        t.lesson.homework = wanted.homework;
        t.lesson.teacherName = wanted.teacherName;
        t.dirty = true;
    }

    /** Attendance compared as the pupil sees it (a missing row is PRESENT once attendance was taken). */
    static boolean samePupil(Pupil stored, boolean attendanceTaken, Pupil wanted) {
        Attendance seen = stored.attendance() != null ? stored.attendance() : attendanceTaken ? Attendance.PRESENT : null;
        return seen == wanted.attendance() && stored.marks().equals(wanted.marks());
    }
}
