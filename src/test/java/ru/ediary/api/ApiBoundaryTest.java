package ru.ediary.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

class ApiBoundaryTest {

    private static boolean unavailable(Throwable t) {
        return ApiBoundary.Translator.databaseUnavailable(new RuntimeException("wrapped", t));
    }

    @Test
    void databaseOutagesAndTimeoutsAreServiceUnavailable() {
        assertTrue(unavailable(new SQLTransientConnectionException("pool exhausted")));
        assertTrue(unavailable(new JDBCConnectionException("refused", new SQLException("x"))));
        assertTrue(unavailable(new PSQLException("refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT)));
        assertTrue(unavailable(new SQLException("terminating connection due to administrator command", "57P01")));
        assertTrue(unavailable(new SQLException("canceling statement due to statement timeout", "57014")));
        assertTrue(unavailable(new jakarta.persistence.QueryTimeoutException("slow")));
        assertTrue(unavailable(new org.hibernate.exception.GenericJDBCException("Unable to acquire JDBC Connection",
                new SQLException("Sorry, acquisition timeout!"))));
        assertTrue(unavailable(new SQLException("current transaction is aborted, commands ignored until end of"
                + " transaction block", "25P02")));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(unavailable(new IllegalStateException("bug")));
        assertFalse(unavailable(new SQLException("unique violation", "23505")));
        assertFalse(unavailable(new PSQLException("syntax", PSQLState.SYNTAX_ERROR)));
    }

    private static Object invokeFailing(RuntimeException failure) throws Exception {
        java.lang.reflect.Method method = ApiBoundaryTest.class.getDeclaredMethod("otherFailuresAreNot");
        return new ApiBoundary.Translator().translate(new jakarta.interceptor.InvocationContext() {
            @Override
            public Object getTarget() {
                return null;
            }

            @Override
            public Object getTimer() {
                return null;
            }

            @Override
            public java.lang.reflect.Method getMethod() {
                return method;
            }

            @Override
            public java.lang.reflect.Constructor<?> getConstructor() {
                return null;
            }

            @Override
            public Object[] getParameters() {
                return new Object[0];
            }

            @Override
            public void setParameters(Object[] params) {
            }

            @Override
            public java.util.Map<String, Object> getContextData() {
                return new java.util.HashMap<>();
            }

            @Override
            public Object proceed() {
                throw failure;
            }
        });
    }

    /**
     * A client that closes the connection ends its request context under a running resolver, which then fails with
     * ContextNotActiveException: a client gone, logged at DEBUG and counted, not an INTERNAL error with an incident.
     */
    @Test
    void aClientThatLeftIsCountedNotLoggedAsAnInternalError() throws Exception {
        var registry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        io.micrometer.core.instrument.Metrics.addRegistry(registry);
        java.util.List<java.util.logging.LogRecord> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler recorder = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                if (record.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()) {
                    errors.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.addHandler(recorder);
        try {
            org.junit.jupiter.api.Assertions.assertThrows(ServiceUnavailableException.class, () -> invokeFailing(
                    new RuntimeException(new jakarta.enterprise.context.ContextNotActiveException("request context gone"))));
            org.junit.jupiter.api.Assertions.assertEquals(1.0, registry.counter("ediary.graphql.client.gone").count());
            org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(), errors);

            // anything else still is INTERNAL with an incident in the error log
            org.junit.jupiter.api.Assertions.assertThrows(InternalErrorException.class,
                    () -> invokeFailing(new IllegalStateException("bug")));
            org.junit.jupiter.api.Assertions.assertEquals(1, errors.size());
            org.junit.jupiter.api.Assertions.assertEquals(1.0, registry.counter("ediary.graphql.client.gone").count());
        } finally {
            root.removeHandler(recorder);
            io.micrometer.core.instrument.Metrics.removeRegistry(registry);
        }
    }
}
