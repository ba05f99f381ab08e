package ru.ediary.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.ediary.test.GraphQL.call;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import ru.ediary.test.Fixtures;
import ru.ediary.test.Fixtures.Person;

/**
 * A row held locked by someone else makes writers wait and hold connections until the pool is exhausted.
 * Requests beyond the pool must fail within the acquisition timeout with SERVICE_UNAVAILABLE, not pile up,
 * and everything completes once the lock is gone.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class PoolExhaustionTest {

    @Inject
    Fixtures fixtures;

    @Test
    void requestsBeyondAnExhaustedPoolFailFastWithServiceUnavailable() throws Exception {
        Person person = fixtures.person();
        call(person.token(), "{ me { id } }");
        int pool = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.max-size", Integer.class);
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        ExecutorService clients = Executors.newFixedThreadPool(pool + 10);
        try (Connection blocker = DriverManager.getConnection(url, "postgres", "")) {
            blocker.setAutoCommit(false);
            blocker.createStatement().execute("select id from account where id = '" + person.id() + "' for update");

            List<Future<long[]>> requests = new ArrayList<>();
            for (int i = 0; i < pool + 10; i++) {
                int n = i;
                requests.add(clients.submit(() -> {
                    long start = System.nanoTime();
                    JsonPath answer = call(person.token(), "mutation($m: String!) { updateMyProfile(input:"
                            + " {middleName: $m}) { userErrors { code } } }", Map.of("m", "Шаг" + "а".repeat(n % 3)));
                    long millis = (System.nanoTime() - start) / 1_000_000;
                    return new long[] {"SERVICE_UNAVAILABLE".equals(answer.getString("errors[0].extensions.code")) ? 1 : 0,
                        millis};
                }));
            }
            Thread.sleep(8_000);
            blocker.rollback();

            int unavailable = 0;
            long slowestRefusal = 0;
            for (Future<long[]> request : requests) {
                long[] result = request.get();
                if (result[0] == 1) {
                    unavailable++;
                    slowestRefusal = Math.max(slowestRefusal, result[1]);
                }
            }
            System.out.printf("POOL_EXHAUSTION: %d of %d refused with SERVICE_UNAVAILABLE, slowest refusal %d ms%n",
                    unavailable, pool + 10, slowestRefusal);
            assertTrue(unavailable >= 1, "no request was refused");
            assertTrue(slowestRefusal < 7_000, "refusal took " + slowestRefusal + " ms");
        } finally {
            clients.shutdownNow();
        }
        // the pool recovers at once
        assertEquals(List.of(), call(person.token(), "mutation { updateMyProfile(input: {middleName: \"Свободный\"})"
                + " { userErrors { code } } }").getList("data.updateMyProfile.userErrors"));
    }
}
