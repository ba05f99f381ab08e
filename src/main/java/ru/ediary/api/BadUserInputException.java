package ru.ediary.api;

import io.smallrye.graphql.api.ErrorCode;

/** Input that cannot even be interpreted (a malformed id, an oversized list) outside a payload's userErrors. */
@ErrorCode("BAD_USER_INPUT")
public class BadUserInputException extends ApiException {

    public BadUserInputException(String message) {
        super(message);
    }
}
