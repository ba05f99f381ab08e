package ru.ediary.diary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.ediary.test.GraphQL.call;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import ru.ediary.test.Fixtures;
import ru.ediary.test.Fixtures.ClassRef;
import ru.ediary.test.Fixtures.Person;
import ru.ediary.trust.InvitationActivator;
import ru.ediary.trust.TrustStepsAccess;

/** The parent's home screen costs the same few SQL statements for one child as for five. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class DashboardQueryCountTest {

    static final String DASHBOARD = """
            query Dashboard {
              me { fullName email phone }
              myChildren {
                id fullName schoolClass { name school { name } }
                recentMarks { date subject value weight kind }
                weekHomework { date lessonNumber subject text }
                trustedPersons { id status trustedPerson { fullName } invitedBy { fullName } }
              }
              sentInvitations(first: 10) {
                edges { node { id status invitee { fullName } children { fullName } expiresAt } }
              }
            }""";

    @Inject
    Fixtures fixtures;
    @Inject
    SessionFactory sessionFactory;
    @Inject
    InvitationActivator activator;

    /** A parent with n children, each with lessons, marks, homework, a trusted person and a pending invitation. */
    private Person parentWith(int n) throws Exception {
        ClassRef schoolClass = fixtures.schoolClass(fixtures.school(), null);
        Person parent = fixtures.person();
        List<Map<String, Object>> lessons = new ArrayList<>();
        List<UUID> children = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            UUID child = fixtures.student(schoolClass);
            fixtures.guardianOf(child, parent);
            children.add(child);
            String key = fixtures.studentRecord(child).externalId;
            for (int d = 0; d < 5; d++) {
                lessons.add(DiarySteps.entry(key, LocalDate.now().minusDays(d), 1));
                lessons.add(DiarySteps.entry(key, LocalDate.now().minusDays(d), 2));
            }
        }
        DiarySteps.upsert(schoolClass.school().systemToken(), lessons);
        for (UUID child : children) {
            Person trusted = fixtures.invitee("Доверенная");
            TrustStepsAccess.accept(trusted, TrustStepsAccess.invite(parent, trusted, child));
            TrustStepsAccess.invite(parent, fixtures.invitee("Приглашённая"), child);
        }
        activator.runOnce();
        call(parent.token(), "{ me { id } }"); // registration is a one-off, not part of the screen
        return parent;
    }

    private long statements(Person parent, int children) {
        var statistics = sessionFactory.getStatistics();
        long before = statistics.getPrepareStatementCount();
        JsonPath answer = call(parent.token(), DASHBOARD);
        long used = statistics.getPrepareStatementCount() - before;
        assertNull(answer.get("errors"), answer.prettify());
        assertEquals(children, answer.getList("data.myChildren").size());
        for (int i = 0; i < children; i++) {
            assertEquals(5, answer.getList("data.myChildren[" + i + "].recentMarks").size());
            assertEquals(1, answer.getList("data.myChildren[" + i + "].trustedPersons").size());
        }
        assertEquals(2 * children, answer.getList("data.sentInvitations.edges").size());
        return used;
    }

    @Test
    void theDashboardRunsInAFixedSmallNumberOfStatements() throws Exception {
        Person one = parentWith(1);
        Person five = parentWith(5);

        long forOne = statements(one, 1);
        long forFive = statements(five, 5);

        System.out.printf("DASHBOARD_STATEMENTS: %d for 1 child, %d for 5 children%n", forOne, forFive);
        assertEquals(forOne, forFive);
        assertTrue(forOne <= 15, "statements: " + forOne);
    }
}
