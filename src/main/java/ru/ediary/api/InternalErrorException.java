package ru.ediary.api;

import io.smallrye.graphql.api.ErrorCode;

/** Anything unexpected: the client gets an id to quote, the log gets the details. */
@ErrorCode("INTERNAL")
public class InternalErrorException extends ApiException {

    public InternalErrorException(String incidentId) {
        super("Внутренняя ошибка сервера. Код обращения: " + incidentId + ".");
    }
}
