package ru.ediary.diary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
import ru.ediary.api.validation.InputValidator;
import ru.ediary.config.EdiaryConfig;
import ru.ediary.school.RosterService;
import ru.ediary.school.StaffAccess;
import ru.ediary.school.Student;
import ru.ediary.school.StudentRepository;

/**
 * The deprecated per-pupil school-system feed (upsertDiaryEntries): bulk, idempotent, all or nothing; its rows are
 * mapped onto lessons by {@link LegacyEntries}.
 */
@ApplicationScoped
public class DiaryFeedService {

    private final StaffAccess staff;
    private final StudentRepository students;
    private final InputValidator validator;
    private final EdiaryConfig config;
    private final Clock clock;

    private final RateLimiter limiter;
    private final LegacyEntries legacy;

    DiaryFeedService(StaffAccess staff, StudentRepository students, InputValidator validator, EdiaryConfig config,
            Clock clock, RateLimiter limiter, LegacyEntries legacy) {
        this.limiter = limiter;
        this.legacy = legacy;
        this.staff = staff;
        this.students = students;
        this.validator = validator;
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
        List<UserError> errors = new ArrayList<>(validator.validate(input));
        errors.addAll(checkRows(input));
        if (!errors.isEmpty()) {
            return DiaryBatchPayload.failed(UserError.onePerField(errors));
        }
        try {
            return Tx.inNew(() -> apply(schoolId, input));
        } catch (PersistenceException e) {
            // the same batch sent twice at once: both try to create the same entries; a retry settles it
            if (PersistenceFailures.isConcurrentChange(e) || PersistenceFailures.violatedConstraint(e).isPresent()) {
                return DiaryBatchPayload.failed(List.of(UserError.of("", UserErrorCode.CONCURRENT_CHANGE)));
            }
            throw e;
        }
    }

    private List<UserError> checkRows(DiaryBatchInput input) {
        List<UserError> errors = new ArrayList<>();
        LocalDate today = LocalDate.now(clock.withZone(config.diary().zone()));
        LocalDate earliest = today.minus(config.diary().maxPast());
        LocalDate latest = today.plus(config.diary().maxFuture());
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < input.entries.size(); i++) {
            var row = input.entries.get(i);
            String at = "entries[" + i + "]";
            if (!keys.add(row.externalId)) {
                errors.add(UserError.of(at + ".externalId", UserErrorCode.DUPLICATE));
            }
            if (row.date != null && (row.date.isBefore(earliest) || row.date.isAfter(latest))) {
                errors.add(UserError.of(at + ".date", UserErrorCode.INVALID_DATE));
            }
            if (row.lessonNumber < 1 || row.lessonNumber > 12) {
                errors.add(UserError.of(at + ".lessonNumber", UserErrorCode.INVALID_VALUE));
            }
            if (row.marks.size() > 10) {
                errors.add(UserError.of(at + ".marks", UserErrorCode.TOO_MANY));
            }
            for (int j = 0; j < row.marks.size(); j++) {
                var mark = row.marks.get(j);
                if (mark.value < 1 || mark.value > 5 || mark.weight < 1 || mark.weight > 10) {
                    errors.add(UserError.of(at + ".marks[" + j + "]", UserErrorCode.INVALID_MARK));
                }
            }
        }
        return errors;
    }

    private DiaryBatchPayload apply(UUID schoolId, DiaryBatchInput input) {
        Map<String, Student> studentByKey = students.findByExternalIds(schoolId,
                input.entries.stream().map(e -> e.studentExternalId).distinct().toList()).stream()
                .collect(Collectors.toMap(s -> s.externalId, Function.identity()));
        List<UserError> unknown = new ArrayList<>();
        for (int i = 0; i < input.entries.size(); i++) {
            if (!studentByKey.containsKey(input.entries.get(i).studentExternalId)) {
                // another school's student is not in this school's namespace: the same answer as no student
                unknown.add(UserError.of("entries[" + i + "].studentExternalId", UserErrorCode.UNKNOWN_STUDENT));
            }
        }
        if (!unknown.isEmpty()) {
            return DiaryBatchPayload.failed(unknown);
        }
        return legacy.apply(schoolId, input.entries, studentByKey, clock.instant().truncatedTo(ChronoUnit.MICROS));
    }
}
