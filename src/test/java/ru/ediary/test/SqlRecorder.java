package ru.ediary.test;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.hibernate.SessionFactory;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Tests only: records every SQL statement Hibernate sends while armed, with the JTA transaction it ran in, and the
 * Hibernate statistics of the same span (statements prepared, transactions ended, sessions opened). Hibernate
 * takes every statement of this server through here, native ones included; nothing is changed.
 */
@ApplicationScoped
@PersistenceUnitExtension
public class SqlRecorder implements StatementInspector {

    /** One statement: its SQL, the JTA transaction (null outside one) and the thread it ran on. */
    public record Statement(String sql, Object transaction, String thread) {
    }

    /** What one span cost. */
    public record Cost(List<Statement> statements, long prepared, long transactions, long sessions) {

        /** Distinct JTA transactions the statements ran in (null counts as one "outside any"). */
        public Set<Object> transactionKeys() {
            Set<Object> keys = new LinkedHashSet<>();
            statements.forEach(s -> keys.add(s.transaction() == null ? "none" : s.transaction()));
            return keys;
        }

        public String describe() {
            StringBuilder out = new StringBuilder(String.format("%d statements (prepared %d) in %d transaction(s), "
                    + "%d session(s):", statements.size(), prepared, transactions, sessions));
            statements.forEach(s -> out.append("\n  [").append(s.transaction()).append(" @ ").append(s.thread())
                    .append("] ").append(s.sql().replaceAll("\\s+", " ")));
            return out.toString();
        }
    }

    @Inject
    TransactionSynchronizationRegistry registry;
    @Inject
    SessionFactory sessionFactory;

    private volatile List<Statement> recording;

    @Override
    public String inspect(String sql) {
        List<Statement> into = recording;
        if (into != null) {
            synchronized (into) {
                into.add(new Statement(sql, registry.getTransactionKey(), Thread.currentThread().getName()));
            }
        }
        return sql;
    }

    /** Runs the span (one HTTP request, say) and returns what it cost. Not for concurrent use. */
    public <T> Cost record(Supplier<T> span) {
        var statistics = sessionFactory.getStatistics();
        long prepared = statistics.getPrepareStatementCount();
        long transactions = statistics.getTransactionCount();
        long sessions = statistics.getSessionOpenCount();
        List<Statement> into = new ArrayList<>();
        recording = into;
        try {
            span.get();
        } finally {
            recording = null;
        }
        synchronized (into) {
            return new Cost(List.copyOf(into), statistics.getPrepareStatementCount() - prepared,
                    statistics.getTransactionCount() - transactions, statistics.getSessionOpenCount() - sessions);
        }
    }
}
