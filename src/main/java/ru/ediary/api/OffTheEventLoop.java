package ru.ediary.api;

import graphql.ExecutionResult;
import graphql.execution.AsyncSerialExecutionStrategy;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStrategyParameters;
import io.quarkus.runtime.BlockingOperationControl;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * Queries and mutations that reach graphql-java on a Vert.x event loop (graphql-transport-ws runs every message
 * there) are executed on a worker thread of the same Vert.x context: our resolvers block (JDBC), which the event loop
 * must not. Over HTTP SmallRye already calls the engine on a worker ({@code nonblocking.enabled=false}), so nothing
 * changes there. A query's unit of work is begun and ended on the worker, around the whole execution, batch fields
 * included; the resolvers run on that thread because the request is marked {@code runBlocking}.
 */
final class OffTheEventLoop {

    private OffTheEventLoop() {
    }

    /** The Vert.x context to hand the execution to, or null when this thread may block already. */
    static Context eventLoop(ExecutionContext execution) {
        if (BlockingOperationControl.isBlockingAllowed()
                || !Boolean.TRUE.equals(execution.getGraphQLContext().get("runBlocking"))) {
            return null;
        }
        return Vertx.currentContext();
    }

    static CompletableFuture<ExecutionResult> onWorker(Context context, Callable<ExecutionResult> work) {
        CompletableFuture<ExecutionResult> answer = new CompletableFuture<>();
        // unordered: several operations of one connection may run at once, as over HTTP/2
        context.executeBlocking(work, false).onComplete(done -> {
            if (done.succeeded()) {
                answer.complete(done.result());
            } else {
                answer.completeExceptionally(done.cause());
            }
        });
        return answer;
    }

    /** Also completes plain subtrees in one walk ({@link PlainSubtrees}). */
    static final class Query extends PlainSubtrees {

        private final UnitOfWork units;

        Query(DataFetcherExceptionHandler handler, UnitOfWork units) {
            super(handler);
            this.units = units;
        }

        @Override
        public CompletableFuture<ExecutionResult> execute(ExecutionContext execution, ExecutionStrategyParameters parameters) {
            Context context = eventLoop(execution);
            if (context == null) {
                return super.execute(execution, parameters);
            }
            return onWorker(context, () -> {
                UnitOfWork.Unit unit;
                try {
                    unit = units.beginReadOnly();
                } catch (UnitOfWork.Unavailable unavailable) {
                    return unavailable.toExecutionResult();
                }
                try {
                    // waits on the worker, so the unit ends on the thread that began it
                    return super.execute(execution, parameters).join();
                } finally {
                    units.end(unit);
                }
            });
        }
    }

    static final class Mutation extends AsyncSerialExecutionStrategy {

        Mutation(DataFetcherExceptionHandler handler) {
            super(handler);
        }

        @Override
        public CompletableFuture<ExecutionResult> execute(ExecutionContext execution, ExecutionStrategyParameters parameters) {
            Context context = eventLoop(execution);
            if (context == null) {
                return super.execute(execution, parameters);
            }
            return onWorker(context, () -> super.execute(execution, parameters).join());
        }
    }
}
