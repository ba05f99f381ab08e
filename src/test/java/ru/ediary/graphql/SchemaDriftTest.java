package ru.ediary.graphql;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The served schema is part of our contract with clients, so it is kept in docs/schema.graphql and reviewed
 * like code. When this test fails it writes the served schema to target/schema.graphql: check the change,
 * then copy it over docs/schema.graphql.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class SchemaDriftTest {

    private static final Path KEPT = Path.of("docs/schema.graphql");
    private static final Path SERVED_COPY = Path.of("target/schema.graphql");

    @Test
    void servedSchemaEqualsTheSchemaKeptInTheRepository() throws IOException {
        String served = given().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
        Files.writeString(SERVED_COPY, served);

        String kept = Files.exists(KEPT) ? Files.readString(KEPT) : "";

        assertEquals(kept, served, "The schema changed: review target/schema.graphql and copy it to " + KEPT);
    }
}
