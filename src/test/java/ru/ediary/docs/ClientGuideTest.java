package ru.ediary.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import ru.ediary.test.ContactDeliveryServers;
import ru.ediary.test.GraphQL;
import ru.ediary.test.Tokens;
import ru.ediary.test.WsFrames;

/**
 * Runs every example of docs/client-guide.md, in the guide's order, against a server loaded with the dev demo data
 * (so the examples are the ones a developer pastes into GraphiQL in dev mode) and with real signed tokens of the
 * demo accounts. An example is a ```graphql block preceded by {@code <!-- example as="..." expect="..." -->}, and
 * optionally followed by a ```json block of variables; see {@link Example}. A broken example fails the test.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@TestProfile(ClientGuideTest.DemoData.class)
class ClientGuideTest {

    static final Path GUIDE = Path.of("docs/client-guide.md");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MARKER = Pattern.compile("^<!--\\s*(example|example-shell)\\s+(.*?)\\s*-->$");
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-z][a-z-]*)=\"([^\"]*)\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("\"<([A-Za-z]+)>\"");
    private static final Set<String> TEACHERS = Set.of("demo-olga", "demo-sergey", "demo-maria");
    private static final String SCHOOL_SYSTEM = "service-account-";

    /** The same server with its own schema, migrated with the dev demo data (db/demo) as in dev mode. */
    public static class DemoData implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String schema = System.getenv().getOrDefault("DB_TEST_SCHEMA", "ediary_test") + "_guide";
            return Map.of("ediary.db.schema", schema, "%test.ediary.db.schema", schema,
                    "quarkus.flyway.locations", "db/migration,db/demo",
                    "%test.quarkus.flyway.locations", "db/migration,db/demo");
        }
    }

    @TestHTTPResource("/")
    URL root;

    /**
     * One example: {@code as} names the demo account whose token it runs with ({@code anonymous} for none,
     * {@code service-account-<client>} for a school system); {@code expect} is {@code ;}-separated checks
     * {@code <GPath> == value}, {@code != value} or {@code >= number} on the answer; {@code save="name=<GPath>"}
     * keeps a value for a later example's {@code "<name>"} variable ({@code "<today>"} is today's date);
     * {@code subscribe="true"} runs a subscription over graphql-transport-ws and checks the first event it
     * receives once every later example has run; {@code code-to="+79035550101"} (or an e-mail) makes the last
     * confirmation code sent to it the {@code "<code>"} variable, read from the test's SMS gateway or SMTP server
     * as a developer reads it from {@code /dev/codes} in dev mode. {@code example-shell} marks a ```sh block run with bash, with
     * {@code API} and {@code TOKEN} set.
     */
    record Example(int line, String kind, Map<String, String> attributes, String body, String variables) {

        String attribute(String name) {
            return attributes.getOrDefault(name, "");
        }

        @Override
        public String toString() {
            return "example at docs/client-guide.md:" + line + " (as " + attribute("as") + ")";
        }
    }

    @Test
    void everyExampleOfTheClientGuideRunsAsDocumented() throws Exception {
        List<Example> examples = parse(Files.readString(GUIDE, StandardCharsets.UTF_8));

        assertTrue(examples.stream().filter(e -> e.kind().equals("graphql")).count() >= 15,
                "the guide lost its examples: " + examples.size());
        assertTrue(examples.stream().anyMatch(e -> e.kind().equals("shell")), "the curl example is not marked");
        run(examples);
    }

    @Test
    void aBrokenExampleFailsTheRun() throws Exception {
        String wrongField = """
                <!-- example as="demo-anna" expect="data.diaryAccess.children.size() == 2" -->
                ```graphql
                { diaryAccess { childs { capacity } } }
                ```
                """;
        String wrongExpectation = """
                <!-- example as="demo-boris" expect="data.diaryAccess.children.size() == 2" -->
                ```graphql
                { diaryAccess { children { capacity } } }
                ```
                """;
        String unmarked = """
                ```graphql
                { me { id } }
                ```
                """;
        String noExpectation = """
                <!-- example as="demo-anna" -->
                ```graphql
                { me { id } }
                ```
                """;

        assertThrows(AssertionError.class, () -> run(parse(wrongField)));
        assertThrows(AssertionError.class, () -> run(parse(wrongExpectation)));
        assertThrows(AssertionError.class, () -> parse(unmarked));
        assertThrows(AssertionError.class, () -> run(parse(noExpectation)));
    }

    static List<Example> parse(String markdown) {
        String[] lines = markdown.split("\n", -1);
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            Matcher marker = MARKER.matcher(lines[i].strip());
            if (lines[i].strip().startsWith("```graphql")) {
                throw new AssertionError("docs/client-guide.md:" + (i + 1) + ": a graphql example without an "
                        + "<!-- example as=\"...\" expect=\"...\" --> line right above it; every example must run");
            }
            if (!marker.matches()) {
                continue;
            }
            int line = i + 1;
            String kind = marker.group(1).equals("example") ? "graphql" : "shell";
            Map<String, String> attributes = new LinkedHashMap<>();
            Matcher attribute = ATTRIBUTE.matcher(marker.group(2));
            while (attribute.find()) {
                attributes.put(attribute.group(1), attribute.group(2));
            }
            String fence = kind.equals("graphql") ? "```graphql" : "```sh";
            if (i + 1 >= lines.length || !lines[i + 1].strip().equals(fence)) {
                throw new AssertionError("docs/client-guide.md:" + line + ": the marker must be right above a " + fence
                        + " block");
            }
            StringBuilder body = new StringBuilder();
            i += 2;
            for (; i < lines.length && !lines[i].strip().equals("```"); i++) {
                body.append(lines[i]).append('\n');
            }
            int next = i + 1;
            while (next < lines.length && lines[next].isBlank()) {
                next++;
            }
            String variables = null;
            if (kind.equals("graphql") && next < lines.length && lines[next].strip().equals("```json")) {
                StringBuilder json = new StringBuilder();
                for (i = next + 1; i < lines.length && !lines[i].strip().equals("```"); i++) {
                    json.append(lines[i]).append('\n');
                }
                variables = json.toString();
            }
            examples.add(new Example(line, kind, attributes, body.toString(), variables));
        }
        return examples;
    }

    private void run(List<Example> examples) throws Exception {
        Map<String, String> saved = new HashMap<>();
        saved.put("today", LocalDate.now(ZoneId.of("Europe/Moscow")).toString());
        Map<Example, WsFrames> subscriptions = new LinkedHashMap<>();
        try {
            for (Example example : examples) {
                assertTrue(!example.attribute("expect").isBlank(),
                        example + ": says nothing about its answer (expect)");
                String codeTo = example.attribute("code-to");
                if (!codeTo.isBlank()) {
                    saved.put("code", (codeTo.contains("@") ? ContactDeliveryServers.lastEmailCode(codeTo)
                            : ContactDeliveryServers.lastSmsCode(codeTo))
                            .orElseThrow(() -> new AssertionError(example + ": no code was sent to " + codeTo)));
                }
                Map<String, Object> variables = variables(example, saved);
                if (example.kind().equals("shell")) {
                    check(example, shell(example));
                } else if (example.attribute("subscribe").equals("true")) {
                    subscriptions.put(example, subscribe(example, variables));
                } else {
                    JsonPath answer = post(token(example.attribute("as")), example.body(), variables);
                    check(example, answer);
                    save(example, answer, saved);
                }
            }
            for (var subscription : subscriptions.entrySet()) {
                String event = subscription.getValue().next();
                assertTrue(event != null && event.contains("\"next\""),
                        subscription.getKey() + ": no event within 10 s, got " + event);
                String payload = JSON.writeValueAsString(JSON.readTree(event).get("payload"));
                check(subscription.getKey(), JsonPath.from(payload));
            }
        } finally {
            subscriptions.values().forEach(WsFrames::close);
        }
    }

    private static Map<String, Object> variables(Example example, Map<String, String> saved) throws IOException {
        if (example.variables() == null) {
            return Map.of();
        }
        Matcher placeholder = PLACEHOLDER.matcher(example.variables());
        StringBuilder json = new StringBuilder();
        while (placeholder.find()) {
            String value = saved.get(placeholder.group(1));
            assertTrue(value != null, example + ": no earlier example saved <" + placeholder.group(1) + ">");
            placeholder.appendReplacement(json, Matcher.quoteReplacement(JSON.writeValueAsString(value)));
        }
        placeholder.appendTail(json);
        return JSON.readValue(json.toString(), new TypeReference<Map<String, Object>>() { });
    }

    private static String token(String as) {
        if (as.isBlank()) {
            throw new AssertionError("an example must say as whom it runs (as=\"demo-anna\", as=\"anonymous\")");
        }
        if (as.equals("anonymous")) {
            return null;
        }
        if (as.startsWith(SCHOOL_SYSTEM)) {
            return Tokens.schoolSystem(as.substring(SCHOOL_SYSTEM.length()));
        }
        return Tokens.person(as, Map.of(), TEACHERS.contains(as) ? Set.of("teacher") : Set.of());
    }

    private static JsonPath post(String token, String query, Map<String, Object> variables) {
        return GraphQL.request(token, query, variables).post("/graphql").then().contentType(ContentType.JSON)
                .extract().jsonPath();
    }

    /** The guide's curl command as a user runs it: bash, with the API address and a token in the environment. */
    private JsonPath shell(Example example) throws Exception {
        ProcessBuilder bash = new ProcessBuilder("bash", "-c", "set -euo pipefail\n" + example.body());
        bash.environment().put("API", root.toString().replaceAll("/$", ""));
        bash.environment().put("TOKEN", token(example.attribute("as")));
        bash.redirectErrorStream(true);
        Process process = bash.start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), example + ": still running after 30 s");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), example + ": exited with " + process.exitValue() + ": " + output);
        return JsonPath.from(output);
    }

    private static void check(Example example, JsonPath answer) {
        List<String> checks = List.of(example.attribute("expect").split(";"));
        if (checks.stream().noneMatch(c -> c.strip().startsWith("errors"))) {
            assertNull(answer.get("errors"), example + ": answered with errors: " + answer.prettify());
        }
        for (String check : checks) {
            String[] parts = check.strip().split(" (==|!=|>=) ", 2);
            assertEquals(2, parts.length, example + ": cannot read the check '" + check + "'");
            String operator = check.strip().substring(parts[0].length()).strip().substring(0, 2);
            Object actual = answer.get(parts[0]);
            String expected = parts[1].strip();
            boolean holds = switch (operator) {
                case "==" -> String.valueOf(actual).equals(expected);
                case "!=" -> !String.valueOf(actual).equals(expected);
                default -> actual instanceof Number number && number.doubleValue() >= Double.parseDouble(expected);
            };
            assertTrue(holds, example + ": expected " + check.strip() + " but " + parts[0] + " is " + actual
                    + "\n" + answer.prettify());
        }
    }

    private static void save(Example example, JsonPath answer, Map<String, String> saved) {
        String save = example.attribute("save");
        if (save.isBlank()) {
            return;
        }
        String[] parts = save.split("=", 2);
        Object value = answer.get(parts[1]);
        assertTrue(value != null, example + ": nothing at " + parts[1] + " to save as <" + parts[0] + ">");
        saved.put(parts[0], String.valueOf(value));
    }

    private WsFrames subscribe(Example example, Map<String, Object> variables) throws Exception {
        WsFrames subscription = WsFrames.connect(URI.create(root.toString().replaceFirst("^http", "ws") + "graphql"));
        subscription.send(JSON.writeValueAsString(Map.of("type", "connection_init",
                "payload", Map.of("Authorization", "Bearer " + token(example.attribute("as"))))));
        String ack = subscription.next();
        assertTrue(ack != null && ack.contains("connection_ack"), example + ": no connection_ack, got " + ack);
        subscription.send(JSON.writeValueAsString(Map.of("id", "1", "type", "subscribe",
                "payload", Map.of("query", example.body(), "variables", variables))));
        Thread.sleep(500); // the subscription registers asynchronously; the event it waits for comes next
        return subscription;
    }
}
