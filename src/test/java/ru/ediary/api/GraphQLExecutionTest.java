package ru.ediary.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.ediary.test.GraphQL.call;

import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphqlErrorBuilder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.graphql.api.Context;
import io.smallrye.graphql.cdi.event.AfterExecute;
import io.smallrye.graphql.execution.ExecutionResponse;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import ru.ediary.test.Fixtures;
import ru.ediary.test.Fixtures.Person;

/**
 * Requests run by {@link GraphQLExecution}: an answer without errors is written by {@link ResponseJson} with the very
 * text SmallRye's writer gives it, everything else is left to SmallRye, and every request's beans end with it.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class GraphQLExecutionTest {

    @Inject
    Fixtures fixtures;

    /** A bean of each GraphQL request's context (touched as the operation ends), counted when it is destroyed. */
    @RequestScoped
    static class RequestProbe {
        static final AtomicInteger DESTROYED = new AtomicInteger();

        void touch() {
        }

        @PreDestroy
        void destroyed() {
            DESTROYED.incrementAndGet();
        }
    }

    @ApplicationScoped
    static class EndedRequests {
        @Inject
        RequestProbe probe;

        void operationEnded(@Observes @AfterExecute Context ignored) {
            probe.touch();
        }
    }

    private static ExecutionResult data(Object data) {
        return ExecutionResultImpl.newExecutionResult().data(data).build();
    }

    private static String written(ExecutionResult result) {
        var bytes = ResponseJson.data(result);
        return bytes == null ? null : bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anAnswerWithoutErrorsIsTheTextSmallRyesWriterGivesIt() {
        Map<String, Object> child = new LinkedHashMap<>();
        child.put("fullName", "Ёлкина Анна-Мария \"Аня\" \\ / </script>");
        child.put("comment", "строка\nвторая\tтаб \u0001 \u007f 😀");
        child.put("lessonNumber", 3);
        child.put("short", (short) 7);
        child.put("total", 12_345_678_901L);
        child.put("big", new BigInteger("123456789012345678901234567890"));
        child.put("average", new BigDecimal("4.50"));
        child.put("ratio", 0.1d);
        child.put("huge", 1e20d);
        child.put("half", 2.5f);
        child.put("present", true);
        child.put("absent", null);
        child.put("kind", Thread.State.NEW);
        child.put("marks", Arrays.asList(5, null, List.of(), Map.of()));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("child", child);
        data.put("empty", null);
        ExecutionResult result = data(data);

        assertEquals(new ExecutionResponse(result).getExecutionResultAsString(), written(result));
        assertEquals("{\"data\":null}", written(data(null)));
        assertEquals(new ExecutionResponse(data(null)).getExecutionResultAsString(), written(data(null)));
    }

    @Test
    void answersWithErrorsExtensionsNoDataOrUnknownValuesAreLeftToSmallRye() {
        var error = GraphqlErrorBuilder.newError().message("Ребёнок не найден.").build();
        assertNull(written(ExecutionResultImpl.newExecutionResult().data(Map.of("child", "x")).addError(error).build()));
        assertNull(written(ExecutionResultImpl.newExecutionResult().data(Map.of("child", "x"))
                .extensions(Map.of("cost", 1)).build()));
        assertNull(written(ExecutionResultImpl.newExecutionResult().addError(error).build()), "no data");
        assertNull(written(data(Map.of("date", LocalDate.of(2026, 12, 2)))), "a value no scalar serialises to");
        assertNull(written(data(Map.of("ratio", Double.NaN))));
    }

    @Test
    void aQueryOverHttpIsAnsweredAndItsRequestBeansAreDestroyedWithTheAnswer() throws InterruptedException {
        Person person = fixtures.person();
        int before = RequestProbe.DESTROYED.get();
        for (int i = 0; i < 5; i++) {
            var answer = call(person.token(), "{ me { id } }");
            assertEquals(person.id().toString(), answer.getString("data.me.id"));
            assertNull(answer.get("errors"));
        }
        // the context ends when the answer has been sent, on the event loop, just after the client has it
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (RequestProbe.DESTROYED.get() < before + 5 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(RequestProbe.DESTROYED.get() >= before + 5, "request contexts destroyed: " + (RequestProbe.DESTROYED.get() - before));
    }

    @Test
    void anAnswerWithAnErrorStillCarriesItsCode() {
        Person person = fixtures.person();
        var answer = call(person.token(), "{ child(id: \"00000000-0000-0000-0000-000000000000\") { id } }");
        assertNotNull(answer.get("errors"));
        assertEquals("NOT_FOUND", answer.getString("errors[0].extensions.code"));
    }
}
