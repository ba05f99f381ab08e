package ru.ediary.school;

import jakarta.enterprise.context.ApplicationScoped;
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
 * Every check of an upsertRoster payload, in one pass over its rows: shapes (Bean Validation), rules within and
 * across rows, and references to the school's stored classes, which the caller looked up beforehand with one set
 * query ({@link #classKeys}). Nothing here reads the database.
 */
@ApplicationScoped
class RosterChecks {

    /** Nobody enrolled today was born before this. */
    static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1990, 1, 1);

    private final InputValidator validator;
    private final EdiaryConfig config;

    RosterChecks(InputValidator validator, EdiaryConfig config) {
        this.validator = validator;
        this.config = config;
    }

    /** Limits on the payload as a whole, checked before any row is read. */
    List<UserError> sizes(RosterInput input) {
        List<UserError> errors = new ArrayList<>();
        if (input.classes.size() > config.roster().maxClasses()) {
            errors.add(UserError.of("classes", UserErrorCode.TOO_MANY));
        }
        if (input.students.size() > config.roster().maxStudents()) {
            errors.add(UserError.of("students", UserErrorCode.TOO_MANY));
        }
        return errors;
    }

    /** Class external ids the payload sends or refers to: the one lookup of the payload asks for these. */
    static Set<String> classKeys(RosterInput input) {
        Set<String> keys = new LinkedHashSet<>();
        for (var row : input.classes) {
            if (row != null && lookable(row.externalId)) {
                keys.add(row.externalId);
            }
        }
        for (var row : input.students) {
            if (row != null && lookable(row.classExternalId)) {
                keys.add(row.classExternalId);
            }
        }
        return keys;
    }

    /**
     * Every bad row (up to ediary.feed.max-user-errors), classes first, then students, given the class external
     * ids this school has stored. Another school's class is not among them: named like one that does not exist.
     */
    List<UserError> check(RosterInput input, Set<String> storedClasses) {
        BatchErrors errors = new BatchErrors(config.feed().maxUserErrors());
        Set<String> sentClasses = new HashSet<>();
        for (int i = 0; i < input.classes.size() && !errors.full(); i++) {
            String at = "classes[" + i + "]";
            var row = input.classes.get(i);
            if (row == null) {
                errors.addRow(List.of(UserError.of(at, UserErrorCode.REQUIRED)));
                continue;
            }
            List<UserError> rowErrors = new ArrayList<>(validator.validate(row, at + "."));
            if (row.externalId != null && !sentClasses.add(row.externalId)) {
                rowErrors.add(UserError.of(at + ".externalId", UserErrorCode.DUPLICATE));
            }
            errors.addRow(rowErrors);
        }
        Set<String> sentStudents = new HashSet<>();
        for (int i = 0; i < input.students.size() && !errors.full(); i++) {
            String at = "students[" + i + "]";
            var row = input.students.get(i);
            if (row == null) {
                errors.addRow(List.of(UserError.of(at, UserErrorCode.REQUIRED)));
                continue;
            }
            List<UserError> rowErrors = new ArrayList<>(validator.validate(row, at + "."));
            rowErrors.addAll(studentRules(at, row));
            if (row.externalId != null && !sentStudents.add(row.externalId)) {
                rowErrors.add(UserError.of(at + ".externalId", UserErrorCode.DUPLICATE));
            }
            rowErrors.addAll(references(at, row, sentClasses, storedClasses));
            errors.addRow(rowErrors);
        }
        return errors.answer();
    }

    /** Rules within one student row that Bean Validation does not express. */
    private List<UserError> studentRules(String at, RosterInput.StudentRow row) {
        List<UserError> errors = new ArrayList<>();
        if (row.birthDate != null && row.birthDate.isBefore(EARLIEST_BIRTH_DATE)) {
            errors.add(UserError.of(at + ".birthDate", UserErrorCode.INVALID_DATE));
        }
        if (row.guardians != null) {
            if (row.guardians.size() > config.roster().maxGuardiansPerStudent()) {
                errors.add(UserError.of(at + ".guardians", UserErrorCode.TOO_MANY));
            }
            Set<String> guardianKeys = new HashSet<>();
            for (int j = 0; j < row.guardians.size(); j++) {
                var guardian = row.guardians.get(j);
                if (guardian != null && guardian.externalId != null && !guardianKeys.add(guardian.externalId)) {
                    errors.add(UserError.of(at + ".guardians[" + j + "].externalId", UserErrorCode.DUPLICATE));
                }
            }
        }
        return errors;
    }

    /** The student's class is in this payload or stored in this school; a malformed key fails its shape check. */
    private static List<UserError> references(String at, RosterInput.StudentRow row, Set<String> sentClasses,
            Set<String> storedClasses) {
        String key = row.classExternalId;
        if (lookable(key) && !sentClasses.contains(key) && !storedClasses.contains(key)) {
            return List.of(UserError.of(at + ".classExternalId", UserErrorCode.UNKNOWN_REFERENCE));
        }
        return List.of();
    }

    private static boolean lookable(String key) {
        return key != null && !key.isBlank() && key.length() <= 64;
    }
}
