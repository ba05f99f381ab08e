package ru.ediary.it;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.HashMap;
import java.util.Map;
import ru.ediary.test.ContactDeliveryServers;

/**
 * Runs the packaged (production) build against the OIDC mock and a schema of its own, through the same
 * environment variables an operator sets.
 */
public class ProductionLikeResources extends OidcWiremockTestResource {

    static final String OIDC_URL_PROPERTY = "ediary.it.oidc-url";
    /** DB_IT_SCHEMA lets two checkouts run their ITs on one PostgreSQL at once. */
    static final String SCHEMA = System.getenv().getOrDefault("DB_IT_SCHEMA", "ediary_it");
    private final ContactDeliveryServers delivery = new ContactDeliveryServers();

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.put("OIDC_AUTH_SERVER_URL", config.get("keycloak.url") + "/realms/quarkus");
        config.put("quarkus.oidc.token.issuer", "https://server.example.com");
        config.put("DB_SCHEMA", SCHEMA);
        config.put("ediary.db.clean-at-start", "true");
        config.put("quarkus.flyway.clean-disabled", "false");
        // confirmation codes go to a real SMTP server and a recording SMS gateway, set as an operator sets them
        delivery.start();
        config.putAll(ContactDeliveryServers.operatorEnvironment());
        // tests that start a second server process point it at the same identity provider
        System.setProperty(OIDC_URL_PROPERTY, config.get("OIDC_AUTH_SERVER_URL"));
        return config;
    }

    @Override
    public void stop() {
        delivery.stop();
        super.stop();
    }
}
