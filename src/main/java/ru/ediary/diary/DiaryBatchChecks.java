package ru.ediary.diary;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import ru.ediary.api.BatchErrors;
import ru.ediary.api.UserError;
import ru.ediary.api.UserErrorCode;
import ru.ediary.api.validation.InputValidator;
import ru.ediary.config.EdiaryConfig;

/**
 * Every check of an upsertDiaryEntries batch, in one pass over its rows: the row's shape (Bean Validation), the
 * rules within a row and across rows, and its references to the school's records, which the caller looked up
 * beforehand with one set query per kind ({@link #studentKeys}). Nothing here reads the database, so the checks
 * carry over when the diary's tables change; only the reference lookups would.
 */
@ApplicationScoped
class DiaryBatchChecks {

    static final int MIN_LESSON = 1;
    static final int MAX_LESSON = 12;
    static final int MAX_MARKS = 10;

    private final InputValidator validator;
    private final EdiaryConfig config;
    private final Clock clock;

    DiaryBatchChecks(InputValidator validator, EdiaryConfig config, Clock clock) {
        this.validator = validator;
        this.config = config;
        this.clock = clock;
    }

    /** The student external ids the batch refers to, as the one lookup of the batch asks for them. */
    static Set<String> studentKeys(DiaryBatchInput input) {
        Set<String> keys = new LinkedHashSet<>();
        for (var row : input.entries) {
            if (row != null && lookable(row.studentExternalId)) {
                keys.add(row.studentExternalId);
            }
        }
        return keys;
    }

    /**
     * Every bad row of the batch (up to ediary.feed.max-user-errors), given the student external ids that exist
     * in the caller's school. Another school's student is simply not among them, so it is named exactly like a
     * student that does not exist.
     */
    List<UserError> check(DiaryBatchInput input, Set<String> knownStudents) {
        BatchErrors errors = new BatchErrors(config.feed().maxUserErrors());
        LocalDate today = LocalDate.now(clock.withZone(config.diary().zone()));
        LocalDate earliest = today.minus(config.diary().maxPast());
        LocalDate latest = today.plus(config.diary().maxFuture());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < input.entries.size() && !errors.full(); i++) {
            String at = "entries[" + i + "]";
            var row = input.entries.get(i);
            if (row == null) {
                errors.addRow(List.of(UserError.of(at, UserErrorCode.REQUIRED)));
                continue;
            }
            List<UserError> rowErrors = new ArrayList<>(validator.validate(row, at + "."));
            rowErrors.addAll(rowRules(at, row, earliest, latest));
            if (row.externalId != null && !seen.add(row.externalId)) {
                rowErrors.add(UserError.of(at + ".externalId", UserErrorCode.DUPLICATE));
            }
            rowErrors.addAll(references(at, row, knownStudents));
            errors.addRow(rowErrors);
        }
        return errors.answer();
    }

    /** Rules within one row that Bean Validation does not express: ranges that depend on today or on config. */
    private static List<UserError> rowRules(String at, DiaryBatchInput.Entry row, LocalDate earliest, LocalDate latest) {
        List<UserError> errors = new ArrayList<>();
        if (row.date != null && (row.date.isBefore(earliest) || row.date.isAfter(latest))) {
            errors.add(UserError.of(at + ".date", UserErrorCode.INVALID_DATE));
        }
        if (row.lessonNumber < MIN_LESSON || row.lessonNumber > MAX_LESSON) {
            errors.add(UserError.of(at + ".lessonNumber", UserErrorCode.INVALID_VALUE));
        }
        if (row.marks != null) {
            if (row.marks.size() > MAX_MARKS) {
                errors.add(UserError.of(at + ".marks", UserErrorCode.TOO_MANY));
            }
            for (int j = 0; j < row.marks.size(); j++) {
                var mark = row.marks.get(j);
                if (mark != null && (mark.value < 1 || mark.value > 5 || mark.weight < 1 || mark.weight > 10)) {
                    errors.add(UserError.of(at + ".marks[" + j + "]", UserErrorCode.INVALID_MARK));
                }
            }
        }
        return errors;
    }

    /** References to the school's records; a key malformed in itself is already named by its shape check. */
    private static List<UserError> references(String at, DiaryBatchInput.Entry row, Set<String> knownStudents) {
        if (lookable(row.studentExternalId) && !knownStudents.contains(row.studentExternalId)) {
            return List.of(UserError.of(at + ".studentExternalId", UserErrorCode.UNKNOWN_STUDENT));
        }
        return List.of();
    }

    /** Keys worth looking up: ones that can exist (blank or overlong ones fail their shape check instead). */
    private static boolean lookable(String key) {
        return key != null && !key.isBlank() && key.length() <= 64;
    }
}
