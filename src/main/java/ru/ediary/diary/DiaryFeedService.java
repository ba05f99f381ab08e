package ru.ediary.diary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import ru.ediary.api.ApiException;
import ru.ediary.api.PersistenceFailures;
import ru.ediary.api.RateLimiter;
import ru.ediary.api.Text;
import ru.ediary.api.Tx;
import ru.ediary.api.UserError;
import ru.ediary.api.UserErrorCode;
import ru.ediary.config.EdiaryConfig;
import ru.ediary.school.RosterService;
import ru.ediary.school.StaffAccess;
import ru.ediary.school.Student;
import ru.ediary.school.StudentRepository;

/**
 * The school-system feed: bulk, idempotent, all or nothing. A refused batch names every bad row at once
 * ({@link DiaryBatchChecks}), so an integrator fixes a nightly feed in one round trip.
 */
@ApplicationScoped
public class DiaryFeedService {

    private final StaffAccess staff;
    private final StudentRepository students;
    private final DiaryBatchChecks checks;
    private final EdiaryConfig config;
    private final Clock clock;

    private final RateLimiter limiter;

    DiaryFeedService(StaffAccess staff, StudentRepository students, DiaryBatchChecks checks, EdiaryConfig config,
            Clock clock, RateLimiter limiter) {
        this.limiter = limiter;
        this.staff = staff;
        this.students = students;
        this.checks = checks;
        this.config = config;
        this.clock = clock;
    }

    public DiaryBatchPayload upsert(DiaryBatchInput input) throws ApiException {
        var school = Tx.inNew(staff::requireSchoolSystem);
        UUID schoolId = school.id;
        if (!limiter.tryAcquire(school.systemClientId, RosterService.BATCH, config.feed().batchLimit(),
                config.feed().batchWindow())) {
            return DiaryBatchPayload.failed(List.of(UserError.of("", UserErrorCode.RATE_LIMITED)));
        }
        if (input.entries.size() > config.diary().maxBatch()) {
            return DiaryBatchPayload.failed(List.of(UserError.of("entries", UserErrorCode.TOO_MANY)));
        }
        try {
            return Tx.inNew(() -> {
                // references are checked against the school as stored, in the transaction that writes
                Map<String, Student> studentByKey = referencedStudents(schoolId, input);
                List<UserError> errors = checks.check(input, studentByKey.keySet());
                if (!errors.isEmpty()) {
                    return DiaryBatchPayload.failed(errors);
                }
                return apply(schoolId, input, studentByKey);
            });
        } catch (PersistenceException e) {
            // the same batch sent twice at once: both try to create the same entries; a retry settles it
            if (PersistenceFailures.isConcurrentChange(e) || PersistenceFailures.violatedConstraint(e).isPresent()) {
                return DiaryBatchPayload.failed(List.of(UserError.of("", UserErrorCode.CONCURRENT_CHANGE)));
            }
            throw e;
        }
    }

    /** The batch's students that exist in this school: one set query for the whole batch. */
    private Map<String, Student> referencedStudents(UUID schoolId, DiaryBatchInput input) {
        return students.findByExternalIds(schoolId, DiaryBatchChecks.studentKeys(input)).stream()
                .collect(Collectors.toMap(s -> s.externalId, Function.identity()));
    }

    private DiaryBatchPayload apply(UUID schoolId, DiaryBatchInput input, Map<String, Student> studentByKey) {
        Map<String, DiaryEntry> existing = DiaryEntry.<DiaryEntry>list("schoolId = ?1 and externalId in ?2", schoolId,
                input.entries.stream().map(e -> e.externalId).toList()).stream()
                .collect(Collectors.toMap(e -> e.externalId, Function.identity()));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int created = 0;
        int updated = 0;
        int withdrawn = 0;
        int unchanged = 0;
        for (var row : input.entries) {
            DiaryEntry entry = existing.get(row.externalId);
            if (entry == null) {
                entry = new DiaryEntry();
                entry.id = UUID.randomUUID();
                entry.schoolId = schoolId;
                entry.externalId = row.externalId;
                copy(row, studentByKey.get(row.studentExternalId), entry);
                entry.withdrawnAt = row.withdrawn ? now : null;
                entry.changedAt = now;
                entry.persist();
                if (row.withdrawn) {
                    withdrawn++;
                } else {
                    created++;
                }
            } else if (row.withdrawn) {
                if (entry.withdrawnAt == null) {
                    entry.withdrawnAt = now;
                    entry.changedAt = now;
                    withdrawn++;
                } else {
                    unchanged++;
                }
            } else if (copy(row, studentByKey.get(row.studentExternalId), entry) || entry.withdrawnAt != null) {
                entry.withdrawnAt = null;
                entry.changedAt = now;
                updated++;
            } else {
                unchanged++;
            }
        }
        DiaryEntry.flush();
        return new DiaryBatchPayload(created, updated, withdrawn, unchanged, List.of());
    }

    /** Copies a row onto the entry; true when anything changed. */
    private static boolean copy(DiaryBatchInput.Entry row, Student student, DiaryEntry entry) {
        List<Mark> marks = row.marks.stream().map(m -> new Mark((short) m.value, (short) m.weight, m.kind,
                Text.blankToNull(m.comment))).toList();
        boolean changed = entry.student == null || !entry.student.id.equals(student.id)
                || !row.date.equals(entry.lessonDate) || row.lessonNumber != entry.lessonNumber
                || !row.subject.strip().equals(entry.subject) || !Objects.equals(Text.blankToNull(row.topic), entry.topic)
                || !Objects.equals(Text.blankToNull(row.homework), entry.homework) || row.attendance != entry.attendance
                || !Objects.equals(Text.blankToNull(row.teacherName), entry.teacherName) || !marks.equals(entry.marks);
        if (changed) {
            entry.student = student;
            entry.lessonDate = row.date;
            entry.lessonNumber = (short) row.lessonNumber;
            entry.subject = row.subject.strip();
            entry.topic = Text.blankToNull(row.topic);
            entry.homework = Text.blankToNull(row.homework);
            entry.attendance = row.attendance;
            entry.teacherName = Text.blankToNull(row.teacherName);
            if (!marks.equals(entry.marks)) {
                entry.marks.clear();
                entry.marks.addAll(marks);
            }
        }
        return changed;
    }
}
