package ru.ediary.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Docker does not run on our machines, so the container, compose and Keycloak files are checked by reading
 * them: they must stay consistent with each other and with the dev demo data.
 */
class DeploymentFilesTest {

    private static final Path DOCKER = Path.of("docker");
    private static final Path DEMO_DATA = Path.of("src/main/resources/db/demo/R__demo_data.sql");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> compose() throws IOException {
        return new Yaml().load(Files.readString(DOCKER.resolve("compose.yml")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeRunsPostgresKeycloakTwoInstancesAndABalancer() throws IOException {
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose().get("services");
        assertEquals(Set.of("postgres", "keycloak", "api-1", "api-2", "lb"), services.keySet());
        for (String api : List.of("api-1", "api-2")) {
            Map<String, Object> build = (Map<String, Object>) services.get(api).get("build");
            assertEquals("docker/Dockerfile", build.get("dockerfile"), api);
            assertTrue(Files.exists(DOCKER.resolve((String) build.get("context")).resolve("pom.xml")), api);
            Map<String, String> env = (Map<String, String>) services.get(api).get("environment");
            assertEquals("postgres", env.get("DB_HOST"), api);
            assertTrue(env.get("OIDC_AUTH_SERVER_URL").endsWith("/realms/" + realm().get("realm").asText()), api);
        }
        assertEquals(List.of("8080:8080"), services.get("lb").get("ports"));
        assertEquals(List.of("8180:8180"), services.get("keycloak").get("ports"));
        String nginx = Files.readString(DOCKER.resolve("nginx.conf"));
        assertTrue(nginx.contains("server api-1:8080") && nginx.contains("server api-2:8080"), nginx);
    }

    @Test
    void theImageBuildsInTwoStagesAndRunsAsANonRootUserWithAHealthCheck() throws IOException {
        String dockerfile = Files.readString(DOCKER.resolve("Dockerfile"));
        assertTrue(dockerfile.matches("(?s).*FROM maven:[^\\n]+ AS build.*"), "multi-stage Maven build");
        assertTrue(dockerfile.matches("(?s).*\\nFROM eclipse-temurin:17-jre[^\\n]*\\n.*"), "slim JRE runtime");
        assertTrue(dockerfile.matches("(?s).*\\nUSER ediary\\n.*"), "non-root user");
        assertTrue(dockerfile.contains("HEALTHCHECK") && dockerfile.contains("/q/health/ready"), "health check");
        assertTrue(dockerfile.contains("COPY --from=build") && dockerfile.contains("quarkus-app"));
    }

    private static JsonNode realm() throws IOException {
        return new ObjectMapper().readTree(DOCKER.resolve("keycloak/ediary-realm.json").toFile());
    }

    @Test
    void theRealmHasTheClientsRolesAndEveryDemoAccount() throws IOException {
        JsonNode realm = realm();
        Set<String> roles = new HashSet<>();
        realm.at("/roles/realm").forEach(r -> roles.add(r.get("name").asText()));
        assertEquals(Set.of("teacher", "school-system"), roles);
        Map<String, JsonNode> clients = new HashMap<>();
        realm.get("clients").forEach(c -> clients.put(c.get("clientId").asText(), c));
        JsonNode spa = clients.get("ediary-spa");
        assertTrue(spa.get("publicClient").asBoolean() && !spa.get("directAccessGrantsEnabled").asBoolean());
        assertEquals("S256", spa.at("/attributes/pkce.code.challenge.method").asText());

        String demo = Files.readString(DEMO_DATA);
        Matcher systems = Pattern.compile("'(school-[0-9]+)'\\)").matcher(demo);
        Map<String, JsonNode> users = new HashMap<>();
        realm.get("users").forEach(u -> users.put(u.get("username").asText(), u));
        while (systems.find()) {
            JsonNode client = clients.get(systems.group(1));
            assertTrue(client != null && client.get("serviceAccountsEnabled").asBoolean(), systems.group(1));
            JsonNode account = users.get("service-account-" + systems.group(1));
            assertTrue(account.get("realmRoles").toString().contains("school-system"), systems.group(1));
        }
        // every demo account, with the same subject, e-mail, phone, verification flags and SNILS as the dev demo
        // data: the tokens Keycloak issues then bring the same verified identity as the dev tokens
        Matcher accounts = Pattern.compile("\\('30000000-[^']+', '(demo-[a-z]+)', '[^']*', '[^']*', (?:'[^']*'|null),"
                + " (?:'([^']*)'|null), (true|false), (?:'([^']*)'|null), (true|false), (?:'([^']*)'|null)\\)")
                .matcher(demo);
        Set<String> subjects = new HashSet<>();
        while (accounts.find()) {
            String subject = accounts.group(1);
            subjects.add(subject);
            JsonNode user = users.get(subject);
            assertEquals(subject, user.get("id").asText(), "the token's sub is the account's subject");
            assertEquals(accounts.group(2) == null ? "" : accounts.group(2), user.path("email").asText(), subject);
            assertEquals(Boolean.parseBoolean(accounts.group(3)), user.path("emailVerified").asBoolean(), subject);
            assertEquals(accounts.group(4) == null ? "" : accounts.group(4),
                    user.at("/attributes/phone_number/0").asText(), subject);
            assertEquals(accounts.group(4) == null ? "" : accounts.group(5),
                    user.at("/attributes/phone_number_verified/0").asText(), subject);
            assertEquals(accounts.group(6) == null ? "" : accounts.group(6), user.at("/attributes/snils/0").asText(),
                    subject);
        }
        assertEquals(11, subjects.size());
        Set<String> teachers = users.values().stream().filter(u -> u.get("realmRoles").toString().contains("teacher"))
                .map(u -> u.get("username").asText()).collect(Collectors.toSet());
        assertEquals(Set.of("demo-olga", "demo-sergey", "demo-maria"), teachers);
    }

    @Test
    void onlyTheTestClientHasThePasswordGrantAndEveryTokenIsForTheApiWithTheClaimsItReads() throws IOException {
        JsonNode realm = realm();
        Set<String> passwordGrant = new HashSet<>();
        for (JsonNode client : realm.get("clients")) {
            String id = client.get("clientId").asText();
            // Keycloak's defaults when a flag is left out: standard flow and password grant on
            boolean directGrant = client.path("directAccessGrantsEnabled").asBoolean(true);
            boolean issuesTokens = client.path("standardFlowEnabled").asBoolean(true) || directGrant
                    || client.path("serviceAccountsEnabled").asBoolean(false);
            if (directGrant) {
                passwordGrant.add(id);
                assertTrue(client.get("description").asText().contains("TESTS ONLY"), id);
            }
            Set<String> mappers = new HashSet<>();
            client.path("protocolMappers").forEach(m -> mappers.add(m.get("protocolMapper").asText() + ":"
                    + m.at("/config/included.client.audience").asText(m.at("/config/claim.name").asText())));
            if (issuesTokens) {
                assertTrue(mappers.contains("oidc-audience-mapper:ediary-api"), id + " tokens carry aud ediary-api");
            }
            if (!client.path("serviceAccountsEnabled").asBoolean(false) && issuesTokens) {
                assertTrue(mappers.containsAll(Set.of("oidc-usermodel-attribute-mapper:middle_name",
                        "oidc-usermodel-attribute-mapper:phone_number",
                        "oidc-usermodel-attribute-mapper:phone_number_verified",
                        "oidc-usermodel-attribute-mapper:snils")), id + " maps the claims the API reads");
            }
        }
        assertEquals(Set.of("ediary-e2e"), passwordGrant);
        String profile = realm.at("/components/org.keycloak.userprofile.UserProfileProvider/0/config")
                .get("kc.user.profile.config").get(0).asText();
        Set<String> attributes = new HashSet<>();
        Map<String, String> editors = new HashMap<>();
        new ObjectMapper().readTree(profile).get("attributes").forEach(a -> {
            attributes.add(a.get("name").asText());
            editors.put(a.get("name").asText(), a.at("/permissions/edit").toString());
        });
        assertTrue(attributes.containsAll(Set.of("email", "firstName", "lastName", "middle_name", "phone_number",
                "phone_number_verified", "snils")), attributes.toString());
        // what the API takes as verified must not be editable by the user themself
        assertEquals("[\"admin\"]", editors.get("phone_number_verified"));
        assertEquals("[\"admin\"]", editors.get("snils"));
        assertEquals("[\"admin\"]", editors.get("phone_number"), "a phone the user edits is not one the realm checked");
    }
}
