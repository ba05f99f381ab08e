package ru.ediary.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import java.util.concurrent.Callable;

/**
 * Runs work in its own transaction and lets {@link ApiException}s through unwrapped. Services call it
 * instead of {@code @Transactional} where they must read a failed commit (a unique key or a version clash).
 */
public final class Tx {

    private Tx() {
    }

    public static <T> T inNew(Callable<T> work) throws ApiException {
        try {
            return QuarkusTransaction.requiringNew().call(work);
        } catch (QuarkusTransactionException e) {
            if (e.getCause() instanceof ApiException api) {
                throw api;
            }
            throw e;
        }
    }
}
