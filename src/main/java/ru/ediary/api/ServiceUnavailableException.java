package ru.ediary.api;

import io.smallrye.graphql.api.ErrorCode;

/** The database cannot be reached or did not answer in time: try again shortly. Nothing was changed. */
@ErrorCode("SERVICE_UNAVAILABLE")
public class ServiceUnavailableException extends ApiException {

    public ServiceUnavailableException() {
        super("Сервис временно недоступен. Повторите попытку через несколько секунд.");
    }
}
