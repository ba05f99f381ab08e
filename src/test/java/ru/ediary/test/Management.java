package ru.ediary.test;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

/** Requests to the management interface (/q/health, /q/metrics), which listens on its own port, not the API's. */
public final class Management {

    private Management() {
    }

    /** Set by the integration tests' resources, which start the packaged server with a management port of their own. */
    public static final String IT_PORT_PROPERTY = "ediary.it.management-port";

    public static RequestSpecification given() {
        return RestAssured.given().baseUri("http://localhost").port(port());
    }

    /** The port the server bound (tests: a random one, published by Quarkus as quarkus.management.test-port). */
    public static int port() {
        String it = System.getProperty(IT_PORT_PROPERTY);
        if (it != null) {
            return Integer.parseInt(it);
        }
        return ConfigProvider.getConfig().getOptionalValue("quarkus.management.test-port", Integer.class)
                .filter(port -> port > 0).orElse(9001);
    }

    public static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
