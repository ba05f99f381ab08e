package ru.ediary.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static ru.ediary.test.GraphQL.call;
import static ru.ediary.test.GraphQL.errorCode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import ru.ediary.test.Fixtures;
import ru.ediary.test.Fixtures.Family;
import ru.ediary.test.Fixtures.Person;
import ru.ediary.test.TestData;

/**
 * A trusted person is told in diaryAccess what happened to their access (suspended, revoked, renounced, expired,
 * failed) instead of the parent's advice, sees every live grant with its status, and both parties are told of a
 * partial activation which child was left out.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class TrustedPersonToldTest {

    static final String DIARY_ACCESS = """
            { diaryAccess {
                children { capacity trustedAccessId child { id } }
                nextSteps { code message childrenFullNames }
                trustedGrants { id status childId childFullName invitedBy { fullName } }
            } }""";
    private static final String REVOKE = "mutation($id: ID!) { revokeTrustedAccess(id: $id) { userErrors { code } } }";
    private static final String RENOUNCE =
            "mutation($id: ID!) { renounceTrustedAccess(id: $id) { trustedAccess { status } userErrors { code } } }";
    private static final String NOTIFICATIONS = "{ notifications(first: 50) { edges { node { kind title body } } } }";

    @Inject
    Fixtures fixtures;
    @Inject
    InvitationActivator activator;

    private record Granted(Family family, Person trusted, String grantId, String childName) {
    }

    /** A child with a distinct name, so that messages naming it can be checked. */
    private String name(UUID child, String firstName) {
        fixtures.execute("update student set first_name = ?1, middle_name = 'Петровна' where id = ?2", firstName, child);
        return "Ученикова " + firstName + " Петровна";
    }

    private Granted granted() throws Exception {
        Family family = fixtures.family();
        String childName = name(family.child(), "Алиса");
        Person trusted = fixtures.invitee("Бабушкина");
        TrustSteps.accept(trusted, TrustSteps.invite(family.parent(), trusted, family.child()));
        activator.runOnce();
        String grant = call(trusted.token(), DIARY_ACCESS).getString("data.diaryAccess.children[0].trustedAccessId");
        return new Granted(family, trusted, grant, childName);
    }

    private static JsonPath diaryAccess(Person person) {
        JsonPath answer = call(person.token(), DIARY_ACCESS);
        assertNull(answer.get("errors"), answer.prettify());
        return answer;
    }

    /** Nothing of the parent's records, nor any contact, ever appears in what a trusted person is told. */
    private static void assertNothingOfTheParent(Family family, JsonPath answer) {
        String text = answer.prettify();
        assertFalse(text.contains(family.parent().email()), text);
        assertFalse(text.contains(family.parent().phone().substring(2)), text);
        assertFalse(text.contains("классн"), text);
    }

    @Test
    void afterAParentRevokesTheGrandmotherIsToldSoInsteadOfBeingSentToTheClassTeacher() throws Exception {
        Granted g = granted();

        assertEquals(List.of(), call(g.family().parent().token(), REVOKE, Map.of("id", g.grantId()))
                .getList("data.revokeTrustedAccess.userErrors"));

        JsonPath answer = diaryAccess(g.trusted());
        assertEquals(List.of(), answer.getList("data.diaryAccess.children"));
        assertEquals(List.of("TRUSTED_ACCESS_REVOKED"), answer.getList("data.diaryAccess.nextSteps.code"));
        assertEquals(List.of(g.childName()), answer.getList("data.diaryAccess.nextSteps[0].childrenFullNames"));
        assertEquals("Родитель отозвал ваш доступ к дневнику: " + g.childName() + ". Чтобы снова получить доступ, "
                + "попросите родителя (законного представителя) отправить вам новое приглашение.",
                answer.getString("data.diaryAccess.nextSteps[0].message"));
        assertEquals(List.of(), answer.getList("data.diaryAccess.trustedGrants"));
        assertNothingOfTheParent(g.family(), answer);
    }

    @Test
    void aSuspendedGrantIsListedWithItsStatusAndIdAndCanBeRenounced() throws Exception {
        Granted g = granted();
        fixtures.removeContacts(g.family().child());

        JsonPath suspended = diaryAccess(g.trusted());

        assertEquals(List.of(), suspended.getList("data.diaryAccess.children"));
        assertEquals(List.of(Map.of("id", g.grantId(), "status", "SUSPENDED", "childId", g.family().child().toString(),
                "childFullName", g.childName(), "invitedBy", Map.of("fullName", "Тестов Тест"))),
                suspended.getList("data.diaryAccess.trustedGrants"));
        assertEquals(List.of("TRUSTED_ACCESS_SUSPENDED"), suspended.getList("data.diaryAccess.nextSteps.code"));
        assertEquals("Доступ к дневнику приостановлен: " + g.childName() + ". У пригласившего вас родителя сейчас нет "
                + "доступа к дневнику. Когда доступ у него появится, ваш доступ возобновится сам, и вы получите "
                + "уведомление.", suspended.getString("data.diaryAccess.nextSteps[0].message"));
        assertNothingOfTheParent(g.family(), suspended);

        JsonPath renounced = call(g.trusted().token(), RENOUNCE, Map.of("id", g.grantId()));

        assertEquals("REVOKED", renounced.getString("data.renounceTrustedAccess.trustedAccess.status"));
        JsonPath after = diaryAccess(g.trusted());
        assertEquals(List.of(), after.getList("data.diaryAccess.trustedGrants"));
        assertEquals(List.of("TRUSTED_ACCESS_RENOUNCED"), after.getList("data.diaryAccess.nextSteps.code"));
        assertEquals(List.of(g.childName()), after.getList("data.diaryAccess.nextSteps[0].childrenFullNames"));
    }

    @Test
    void activeAndSuspendedGrantsAreListedTogetherAndOnlyTheActiveOneOpensADiary() throws Exception {
        Granted first = granted();
        Family other = fixtures.family();
        TrustSteps.accept(first.trusted(), TrustSteps.invite(other.parent(), first.trusted(), other.child()));
        activator.runOnce();
        fixtures.removeContacts(first.family().child());

        JsonPath answer = diaryAccess(first.trusted());

        assertEquals(List.of(other.child().toString()), answer.getList("data.diaryAccess.children.child.id"));
        assertEquals(Map.of(first.family().child().toString(), "SUSPENDED", other.child().toString(), "ACTIVE"),
                Map.of(answer.getString("data.diaryAccess.trustedGrants[0].childId"),
                        answer.getString("data.diaryAccess.trustedGrants[0].status"),
                        answer.getString("data.diaryAccess.trustedGrants[1].childId"),
                        answer.getString("data.diaryAccess.trustedGrants[1].status")));
        // one diary is seen, so there are no next steps
        assertEquals(List.of(), answer.getList("data.diaryAccess.nextSteps"));
    }

    @Test
    void anExpiredInvitationIsToldAsSuch() throws Exception {
        Family family = fixtures.family();
        String childName = name(family.child(), "Вера");
        Person invitee = fixtures.invitee("Тётина");
        String invitation = TrustSteps.invite(family.parent(), invitee, family.child());
        fixtures.execute("update invitation set expires_at = now() - interval '1 minute' where id = cast(?1 as uuid)",
                invitation);
        activator.runOnce();

        JsonPath answer = diaryAccess(invitee);

        assertEquals(List.of("INVITATION_EXPIRED"), answer.getList("data.diaryAccess.nextSteps.code"));
        assertEquals(List.of(childName), answer.getList("data.diaryAccess.nextSteps[0].childrenFullNames"));
        assertNothingOfTheParent(family, answer);

        // a new invitation for the same child supersedes it: nothing about the old one while it is open
        TrustSteps.invite(family.parent(), invitee, family.child());
        assertFalse(diaryAccess(invitee).getList("data.diaryAccess.nextSteps.code").contains("INVITATION_EXPIRED"));
    }

    @Test
    void anInvitationThatFailedAtActivationIsToldWithoutSayingWhyTheParentHasNoAccess() throws Exception {
        Family family = fixtures.family();
        String childName = name(family.child(), "Галя");
        Person invitee = fixtures.invitee("Соседова");
        TrustSteps.accept(invitee, TrustSteps.invite(family.parent(), invitee, family.child()));
        fixtures.removeContacts(family.child());
        activator.runOnce();

        JsonPath answer = diaryAccess(invitee);

        assertEquals(List.of("INVITATION_FAILED"), answer.getList("data.diaryAccess.nextSteps.code"));
        assertEquals(List.of(childName), answer.getList("data.diaryAccess.nextSteps[0].childrenFullNames"));
        assertNothingOfTheParent(family, answer);
    }

    @Test
    void aGrantThatWasRevokedAndGrantedAgainTellsNothingOfThePast() throws Exception {
        Granted g = granted();
        call(g.family().parent().token(), REVOKE, Map.of("id", g.grantId()));
        TrustSteps.accept(g.trusted(), TrustSteps.invite(g.family().parent(), g.trusted(), g.family().child()));
        activator.runOnce();
        fixtures.removeContacts(g.family().child());

        JsonPath answer = diaryAccess(g.trusted());

        // the latest state of the child's access counts: suspended, not the old revocation
        assertEquals(List.of("TRUSTED_ACCESS_SUSPENDED"), answer.getList("data.diaryAccess.nextSteps.code"));
    }

    @Test
    void peopleWhoWereNeverTrustedPersonsKeepTheStepsTowardsDirectAccess() {
        Person nobody = fixtures.person(null, TestData.mobile(), null);

        JsonPath answer = diaryAccess(nobody);

        assertEquals(List.of("FILL_EMAIL", "GIVE_CONTACTS_TO_CLASS_TEACHER"), answer.getList("data.diaryAccess.nextSteps.code"));
        assertEquals(List.of(List.of(), List.of()), answer.getList("data.diaryAccess.nextSteps.childrenFullNames"));
        assertEquals(List.of(), answer.getList("data.diaryAccess.trustedGrants"));
    }

    @Test
    void aParentSeesNoneOfTheirChildsTrustedGrantsInTheirOwnDiaryAccess() throws Exception {
        Granted g = granted();

        JsonPath parent = diaryAccess(g.family().parent());

        assertEquals(List.of(), parent.getList("data.diaryAccess.trustedGrants"));
        assertEquals(List.of(g.family().child().toString()), parent.getList("data.diaryAccess.children.child.id"));
        assertEquals("UNAUTHENTICATED", errorCode(call(null, DIARY_ACCESS)));
    }

    @Test
    void someoneElseCannotRenounceASuspendedGrantByItsId() throws Exception {
        Granted g = granted();
        fixtures.removeContacts(g.family().child());
        Person stranger = fixtures.person();

        assertEquals("NOT_FOUND", errorCode(call(stranger.token(), RENOUNCE, Map.of("id", g.grantId()))));
        assertEquals("SUSPENDED", diaryAccess(g.trusted()).getString("data.diaryAccess.trustedGrants[0].status"));
    }

    @Test
    void aPartialActivationGrantsOneChildSkipsTheOtherAndTellsBothPartiesWhichByName() throws Exception {
        Family family = fixtures.family();
        String kept = name(family.child(), "Дарья");
        UUID second = fixtures.student(family.schoolClass());
        String lost = name(second, "Егор");
        fixtures.guardianOf(second, family.parent());
        Person grandmother = fixtures.invitee("Иванова");
        String invitation = TrustSteps.invite(family.parent(), grandmother, family.child(), second);
        TrustSteps.accept(grandmother, invitation);
        // before activation the school removes the parent's record for the second child
        fixtures.removeContacts(second);

        activator.runOnce();

        // one grant, for the first child only
        JsonPath access = diaryAccess(grandmother);
        assertEquals(List.of(family.child().toString()), access.getList("data.diaryAccess.children.child.id"));
        assertEquals(List.of("ACTIVE"), access.getList("data.diaryAccess.trustedGrants.status"));
        JsonPath sent = call(family.parent().token(),
                "{ sentInvitations { edges { node { id status children { id fullName outcome } } } } }");
        assertEquals("ACTIVATED", sent.getString("data.sentInvitations.edges[0].node.status"));
        assertEquals(Map.of(kept, "GRANTED", lost, "SKIPPED"), Map.of(
                sent.getString("data.sentInvitations.edges[0].node.children[0].fullName"),
                sent.getString("data.sentInvitations.edges[0].node.children[0].outcome"),
                sent.getString("data.sentInvitations.edges[0].node.children[1].fullName"),
                sent.getString("data.sentInvitations.edges[0].node.children[1].outcome")));

        // both are told, by name, which child was granted and which was not
        String toGrandmother = activated(grandmother);
        assertEquals("Вам предоставлен доступ к услуге «Электронный дневник»: " + kept + ". Не предоставлен для: "
                + lost + " — у пригласившего вас родителя сейчас нет доступа к этому дневнику.", toGrandmother);
        String toParent = activated(family.parent());
        assertEquals("Иванова Тест получил(а) доступ к услуге «Электронный дневник»: " + kept + ". Не предоставлен "
                + "для: " + lost + " — у вас сейчас нет прямого доступа к этому дневнику.", toParent);
        assertEquals(2, fixtures.count("select count(*) from audit_event where invitation_id = cast(?1 as uuid)"
                + " and action in ('ACCESS_GRANTED', 'ACCESS_SKIPPED')", invitation));
    }

    private String activated(Person person) {
        JsonPath inbox = call(person.token(), NOTIFICATIONS);
        List<String> bodies = inbox.getList("data.notifications.edges.node.findAll { it.kind == 'INVITATION_ACTIVATED' }.body");
        assertEquals(1, bodies.size(), inbox.prettify());
        return bodies.get(0);
    }
}
