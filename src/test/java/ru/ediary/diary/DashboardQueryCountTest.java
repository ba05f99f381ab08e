package ru.ediary.diary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.ediary.test.GraphQL.call;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
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
import org.junit.jupiter.api.Test;
import ru.ediary.test.Fixtures;
import ru.ediary.test.Fixtures.ClassRef;
import ru.ediary.test.Fixtures.Person;
import ru.ediary.test.SqlRecorder;
import ru.ediary.test.SqlRecorder.Cost;
import ru.ediary.trust.InvitationActivator;
import ru.ediary.trust.TrustStepsAccess;

/**
 * The parent's home screen and a diary page each cost one transaction and a few SQL statements, the same for one
 * child as for three (issue 17: at most 5 statements besides BEGIN/COMMIT per dashboard).
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class DashboardQueryCountTest {

    /** The document of bench/wrk/dashboard.lua. */
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
    /** The document of bench/wrk/diary.lua. */
    static final String PAGE = """
            query Page($c: ID!) {
              diary(childId: $c, first: 50) {
                edges { node { id date lessonNumber subject topic homework attendance teacherName
                               marks { value weight kind comment } } }
                pageInfo { hasNextPage endCursor }
              }
            }""";
    static final int MAX_DASHBOARD_STATEMENTS = 5;

    @Inject
    Fixtures fixtures;
    @Inject
    @PersistenceUnitExtension
    SqlRecorder recorder;
    @Inject
    InvitationActivator activator;

    private record Family(Person parent, List<UUID> children) {
    }

    /** A parent with n children, each with lessons, marks, homework, a trusted person and a pending invitation. */
    private Family parentWith(int n) throws Exception {
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
        return new Family(parent, children);
    }

    private Cost dashboard(Person parent, int children) {
        JsonPath[] answer = new JsonPath[1];
        Cost cost = recorder.record(() -> answer[0] = call(parent.token(), DASHBOARD));
        assertNull(answer[0].get("errors"), answer[0].prettify());
        assertEquals(children, answer[0].getList("data.myChildren").size());
        for (int i = 0; i < children; i++) {
            assertEquals(5, answer[0].getList("data.myChildren[" + i + "].recentMarks").size());
            assertEquals(1, answer[0].getList("data.myChildren[" + i + "].trustedPersons").size());
            assertFalse(answer[0].getList("data.myChildren[" + i + "].weekHomework").isEmpty());
        }
        assertEquals(2 * children, answer[0].getList("data.sentInvitations.edges").size());
        return cost;
    }

    @Test
    void theDashboardRunsInOneTransactionAndAFixedSmallNumberOfStatements() throws Exception {
        Family one = parentWith(1);
        Family three = parentWith(3);

        Cost forOne = dashboard(one.parent(), 1);
        Cost forThree = dashboard(three.parent(), 3);

        System.out.printf("DASHBOARD: 1 child: %s%nDASHBOARD: 3 children: %s%n", forOne.describe(), forThree.describe());
        assertEquals(forOne.statements().size(), forThree.statements().size(), forThree.describe());
        assertTrue(forOne.statements().size() <= MAX_DASHBOARD_STATEMENTS, forOne.describe());
        for (Cost cost : List.of(forOne, forThree)) {
            assertEquals(1, cost.transactions(), cost.describe());
            assertEquals(1, cost.sessions(), cost.describe());
            assertEquals(1, cost.transactionKeys().size(), cost.describe());
            assertFalse(cost.transactionKeys().contains("none"), cost.describe());
            assertEquals(cost.statements().size(), cost.prepared(), cost.describe());
            // the batch fields' statements are among them: all on the thread that began the transaction
            assertTrue(cost.statements().stream().anyMatch(st -> st.sql().contains("lesson_mark")), cost.describe());
            assertTrue(cost.statements().stream().anyMatch(st -> st.sql().contains("from trusted_access")),
                    cost.describe());
            assertEquals(1, cost.statements().stream().map(SqlRecorder.Statement::thread).distinct().count(),
                    cost.describe());
        }
    }

    @Test
    void aDiaryPageRunsInOneTransaction() throws Exception {
        Family family = parentWith(1);
        JsonPath[] answer = new JsonPath[1];
        Cost cost = recorder.record(() -> answer[0] = call(family.parent().token(), PAGE,
                Map.of("c", family.children().get(0).toString())));

        System.out.printf("DIARY PAGE: %s%n", cost.describe());
        assertNull(answer[0].get("errors"), answer[0].prettify());
        assertEquals(10, answer[0].getList("data.diary.edges").size());
        assertEquals(1, answer[0].getList("data.diary.edges[0].node.marks").size());
        assertEquals(1, cost.transactions(), cost.describe());
        assertEquals(1, cost.transactionKeys().size(), cost.describe());
        assertFalse(cost.transactionKeys().contains("none"), cost.describe());
        // the child with how the caller reads it, and the page: the caller's account id is known since the
        // registration call (AccountService.knownAccountId), so the account is not read again
        assertEquals(2, cost.statements().size(), cost.describe());
        assertFalse(cost.statements().stream().anyMatch(st -> st.sql().contains("subject=?")), cost.describe());
    }
}
