package ru.ediary.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import java.util.concurrent.Callable;

/**
 * Runs work in its own transaction and lets {@link ApiException}s through unwrapped. Mutations and jobs call it
 * instead of {@code @Transactional} where they must read a failed commit (a unique key or a version clash). Reads
 * do not: they declare {@code @Transactional} and join their query's read-only unit of work ({@link UnitOfWork}).
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
