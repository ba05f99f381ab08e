package ru.ediary.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import ru.ediary.test.TestData;
import ru.ediary.test.Tokens;

/**
 * The GraphQL-over-HTTP audit of the npm package graphql-http ({@code serverAudits}) against the packaged
 * production server, as a signed-in client: every MUST and SHOULD passes. A failing MAY is a "notice"; the ones
 * that fail by design are listed in docs/reliability.md. Needs Node 20+ ({@code node}, {@code npm} on PATH); the
 * script and its locked dependencies are in src/test/graphql-http-audit.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = AuditResources.class, restrictToAnnotatedClass = true)
class GraphQLHttpAuditIT {

    private static final Path AUDIT = Path.of("src", "test", "graphql-http-audit");
    private static final Pattern TALLY = Pattern.compile("graphql-http audit: (\\d+) ok, (\\d+) notice, (\\d+) warn, (\\d+) error");
    /** The MAYs we leave out on purpose: operations never run over GET (docs/reliability.md). */
    private static final Set<String> NOTICES_BY_DESIGN = Set.of("5A70", "D6D5", "6A70");

    private static String run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(AUDIT.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("The graphql-http audit needs Node.js 20+ with npm on PATH (" + command.get(0)
                    + " could not be started: " + e.getMessage() + ")", e);
        }
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.exitValue() != 0 && !command.get(0).equals("node")) {
            throw new AssertionError(String.join(" ", command) + " failed (" + process.exitValue() + "):\n" + output);
        }
        return output;
    }

    @Test
    void everyMustAndShouldOfGraphQLOverHttpPasses() throws Exception {
        String version = run(List.of("node", "--version"), 30).strip();
        assertTrue(version.matches("v(2\\d|[3-9]\\d)\\..*"), "the audit needs Node.js 20 or newer, found " + version);
        if (!Files.isDirectory(AUDIT.resolve("node_modules").resolve("graphql-http"))) {
            run(List.of("npm", "ci", "--no-audit", "--no-fund"), 300);
        }
        String token = Tokens.person(TestData.unique("audit"), Map.of(), Set.of());
        String url = "http://localhost:" + RestAssured.port + "/graphql";

        String output = run(List.of("node", "audit.mjs", url, token), 120);

        System.out.println(output);
        Matcher tally = TALLY.matcher(output);
        assertTrue(tally.find(), output);
        assertEquals("0", tally.group(4), "failed MUSTs:\n" + output);
        assertEquals("0", tally.group(3), "failed SHOULDs:\n" + output);
        List<String> notices = output.lines().filter(line -> line.startsWith("notice")).map(line -> line.split("\\s+")[1])
                .toList();
        assertTrue(NOTICES_BY_DESIGN.containsAll(notices), "MAYs failing that docs/reliability.md does not explain: "
                + notices + "\n" + output);
    }
}
