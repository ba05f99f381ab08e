package ru.ediary.diary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import ru.ediary.api.ApiException;
import ru.ediary.api.BatchErrors;
import ru.ediary.api.PersistenceFailures;
import ru.ediary.api.RateLimiter;
import ru.ediary.api.Text;
import ru.ediary.api.Tx;
import ru.ediary.api.UserError;
import ru.ediary.api.UserErrorCode;
import ru.ediary.api.validation.InputValidator;
import ru.ediary.config.EdiaryConfig;
import ru.ediary.diary.LessonStore.Group;
import ru.ediary.diary.LessonStore.Lesson;
import ru.ediary.diary.LessonStore.Pupil;
import ru.ediary.school.RosterService;
import ru.ediary.school.SchoolClass;
import ru.ediary.school.SchoolClassRepository;
import ru.ediary.school.StaffAccess;
import ru.ediary.school.Student;
import ru.ediary.school.StudentRepository;

/**
 * The school-system feed in the school's own terms: a lesson sent once with its pupils' attendance and marks
 * (upsertLessons), and groups of a class's pupils (upsertLessonGroups). Bulk, idempotent, all or nothing; a
 * refused batch names every bad row at once. Checks run in one pass over the rows, after one set query per kind
 * of reference (classes, groups, students, the groups' pupils), in the transaction that writes.
 */
@ApplicationScoped
public class LessonFeedService {

    static final int MAX_PUPILS = 60;

    private final StaffAccess staff;
    private final StudentRepository students;
    private final SchoolClassRepository classes;
    private final LessonStore store;
    private final InputValidator validator;
    private final EdiaryConfig config;
    private final Clock clock;
    private final RateLimiter limiter;

    LessonFeedService(StaffAccess staff, StudentRepository students, SchoolClassRepository classes, LessonStore store,
            InputValidator validator, EdiaryConfig config, Clock clock, RateLimiter limiter) {
        this.staff = staff;
        this.students = students;
        this.classes = classes;
        this.store = store;
        this.validator = validator;
        this.config = config;
        this.clock = clock;
        this.limiter = limiter;
    }

    /** What a batch refers to in the school, found by one set query per kind. */
    private record References(Map<String, SchoolClass> classes, Map<String, Group> groups, Map<String, Student> students) {
    }

    private References references(UUID schoolId, Set<String> classKeys, Set<String> groupKeys, Set<String> studentKeys) {
        return new References(
                classes.findByExternalIds(schoolId, classKeys).stream()
                        .collect(Collectors.toMap(c -> c.externalId, Function.identity())),
                store.lockGroups(schoolId, groupKeys),
                students.findByExternalIds(schoolId, studentKeys).stream()
                        .collect(Collectors.toMap(s -> s.externalId, Function.identity())));
    }

    /** Before any work: RATE_LIMITED when the school system's batch budget is spent, TOO_MANY over the cap. */
    private List<UserError> admission(String clientId, int size, int max, String field) {
        if (!limiter.tryAcquire(clientId, RosterService.BATCH, config.feed().batchLimit(),
                config.feed().batchWindow())) {
            return List.of(UserError.of("", UserErrorCode.RATE_LIMITED));
        }
        if (size > max) {
            return List.of(UserError.of(field, UserErrorCode.TOO_MANY));
        }
        return List.of();
    }

    // --- upsertLessons --------------------------------------------------------------------------------------------

    public LessonBatchPayload upsertLessons(LessonBatchInput input) throws ApiException {
        var school = Tx.inNew(staff::requireSchoolSystem);
        UUID schoolId = school.id;
        var refused = admission(school.systemClientId, input.lessons.size(), config.diary().maxLessons(), "lessons");
        if (!refused.isEmpty()) {
            return LessonBatchPayload.failed(refused);
        }
        try {
            return Tx.inNew(() -> {
                Set<String> classKeys = new LinkedHashSet<>();
                Set<String> groupKeys = new LinkedHashSet<>();
                Set<String> studentKeys = new LinkedHashSet<>();
                for (var lesson : input.lessons) {
                    if (lesson == null) {
                        continue;
                    }
                    addLookable(classKeys, lesson.classExternalId);
                    addLookable(groupKeys, lesson.groupExternalId);
                    if (lesson.pupils != null) {
                        lesson.pupils.stream().filter(p -> p != null).forEach(p -> addLookable(studentKeys, p.studentExternalId));
                    }
                }
                References refs = references(schoolId, classKeys, groupKeys, studentKeys);
                List<UserError> errors = checkLessons(input, refs);
                if (!errors.isEmpty()) {
                    return LessonBatchPayload.failed(errors);
                }
                return applyLessons(schoolId, input, refs);
            });
        } catch (PersistenceException e) {
            // the same new lesson sent twice at once: one insert wins, the other meets the key; a retry settles it
            if (PersistenceFailures.isConcurrentChange(e) || PersistenceFailures.violatedConstraint(e).isPresent()) {
                return LessonBatchPayload.failed(List.of(UserError.of("", UserErrorCode.CONCURRENT_CHANGE)));
            }
            throw e;
        }
    }

