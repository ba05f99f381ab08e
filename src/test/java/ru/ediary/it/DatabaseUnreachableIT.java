package ru.ediary.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** With PostgreSQL unreachable the packaged server stops at once, saying in one line how to start one. */
class DatabaseUnreachableIT {

    @Test
    void theServerStopsAtOnceWithOneClearLine() throws IOException, InterruptedException {
        Path output = Files.createTempFile("unreachable", ".log");
        var builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", "target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("DB_HOST", "127.0.0.1");
        builder.environment().put("DB_PORT", "1"); // nothing listens there
        builder.environment().put("OIDC_AUTH_SERVER_URL", "http://127.0.0.1:1/realms/none");
        builder.environment().put("QUARKUS_HTTP_PORT", "0");
        long start = System.nanoTime();
        Process server = builder.start();

        boolean exited = server.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            server.destroyForcibly();
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);

        List<String> lines = Files.readAllLines(output);
        assertTrue(exited, "still running after 60 s");
        assertEquals(3, server.exitValue());
        List<String> ours = lines.stream().filter(l -> l.contains("PostgreSQL is not reachable at 127.0.0.1:1")).toList();
        assertEquals(1, ours.size(), String.join("\n", lines));
        assertTrue(ours.get(0).contains("pg_ctlcluster"), ours.get(0));
        // no database stack trace around it
        assertFalse(lines.stream().anyMatch(l -> l.contains("PSQLException") || l.contains("JDBCConnectionException")
                || l.contains("SQLState")),
                String.join("\n", lines));
        assertTrue(seconds < 30, "took " + seconds + " s");
    }
}
