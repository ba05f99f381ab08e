package ru.ediary.api;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InterceptorBinding;
import jakarta.interceptor.InvocationContext;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.UUID;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;

/**
 * Marks GraphQL API classes: whatever escapes a resolver reaches the client as one of our typed errors.
 * A database that is down or too slow is SERVICE_UNAVAILABLE; anything else is INTERNAL with an incident id,
 * and its details go to the log only, never to the client.
 */
@InterceptorBinding
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ApiBoundary {

    @ApiBoundary
    @Interceptor
    @Priority(Interceptor.Priority.PLATFORM_AFTER)
    class Translator {

        private static final Logger LOG = Logger.getLogger(ApiBoundary.class);

        @AroundInvoke
        Object translate(InvocationContext context) throws Exception {
            try {
                return context.proceed();
            } catch (ApiException e) {
                throw e;
            } catch (RuntimeException e) {
                if (databaseUnavailable(e)) {
                    LOG.warnf("Database unavailable in %s: %s", context.getMethod().getName(), e.getClass().getSimpleName());
                    throw new ServiceUnavailableException();
                }
                if (clientGone(e)) {
                    // the client closed the connection: its request context ended under the resolver; no one to answer
                    LOG.debugf("Client gone during %s", context.getMethod().getName());
                    io.micrometer.core.instrument.Metrics.counter("ediary.graphql.client.gone").increment();
                    throw new ServiceUnavailableException();
                }
                String incident = UUID.randomUUID().toString();
                LOG.errorf(e, "Unexpected failure %s in %s", incident, context.getMethod().getName());
                throw new InternalErrorException(incident);
            }
        }

        /**
         * The request context of a GraphQL request ends only when its response ends or its connection closes, so a
         * resolver that finds it gone runs for a client that left.
         */
        static boolean clientGone(Throwable failure) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof jakarta.enterprise.context.ContextNotActiveException) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Connection refused or lost, pool exhausted, server shutting down, statement or lock timeout, or the query's
         * transaction already aborted by an earlier failure.
         */
        static boolean databaseUnavailable(Throwable failure) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof SQLTransientConnectionException || t instanceof JDBCConnectionException
                        || t instanceof jakarta.persistence.QueryTimeoutException
                        || t instanceof jakarta.persistence.LockTimeoutException) {
                    return true;
                }
                // Agroal's pool timeout is a plain SQLException without a state
                if (t instanceof SQLException sql && sql.getMessage() != null
                        && sql.getMessage().contains("acquisition timeout")) {
                    return true;
                }
                // 25P02: a query's resolvers share one transaction (UnitOfWork), so after one statement failed (and
                // was answered as such) PostgreSQL refuses the rest of the operation's statements
                if (t instanceof SQLException sql && sql.getSQLState() != null
                        && (sql.getSQLState().startsWith("08") || sql.getSQLState().equals("57P01")
                                || sql.getSQLState().equals("57014") || sql.getSQLState().equals("55P03")
                                || sql.getSQLState().equals("25P02"))) {
                    return true;
                }
            }
            return false;
        }
    }
}
