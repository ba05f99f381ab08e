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
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(unavailable(new IllegalStateException("bug")));
        assertFalse(unavailable(new SQLException("unique violation", "23505")));
        assertFalse(unavailable(new PSQLException("syntax", PSQLState.SYNTAX_ERROR)));
    }
}
