package ru.ediary.trust;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import ru.ediary.test.Fixtures;
import ru.ediary.test.Fixtures.Family;
import ru.ediary.test.Fixtures.Person;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class InvitationGaugesTest {

    @Inject
    Fixtures fixtures;

    private static double gauge(String state) {
        String metrics = ru.ediary.test.Management.given().get("/q/metrics").then().statusCode(200).extract().asString();
        var m = Pattern.compile("ediary_invitations_by_state\\{state=\"" + state + "\"\\} (\\S+)").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    @Test
    void invitationsByStateFollowTheDatabase() {
        Family family = fixtures.family();
        Person invitee = fixtures.invitee("Гаврилова");
        String invitation = TrustSteps.invite(family.parent(), invitee, family.child());

        assertEquals(fixtures.count("select count(*) from invitation where status = 'PENDING'"), gauge("PENDING"));

        TrustSteps.accept(invitee, invitation);

        assertEquals(fixtures.count("select count(*) from invitation where status = 'PENDING'"), gauge("PENDING"));
        assertEquals(fixtures.count("select count(*) from invitation where status = 'ACCEPTED'"), gauge("ACCEPTED"));
        assertEquals(fixtures.count("select count(*) from invitation where status = 'FAILED'"), gauge("FAILED"),
                "every state has a series, also when it is zero");
    }
}
