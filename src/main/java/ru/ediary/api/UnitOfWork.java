package ru.ediary.api;

import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.AbortExecutionException;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.AsyncSerialExecutionStrategy;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.OperationDefinition;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.BlockingOperationControl;
import io.smallrye.graphql.execution.error.ExceptionHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * One transaction and one persistence context per GraphQL query: begun when graphql-java starts executing the
 * operation (after parsing, validation and the query limits, so a refused document costs no transaction) and ended
 * when its result is complete, batch fields included. Every resolver of a query runs on the worker thread that began
 * it ({@code quarkus.smallrye-graphql.nonblocking.enabled=false}: SmallRye calls blocking resolvers and the
 * {@code @Source List} batch loaders on the calling thread, and graphql-java dispatches the loaders there), so the
 * JTA transaction, bound to that thread, covers them all; read services declare {@code @Transactional} and join it.
 * <p>
 * A query's unit is read-only twice over: the JDBC connection is set read-only before its first statement, so the
 * driver opens the transaction with {@code BEGIN READ ONLY} in the same round trip (no {@code SET TRANSACTION}
 * statement; Agroal resets the flag when the connection returns to the pool), and the Hibernate session loads
 * entities read-only (no snapshots, no dirty checking) and flushes only at commit, where anything written by mistake
 * fails loudly. The few writes a query may cause (registering the caller, a trusted person's audited read, the
 * lookup rate limit) run in transactions of their own ({@link Tx#inNew}).
 * <p>
 * Mutations get no outer unit: each keeps its own transactions, because they must read their own failed commits
 * (a unique key, a version clash) and send codes only after their change committed ({@code updateMyProfile}), which
 * one transaction around the whole operation would prevent. Subscriptions get none either: a transaction must not
 * live as long as a WebSocket.
 */
@ApplicationScoped
public class UnitOfWork {

    private static final Logger LOG = Logger.getLogger(UnitOfWork.class);
    /** The unit this thread began and has not ended yet. */
    private static final ThreadLocal<Unit> CURRENT = new ThreadLocal<>();

    private final TransactionManager transactions;
    private final EntityManager em;
    private final AgroalDataSource dataSource;
    private final AtomicInteger open = new AtomicInteger();

    UnitOfWork(TransactionManager transactions, EntityManager em, AgroalDataSource dataSource) {
        this.transactions = transactions;
        this.em = em;
        this.dataSource = dataSource;
    }

    /** A unit begun on some thread; ended once, whichever end hook comes first. */
    public static final class Unit {
        private final Transaction transaction;
        private final Thread thread;
        private boolean ended;

        private Unit(Transaction transaction, Thread thread) {
            this.transaction = transaction;
            this.thread = thread;
        }
    }

    /**
     * SmallRye fires its GraphQL builder as a CDI event: the unit's hooks come after its query limits, and queries
     * and mutations that arrive on the event loop (over WebSocket) run on a worker thread.
     */
    void install(@Observes GraphQL.Builder builder) {
        GraphQL built = builder.build();
        builder.instrumentation(new ChainedInstrumentation(built.getInstrumentation(), new PerQuery()));
        // SmallRye leaves both to graphql-java's defaults, with its own exception handler
        if (built.getQueryStrategy().getClass() == AsyncExecutionStrategy.class) {
            builder.queryExecutionStrategy(new OffTheEventLoop.Query(new ExceptionHandler(), this));
        }
        if (built.getMutationStrategy().getClass() == AsyncSerialExecutionStrategy.class) {
            builder.mutationExecutionStrategy(new OffTheEventLoop.Mutation(new ExceptionHandler()));
        }
    }

    /** Units open right now, on any thread. */
    public int open() {
        return open.get();
    }

    /**
     * Begins a read-only unit on this thread; null when the thread already runs in a transaction that is not a
     * unit (the work then joins it as it is).
     */
    public Unit beginReadOnly() {
        try {
            Unit left = CURRENT.get();
            if (left != null) {
                // an engine path skipped every end hook: never let a request inherit another one's transaction
                if (!left.ended) {
                    LOG.warn("A GraphQL query's transaction was still open on this thread; ending it");
                }
                end(left);
                release(left);
            }
            if (transactions.getTransaction() != null) {
                return null;
            }
            transactions.begin();
            Unit unit = new Unit(transactions.getTransaction(), Thread.currentThread());
            CURRENT.set(unit);
            open.incrementAndGet();
            try {
                // Agroal enlists the connection read-only (it refuses the change once enlisted), Hibernate gets the
                // same one for every statement of the transaction, and the driver sends BEGIN READ ONLY with the first;
                // nothing is sent here, and closing the handle keeps the connection enlisted until the end
                dataSource.getReadOnlyConnection().close();
                Session session = em.unwrap(Session.class);
                session.setDefaultReadOnly(true);
                session.setHibernateFlushMode(FlushMode.COMMIT);
            } catch (SQLException | RuntimeException e) {
                end(unit);
                if (ApiBoundary.Translator.databaseUnavailable(e)) {
                    LOG.warnf("Database unavailable when a GraphQL query began: %s", e.getClass().getSimpleName());
                    throw new Unavailable();
                }
                throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
            }
            return unit;
        } catch (SystemException | jakarta.transaction.NotSupportedException e) {
            throw new IllegalStateException("Cannot begin the query's transaction", e);
        }
    }

    /** Ends the unit: commits a healthy one, rolls back one marked rollback-only. Safe to call more than once. */
    public void end(Unit unit) {
        if (unit == null) {
            return;
        }
        synchronized (unit) {
            if (unit.ended) {
                return;
            }
            unit.ended = true;
        }
        open.decrementAndGet();
        try {
            if (Thread.currentThread() == unit.thread && unit.transaction.equals(transactions.getTransaction())) {
                if (transactions.getStatus() == Status.STATUS_ACTIVE) {
                    transactions.commit();
                } else {
                    transactions.rollback();
                }
            } else {
                // completed on another thread than it began on (not the case today): end it by its handle; the
                // thread that began it drops the association at its next begin
                LOG.warn("A GraphQL query's transaction ended on another thread than it began on; rolled back");
                unit.transaction.rollback();
            }
        } catch (Exception e) {
            // the answer is already computed from reads; a failed end of a read-only transaction changes nothing
            LOG.warnf("Ending a GraphQL query's transaction failed: %s", e.getClass().getSimpleName());
        } finally {
            if (Thread.currentThread() == unit.thread) {
                release(unit);
            }
        }
    }

    /** Drops the unit from the thread that began it (commit and rollback already did, unless they failed). */
    private void release(Unit unit) {
        CURRENT.remove();
        try {
            if (unit.transaction.equals(transactions.getTransaction())) {
                transactions.suspend();
            }
        } catch (SystemException e) {
            LOG.warnf("Dropping a GraphQL query's transaction from its thread failed: %s", e.getClass().getSimpleName());
        }
    }

    /**
     * The database could not give the query its connection (pool exhausted, server down): graphql-java answers with
     * this error instead of running the operation, coded as our resolvers' failures are.
     */
    static final class Unavailable extends AbortExecutionException {

        Unavailable() {
            super(new ServiceUnavailableException().getMessage());
        }

        @Override
        public Map<String, Object> getExtensions() {
            return Map.of("code", "SERVICE_UNAVAILABLE");
        }

        @Override
        public ErrorType getErrorType() {
            return ErrorType.DataFetchingException;
        }
    }

    /** Per execution: the unit of a query operation, ended by whichever of three hooks comes first. */
    private final class PerQuery implements Instrumentation {

        private static final class State implements InstrumentationState {
            volatile Unit unit;
        }

        @Override
        public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
            return new State();
        }

        @Override
        public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters,
                InstrumentationState state) {
            // completes with the whole execution, normally or not
            return SimpleInstrumentationContext.whenCompleted((result, failure) -> end(((State) state).unit));
        }

        @Override
        public InstrumentationContext<ExecutionResult> beginExecuteOperation(
                InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
            var execution = parameters.getExecutionContext();
            if (execution.getOperationDefinition().getOperation() != OperationDefinition.Operation.QUERY
                    // resolvers run on this thread only when SmallRye runs them blocking and this thread may block
                    || !Boolean.TRUE.equals(execution.getGraphQLContext().get("runBlocking"))
                    || !BlockingOperationControl.isBlockingAllowed()) {
                return SimpleInstrumentationContext.noOp();
            }
            State own = (State) state;
            own.unit = beginReadOnly();
            // the operation's result is complete here, batch fields included
            return SimpleInstrumentationContext.whenCompleted((result, failure) -> end(own.unit));
        }

        @Override
        public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
                InstrumentationExecutionParameters parameters, InstrumentationState state) {
            end(((State) state).unit);
            return CompletableFuture.completedFuture(result);
        }
    }
}
