package ru.ediary.api;

import java.util.ArrayList;
import java.util.List;

/**
 * The userErrors of a school-system batch, collected row by row in input order. A batch of garbage would
 * otherwise answer thousands of errors (and take as long to build and send), so at most {@code limit} are kept;
 * when there are more, the answer starts with one {@link UserErrorCode#TOO_MANY_ERRORS} for the whole input and
 * checking stops at the first error past the limit.
 */
public final class BatchErrors {

    private final int limit;
    private final List<UserError> errors = new ArrayList<>();
    private boolean truncated;

    public BatchErrors(int limit) {
        this.limit = limit;
    }

    /** Adds one row's errors, one per field (the most basic first); ignored once the limit was passed. */
    public void addRow(List<UserError> rowErrors) {
        for (UserError error : UserError.onePerField(rowErrors)) {
            if (errors.size() == limit) {
                truncated = true;
                return;
            }
            errors.add(error);
        }
    }

    /** True once an error past the limit was found: later rows need no checking. */
    public boolean full() {
        return truncated;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** The answer: every error found, or the first {@code limit} after a TOO_MANY_ERRORS for the whole input. */
    public List<UserError> answer() {
        if (!truncated) {
            return List.copyOf(errors);
        }
        List<UserError> answer = new ArrayList<>(errors.size() + 1);
        answer.add(UserError.of("", UserErrorCode.TOO_MANY_ERRORS));
        answer.addAll(errors);
        return answer;
    }
}
