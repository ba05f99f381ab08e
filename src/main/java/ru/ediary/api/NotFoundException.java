package ru.ediary.api;

import io.smallrye.graphql.api.ErrorCode;

/** Also the answer for an object the caller may not see, so existence is never revealed. */
@ErrorCode("NOT_FOUND")
public class NotFoundException extends ApiException {

    public NotFoundException() {
        super("Объект не найден.");
    }
}
