package ru.ediary.api;

import io.smallrye.graphql.api.ErrorCode;

@ErrorCode("UNAUTHENTICATED")
public class UnauthenticatedException extends ApiException {

    public UnauthenticatedException() {
        super("Требуется вход: передайте токен доступа в заголовке Authorization.");
    }
}
