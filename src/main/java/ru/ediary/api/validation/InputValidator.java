package ru.ediary.api.validation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ru.ediary.api.UserError;
import ru.ediary.api.UserErrorCode;

/**
 * Runs Bean Validation on a mutation input and turns violations into userErrors: one per field,
 * the most basic failure first, ordered by field path. Messages come from {@link UserErrorCode},
 * never from the rejected value, so personal data cannot leak through an error.
 */
@ApplicationScoped
public class InputValidator {

    private final Validator validator;

    InputValidator(Validator validator) {
        this.validator = validator;
    }

    public List<UserError> validate(Object input) {
        return validate(input, "");
    }

    public List<UserError> validate(Object input, String pathPrefix) {
        Map<String, UserErrorCode> byField = new LinkedHashMap<>();
        for (ConstraintViolation<Object> violation : validator.validate(input)) {
            String field = pathPrefix + violation.getPropertyPath().toString();
            UserErrorCode code = codeOf(violation);
            byField.merge(field, code, (a, b) -> a.ordinal() <= b.ordinal() ? a : b);
        }
        List<UserError> errors = new ArrayList<>();
        byField.forEach((field, code) -> errors.add(UserError.of(field, code)));
        errors.sort(Comparator.comparing(UserError::field));
        return errors;
    }

    private static UserErrorCode codeOf(ConstraintViolation<?> violation) {
        var type = violation.getConstraintDescriptor().getAnnotation().annotationType();
        if (type == NotBlank.class || type == NotNull.class || type == NotEmpty.class) {
            return UserErrorCode.REQUIRED;
        }
        if (type == Size.class) {
            return violation.getInvalidValue() instanceof Collection<?> ? UserErrorCode.TOO_MANY : UserErrorCode.TOO_LONG;
        }
        if (type == Email.class) {
            return UserErrorCode.INVALID_EMAIL;
        }
        if (type == Past.class || type == PastOrPresent.class) {
            return UserErrorCode.INVALID_DATE;
        }
        try {
            // our own constraints name their code as the message template
            return UserErrorCode.valueOf(violation.getMessageTemplate());
        } catch (IllegalArgumentException e) {
            return UserErrorCode.INVALID_VALUE;
        }
    }
}