    private List<UserError> checkLessons(LessonBatchInput input, References refs) {
        BatchErrors errors = new BatchErrors(config.feed().maxUserErrors());
        LocalDate today = LocalDate.now(clock.withZone(config.diary().zone()));
        LocalDate earliest = today.minus(config.diary().maxPast());
        LocalDate latest = today.plus(config.diary().maxFuture());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < input.lessons.size() && !errors.full(); i++) {
            String at = "lessons[" + i + "]";
            var row = input.lessons.get(i);
            if (row == null) {
                errors.addRow(List.of(UserError.of(at, UserErrorCode.REQUIRED)));
                continue;
            }
            List<UserError> rowErrors = new ArrayList<>(validator.validate(row, at + "."));
            if (row.externalId != null && !seen.add(row.externalId)) {
                rowErrors.add(UserError.of(at + ".externalId", UserErrorCode.DUPLICATE));
            }
            if (row.date != null && (row.date.isBefore(earliest) || row.date.isAfter(latest))) {
                rowErrors.add(UserError.of(at + ".date", UserErrorCode.INVALID_DATE));
            }
            if (row.lessonNumber < DiaryBatchChecks.MIN_LESSON || row.lessonNumber > DiaryBatchChecks.MAX_LESSON) {
                rowErrors.add(UserError.of(at + ".lessonNumber", UserErrorCode.INVALID_VALUE));
            }
            SchoolClass schoolClass = null;
            if (lookable(row.classExternalId)) {
                schoolClass = refs.classes().get(row.classExternalId);
                if (schoolClass == null) {
                    rowErrors.add(UserError.of(at + ".classExternalId", UserErrorCode.UNKNOWN_REFERENCE));
                }
            }
            Group group = null;
            if (lookable(row.groupExternalId)) {
                group = refs.groups().get(row.groupExternalId);
                if (group == null) {
                    rowErrors.add(UserError.of(at + ".groupExternalId", UserErrorCode.UNKNOWN_REFERENCE));
                } else if (schoolClass != null && !group.classId.equals(schoolClass.id)) {
                    rowErrors.add(UserError.of(at + ".groupExternalId", UserErrorCode.NOT_IN_CLASS));
                }
            }
            if (row.pupils != null) {
                if (row.pupils.size() > MAX_PUPILS) {
                    rowErrors.add(UserError.of(at + ".pupils", UserErrorCode.TOO_MANY));
                }
                Set<String> pupilsSeen = new HashSet<>();
                for (int j = 0; j < row.pupils.size(); j++) {
                    var pupil = row.pupils.get(j);
                    String pAt = at + ".pupils[" + j + "]";
                    if (pupil == null) {
                        continue; // named by the shape check
                    }
                    if (pupil.studentExternalId != null && !pupilsSeen.add(pupil.studentExternalId)) {
                        rowErrors.add(UserError.of(pAt + ".studentExternalId", UserErrorCode.DUPLICATE));
                    }
                    if (lookable(pupil.studentExternalId)) {
                        Student student = refs.students().get(pupil.studentExternalId);
                        if (student == null) {
                            // another school's student is not in this school's namespace: the same answer as none
                            rowErrors.add(UserError.of(pAt + ".studentExternalId", UserErrorCode.UNKNOWN_STUDENT));
                        } else if (schoolClass != null && (group != null ? !group.members.contains(student.id)
                                : !student.schoolClass.id.equals(schoolClass.id))) {
                            rowErrors.add(UserError.of(pAt + ".studentExternalId", UserErrorCode.NOT_IN_CLASS));
                        }
                    }
                    if (pupil.marks != null) {
                        if (pupil.marks.size() > DiaryBatchChecks.MAX_MARKS) {
                            rowErrors.add(UserError.of(pAt + ".marks", UserErrorCode.TOO_MANY));
                        }
                        for (int k = 0; k < pupil.marks.size(); k++) {
                            var mark = pupil.marks.get(k);
                            if (mark != null && (mark.value < 1 || mark.value > 5 || mark.weight < 1 || mark.weight > 10)) {
                                rowErrors.add(UserError.of(pAt + ".marks[" + k + "]", UserErrorCode.INVALID_MARK));
                            }
                        }
                    }
                }
            }
            errors.addRow(rowErrors);
        }
        return errors.answer();
    }

    private LessonBatchPayload applyLessons(UUID schoolId, LessonBatchInput input, References refs) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Map<String, Lesson> existing = store.lockByExternalIds(schoolId,
                input.lessons.stream().map(l -> l.externalId).toList());
        Map<UUID, Map<UUID, Pupil>> stored = store.pupils(existing.values());
        LessonStore.Writes writes = store.writes(now);
        int created = 0;
        int updated = 0;
        int withdrawn = 0;
        int unchanged = 0;
        for (var row : input.lessons) {
            Lesson wanted = new Lesson();
            wanted.externalId = row.externalId;
            wanted.classId = refs.classes().get(row.classExternalId).id;
            wanted.groupId = row.groupExternalId == null ? null : refs.groups().get(row.groupExternalId).id;
            wanted.lessonDate = row.date;
            wanted.lessonNumber = (short) row.lessonNumber;
            wanted.subject = row.subject.strip();
            wanted.topic = Text.blankToNull(row.topic);
            wanted.homework = Text.blankToNull(row.homework);
            wanted.teacherName = Text.blankToNull(row.teacherName);
            wanted.attendanceTaken = row.attendanceTaken;
            Map<UUID, Pupil> pupils = new LinkedHashMap<>();
            for (var p : row.pupils) {
                pupils.put(refs.students().get(p.studentExternalId).id, new Pupil(p.attendance, p.marks.stream()
                        .map(m -> new Mark((short) m.value, (short) m.weight, m.kind, Text.blankToNull(m.comment)))
                        .toList()));
            }
            Lesson lesson = existing.get(row.externalId);
            if (lesson == null) {
                wanted.id = UUID.randomUUID();
                wanted.withdrawnAt = row.withdrawn ? now : null;
                writes.insert(wanted);
                pupils.forEach((student, pupil) -> {
                    if (!pupil.isEmpty()) {
                        writes.replacePupil(wanted, student, pupil, false);
                    }
                });
                if (row.withdrawn) {
                    withdrawn++;
                } else {
                    created++;
                }
                continue;
            }
            LocalDate storedDate = lesson.lessonDate;
            if (row.withdrawn) {
                if (lesson.withdrawnAt == null) {
                    lesson.withdrawnAt = now;
                    writes.update(lesson, storedDate);
                    withdrawn++;
                } else {
                    unchanged++;
                }
                continue;
            }
            Map<UUID, Pupil> before = stored.getOrDefault(lesson.id, Map.of());
            boolean takenChanged = lesson.attendanceTaken != wanted.attendanceTaken;
            boolean lessonChanged = !lesson.sameContent(wanted) || lesson.withdrawnAt != null;
            if (lessonChanged) {
                lesson.copyContent(wanted);
                lesson.withdrawnAt = null;
            }
            boolean pupilsChanged = false;
            Set<UUID> everyone = new LinkedHashSet<>(before.keySet());
            everyone.addAll(pupils.keySet());
            for (UUID student : everyone) {
                Pupil now_ = pupils.getOrDefault(student, Pupil.NOTHING);
                Pupil was = before.getOrDefault(student, Pupil.NOTHING);
                // with attendance taken, a listed pupil without attendance and an unlisted one were PRESENT alike
                if (takenChanged || !LegacyEntries.samePupil(was, wanted.attendanceTaken, effective(now_, wanted))) {
                    writes.replacePupil(lesson, student, now_, before.containsKey(student));
                    pupilsChanged = true;
                }
            }
            if (lessonChanged) {
                writes.update(lesson, storedDate);
            }
            if (lessonChanged || pupilsChanged) {
                updated++;
            } else {
                unchanged++;
            }
        }
        writes.flush();
        return new LessonBatchPayload(created, updated, withdrawn, unchanged, List.of());
    }

    /** The pupil as they will read it: no attendance sent in a lesson whose attendance was taken is PRESENT. */
    private static Pupil effective(Pupil pupil, Lesson lesson) {
        return pupil.attendance() == null && lesson.attendanceTaken ? new Pupil(Attendance.PRESENT, pupil.marks()) : pupil;
    }

    // --- upsertLessonGroups ---------------------------------------------------------------------------------------

    public LessonGroupBatchPayload upsertGroups(LessonGroupBatchInput input) throws ApiException {
        var school = Tx.inNew(staff::requireSchoolSystem);
        UUID schoolId = school.id;
        var refused = admission(school.systemClientId, input.groups.size(), config.diary().maxGroups(), "groups");
        if (!refused.isEmpty()) {
            return LessonGroupBatchPayload.failed(refused);
        }
        try {
            return Tx.inNew(() -> {
                Set<String> classKeys = new LinkedHashSet<>();
                Set<String> groupKeys = new LinkedHashSet<>();
                Set<String> studentKeys = new LinkedHashSet<>();
                for (var group : input.groups) {
                    if (group == null) {
                        continue;
                    }
                    addLookable(classKeys, group.classExternalId);
                    addLookable(groupKeys, group.externalId);
                    if (group.studentExternalIds != null) {
                        group.studentExternalIds.forEach(s -> addLookable(studentKeys, s));
                    }
                }
                References refs = references(schoolId, classKeys, groupKeys, studentKeys);
                List<UserError> errors = checkGroups(input, refs);
                if (!errors.isEmpty()) {
                    return LessonGroupBatchPayload.failed(errors);
                }
                return applyGroups(schoolId, input, refs);
            });
        } catch (PersistenceException e) {
            if (PersistenceFailures.isConcurrentChange(e) || PersistenceFailures.violatedConstraint(e).isPresent()) {
                return LessonGroupBatchPayload.failed(List.of(UserError.of("", UserErrorCode.CONCURRENT_CHANGE)));
            }
            throw e;
        }
    }

    private List<UserError> checkGroups(LessonGroupBatchInput input, References refs) {
        BatchErrors errors = new BatchErrors(config.feed().maxUserErrors());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < input.groups.size() && !errors.full(); i++) {
            String at = "groups[" + i + "]";
            var row = input.groups.get(i);
            if (row == null) {
                errors.addRow(List.of(UserError.of(at, UserErrorCode.REQUIRED)));
                continue;
            }
            List<UserError> rowErrors = new ArrayList<>(validator.validate(row, at + "."));
            if (row.externalId != null && !seen.add(row.externalId)) {
                rowErrors.add(UserError.of(at + ".externalId", UserErrorCode.DUPLICATE));
            }
            SchoolClass schoolClass = null;
            if (lookable(row.classExternalId)) {
                schoolClass = refs.classes().get(row.classExternalId);
                if (schoolClass == null) {
                    rowErrors.add(UserError.of(at + ".classExternalId", UserErrorCode.UNKNOWN_REFERENCE));
                }
            }
            if (row.studentExternalIds != null) {
                if (row.studentExternalIds.size() > MAX_PUPILS) {
                    rowErrors.add(UserError.of(at + ".studentExternalIds", UserErrorCode.TOO_MANY));
                }
                Set<String> members = new HashSet<>();
                for (int j = 0; j < row.studentExternalIds.size(); j++) {
                    String key = row.studentExternalIds.get(j);
                    String sAt = at + ".studentExternalIds[" + j + "]";
                    if (key != null && !members.add(key)) {
                        rowErrors.add(UserError.of(sAt, UserErrorCode.DUPLICATE));
                    }
                    if (lookable(key)) {
                        Student student = refs.students().get(key);
                        if (student == null) {
                            rowErrors.add(UserError.of(sAt, UserErrorCode.UNKNOWN_STUDENT));
                        } else if (schoolClass != null && !student.schoolClass.id.equals(schoolClass.id)) {
                            rowErrors.add(UserError.of(sAt, UserErrorCode.NOT_IN_CLASS));
                        }
                    }
                }
            }
            errors.addRow(rowErrors);
        }
        return errors.answer();
    }

    private LessonGroupBatchPayload applyGroups(UUID schoolId, LessonGroupBatchInput input, References refs) {
        List<Group> created = new ArrayList<>();
        List<Group> changed = new ArrayList<>();
        int unchanged = 0;
        for (var row : input.groups) {
            UUID classId = refs.classes().get(row.classExternalId).id;
            Set<UUID> members = row.studentExternalIds.stream().map(k -> refs.students().get(k).id)
                    .collect(Collectors.toCollection(HashSet::new));
            String name = row.name.strip();
            Group group = refs.groups().get(row.externalId);
            if (group == null) {
                group = new Group();
                group.id = UUID.randomUUID();
                group.externalId = row.externalId;
                group.classId = classId;
                group.name = name;
                group.members = members;
                created.add(group);
            } else if (!group.classId.equals(classId) || !group.name.equals(name) || !group.members.equals(members)) {
                group.classId = classId;
                group.name = name;
                group.members = members;
                changed.add(group);
            } else {
                unchanged++;
            }
        }
        store.saveGroups(schoolId, created, changed, clock.instant().truncatedTo(ChronoUnit.MICROS));
        return new LessonGroupBatchPayload(created.size(), changed.size(), unchanged, List.of());
    }

    private static void addLookable(Set<String> keys, String key) {
        if (lookable(key)) {
            keys.add(key);
        }
    }

    /** Keys worth looking up: ones that can exist (blank or overlong ones fail their shape check instead). */
    private static boolean lookable(String key) {
        return key != null && !key.isBlank() && key.length() <= 64;
    }
}
