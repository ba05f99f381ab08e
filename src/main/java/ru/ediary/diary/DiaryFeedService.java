package ru.ediary.diary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import ru.ediary.api.ApiException;
import ru.ediary.api.PersistenceFailures;
import ru.ediary.api.RateLimiter;
import ru.ediary.api.Tx;
import ru.ediary.api.UserError;
import ru.ediary.api.UserErrorCode;
import ru.ediary.config.EdiaryConfig;
import ru.ediary.school.RosterService;
import ru.ediary.school.StaffAccess;
import ru.ediary.school.Student;
import ru.ediary.school.StudentRepository;

/**
 * The deprecated per-pupil school-system feed (upsertDiaryEntries): bulk, idempotent, all or nothing. A refused
 * batch names every bad row at once ({@link DiaryBatchChecks}); an accepted one is mapped onto lessons by
 * {@link LegacyEntries}.
 */
@ApplicationScoped
public class DiaryFeedService {

    private final StaffAccess staff;
    private final StudentRepository students;
    private final DiaryBatchChecks checks;
    private final EdiaryConfig config;
    private final Clock clock;

    private final RateLimiter limiter;

    private final LegacyEntries legacy;

    DiaryFeedService(StaffAccess staff, StudentRepository students, DiaryBatchChecks checks, EdiaryConfig config,
            Clock clock, RateLimiter limiter, LegacyEntries legacy) {
        this.limiter = limiter;
        this.legacy = legacy;
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
        return legacy.apply(schoolId, input.entries, studentByKey, clock.instant().truncatedTo(ChronoUnit.MICROS));
    }
}
