package ru.ediary.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static ru.ediary.test.GraphQL.call;
import static ru.ediary.test.GraphQL.errorCode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.ediary.test.ContactSteps;
import ru.ediary.test.Fixtures;
import ru.ediary.test.Fixtures.Family;
import ru.ediary.test.Fixtures.Person;
import ru.ediary.test.TestData;

/** Grants after activation: who sees them, who ends them, and how they follow the inviter's own access. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class TrustedAccessTest {

    private static final String TRUSTED_PERSONS = "query($c: ID!) { trustedPersons(childId: $c) { id status trustedPerson { fullName } } }";
    private static final String REVOKE = "mutation($id: ID!) { revokeTrustedAccess(id: $id) { trustedAccess { status revokedAt } userErrors { code } } }";
    private static final String RENOUNCE = "mutation($id: ID!) { renounceTrustedAccess(id: $id) { trustedAccess { status } userErrors { code } } }";
    private static final String AUDIT = "query($c: ID!) { auditLog(childId: $c) { edges { node { action } } } }";

    @Inject
    Fixtures fixtures;
    @Inject
    InvitationActivator activator;

    private record Granted(Family family, Person trusted, String grantId) {
    }

    private Granted granted() throws Exception {
        Family family = fixtures.family();
        Person trusted = fixtures.invitee("Няня");
        TrustSteps.accept(trusted, TrustSteps.invite(family.parent(), trusted, family.child()));
        activator.runOnce();
        String grant = call(family.parent().token(), TRUSTED_PERSONS, Map.of("c", family.child().toString()))
                .getString("data.trustedPersons[0].id");
        return new Granted(family, trusted, grant);
    }

    @Test
    void anyParentWithDirectAccessSeesAndRevokesTheChildsTrustedPersons() throws Exception {
        Granted g = granted();
        Person otherParent = fixtures.person();
        fixtures.guardianOf(g.family().child(), otherParent);
        Map<String, String> child = Map.of("c", g.family().child().toString());

        JsonPath listed = call(otherParent.token(), TRUSTED_PERSONS, child);
        assertEquals(List.of("ACTIVE"), listed.getList("data.trustedPersons.status"));

        JsonPath revoked = call(otherParent.token(), REVOKE, Map.of("id", g.grantId()));
        assertEquals("REVOKED", revoked.getString("data.revokeTrustedAccess.trustedAccess.status"));
        assertEquals(List.of(), TrustSteps.seenAsTrusted(g.trusted()));
        assertEquals(List.of(), call(otherParent.token(), TRUSTED_PERSONS, child).getList("data.trustedPersons"));
        assertEquals(1, fixtures.count("select count(*) from notification where account_id = ?1 and kind = 'ACCESS_REVOKED'",
                g.trusted().id()));
        assertEquals("ACCESS_REVOKED", call(g.family().parent().token(), AUDIT, child).getString("data.auditLog.edges[0].node.action"));
        // revoking again: nothing left to revoke
        assertEquals(List.of("INVALID_STATE"), call(otherParent.token(), REVOKE, Map.of("id", g.grantId()))
                .getList("data.revokeTrustedAccess.userErrors.code"));
    }

    @Test
    void outsidersNeitherSeeNorEndAGrant() throws Exception {
        Granted g = granted();
        Map<String, String> child = Map.of("c", g.family().child().toString());
        Person stranger = fixtures.person();
        Person strangerTeacher = fixtures.teacher();

        for (String token : List.of(stranger.token(), strangerTeacher.token())) {
            assertEquals("NOT_FOUND", errorCode(call(token, TRUSTED_PERSONS, child)));
            assertEquals("NOT_FOUND", errorCode(call(token, REVOKE, Map.of("id", g.grantId()))));
            assertEquals("NOT_FOUND", errorCode(call(token, RENOUNCE, Map.of("id", g.grantId()))));
            assertEquals("NOT_FOUND", errorCode(call(token, AUDIT, child)));
        }
        assertEquals("UNAUTHENTICATED", errorCode(call(null, TRUSTED_PERSONS, child)));
        assertEquals("FORBIDDEN", errorCode(call(fixtures.school().systemToken(), REVOKE, Map.of("id", g.grantId()))));
        // the trusted person may not revoke (they renounce) and may not read the parents' audit log
        assertEquals("FORBIDDEN", errorCode(call(g.trusted().token(), REVOKE, Map.of("id", g.grantId()))));
        assertEquals("NOT_FOUND", errorCode(call(g.trusted().token(), AUDIT, child)));
        // a parent does not renounce for the trusted person
        assertEquals("FORBIDDEN", errorCode(call(g.family().parent().token(), RENOUNCE, Map.of("id", g.grantId()))));
        assertEquals(List.of(g.family().child().toString()), TrustSteps.seenAsTrusted(g.trusted()));
    }

    @Test
    void theTrustedPersonRenouncesTheirOwnAccess() throws Exception {
        Granted g = granted();
        String grantFromDiaryAccess = call(g.trusted().token(), TrustSteps.DIARY_ACCESS)
                .getString("data.diaryAccess.children[0].trustedAccessId");
        assertEquals(g.grantId(), grantFromDiaryAccess);

        JsonPath renounced = call(g.trusted().token(), RENOUNCE, Map.of("id", grantFromDiaryAccess));

        assertEquals("REVOKED", renounced.getString("data.renounceTrustedAccess.trustedAccess.status"));
        assertEquals(List.of(), TrustSteps.seenAsTrusted(g.trusted()));
        assertEquals(1, fixtures.count("select count(*) from notification where account_id = ?1 and kind = 'ACCESS_RENOUNCED'",
                g.family().parent().id()));
    }

    @Test
    void aGrantIsSuspendedWhileTheInvitingParentHasNoDirectAccessAndActiveAgainAfter() throws Exception {
        Granted g = granted();
        Map<String, String> child = Map.of("c", g.family().child().toString());
        Person otherParent = fixtures.person();
        fixtures.guardianOf(g.family().child(), otherParent);

        // the inviting parent's verified phone changes at the identity provider: the school record no longer matches
        call(g.family().parent().token(Map.of("phone_number", "+79160001122", "phone_number_verified", true)),
                "{ me { id } }");
        assertEquals(List.of("SUSPENDED"), call(otherParent.token(), TRUSTED_PERSONS, child).getList("data.trustedPersons.status"));
        assertEquals(List.of(), TrustSteps.seenAsTrusted(g.trusted()));
        assertEquals("NOT_FOUND", errorCode(call(g.trusted().token(), "query($id: ID!) { child(id: $id) { id } }",
                Map.of("id", g.family().child().toString()))));

        // the class teacher records the new phone: the grant works again
        fixtures.guardian(g.family().child(), g.family().parent().email(), "+79160001122");
        assertEquals(List.of("ACTIVE"), call(otherParent.token(), TRUSTED_PERSONS, child).getList("data.trustedPersons.status"));
        assertEquals(List.of(g.family().child().toString()), TrustSteps.seenAsTrusted(g.trusted()));
    }

    @Test
    void theDatabaseHoldsAtMostOneLiveGrantPerPersonChildAndService() throws Exception {
        Granted g = granted();
        String duplicate = "insert into trusted_access (id, invitation_id, trusted_person_id, inviter_id, student_id,"
                + " service, granted_at) select gen_random_uuid(), invitation_id, trusted_person_id, inviter_id,"
                + " student_id, service, now() from trusted_access where id = cast(?1 as uuid)";

        assertThrows(Exception.class, () -> fixtures.execute(duplicate, g.grantId()));

        assertEquals(1, fixtures.count("select count(*) from trusted_access where trusted_person_id = ?1", g.trusted().id()));
    }

    @Test
    void malformedIdsAreBadInput() {
        Person parent = fixtures.person();
        assertEquals("BAD_USER_INPUT", errorCode(call(parent.token(), REVOKE, Map.of("id", "x"))));
        assertEquals("BAD_USER_INPUT", errorCode(call(parent.token(), TRUSTED_PERSONS, Map.of("c", TestData.unique("x")))));
    }
}
