package ru.ediary.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.ediary.test.GraphQL.call;
import static ru.ediary.trust.TrustSteps.DIARY_ACCESS;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import ru.ediary.test.Fixtures;
import ru.ediary.test.Fixtures.Person;

/** Brief rule 4 end to end, through GraphQL as the seed tells it. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class TrustedPersonJourneyTest {

    @Inject
    Fixtures fixtures;
    @Inject
    InvitationActivator activator;

    @Test
    void aParentInvitesByPhoneTheInviteeAcceptsAndTheJobGivesAccessToBothChildren() throws Exception {
        var family = fixtures.family();
        UUID secondChild = fixtures.student(family.schoolClass());
        fixtures.guardianOf(secondChild, family.parent());
        Person otherParent = fixtures.person();
        fixtures.guardianOf(family.child(), otherParent);
        Person grandmother = fixtures.invitee("Иванова");
        Map<String, Object> input = TrustSteps.byPhone(grandmother, List.of(family.child(), secondChild));
        input.put("phone", "8 " + grandmother.phone().substring(2));
        input.put("surname", "  ИВАНОВА ");

        // step 4: review
        JsonPath preview = call(family.parent().token(), TrustSteps.PREVIEW, Map.of("input", input));
        assertEquals(List.of(), preview.getList("data.invitationPreview.userErrors"));
        assertEquals("Электронный дневник", preview.getString("data.invitationPreview.preview.serviceName"));
        assertEquals("Иванова Тест", preview.getString("data.invitationPreview.preview.inviteeFullName"));
        assertEquals(2, preview.getList("data.invitationPreview.preview.children").size());

        // send
        JsonPath sent = TrustSteps.send(family.parent(), input);
        assertEquals(List.of(), sent.getList("data.sendInvitation.userErrors"));
        String invitation = sent.getString("data.sendInvitation.invitation.id");
        assertEquals("PENDING", sent.getString("data.sendInvitation.invitation.status"));
        // the inviter sees only what they typed, masked
        String identifier = sent.getString("data.sendInvitation.invitation.inviteeIdentifier");
        assertTrue(identifier.contains("*") && !identifier.contains(grandmother.phone().substring(5, 10)), identifier);

        // the invitee finds it in the notification centre
        JsonPath inbox = call(grandmother.token(), "{ notifications { edges { node { kind invitationId body } } } }");
        assertEquals("INVITATION_RECEIVED", inbox.getString("data.notifications.edges[0].node.kind"));
        assertEquals(invitation, inbox.getString("data.notifications.edges[0].node.invitationId"));

        // accepts; access follows within 24 hours
        assertEquals("ACCEPTED", TrustSteps.accept(grandmother, invitation));
        JsonPath waiting = call(grandmother.token(), DIARY_ACCESS);
        assertEquals(List.of(), waiting.getList("data.diaryAccess.children"));
        assertEquals(invitation, waiting.getString("data.diaryAccess.awaitingActivation[0].invitationId"));
        assertTrue(java.time.Instant.parse(waiting.getString("data.diaryAccess.awaitingActivation[0].expectedActivationAt"))
                .isBefore(java.time.Instant.now().plus(java.time.Duration.ofHours(24))));

        activator.runOnce();

        assertEquals(Set.of(family.child().toString(), secondChild.toString()),
                Set.copyOf(TrustSteps.seenAsTrusted(grandmother)));
        assertEquals(family.child().toString(), call(grandmother.token(), "query($id: ID!) { child(id: $id) { id } }",
                Map.of("id", family.child().toString())).getString("data.child.id"));
        JsonPath received = call(grandmother.token(),
                "{ receivedInvitations { edges { node { status inviter { fullName } inviteeIdentifier children { outcome } } } } }");
        assertEquals("ACTIVATED", received.getString("data.receivedInvitations.edges[0].node.status"));
        assertNull(received.get("data.receivedInvitations.edges[0].node.inviteeIdentifier"));
        assertEquals(List.of("GRANTED", "GRANTED"), received.getList("data.receivedInvitations.edges[0].node.children.outcome"));

        // both sides are told; the other parent learns who can now see the child
        assertEquals("INVITATION_ACTIVATED", call(family.parent().token(),
                "{ notifications { edges { node { kind } } } }").getString("data.notifications.edges[0].node.kind"));
        assertEquals("CHILD_ACCESS_GAINED", call(otherParent.token(),
                "{ notifications { edges { node { kind } } } }").getString("data.notifications.edges[0].node.kind"));
        // and every step is in the child's audit log, for both parents
        List<String> actions = call(otherParent.token(), "query($c: ID!) { auditLog(childId: $c) { edges { node { action } } } }",
                Map.of("c", family.child().toString())).getList("data.auditLog.edges.node.action");
        assertEquals(List.of("ACCESS_GRANTED", "INVITATION_ACCEPTED", "INVITATION_SENT"), actions);
    }

    @Test
    void aSecondJobRunChangesNothing() throws Exception {
        var family = fixtures.family();
        Person invitee = fixtures.invitee("Петрова");
        TrustSteps.accept(invitee, TrustSteps.invite(family.parent(), invitee, family.child()));
        activator.runOnce();
        long grants = fixtures.count("select count(*) from trusted_access where trusted_person_id = ?1", invitee.id());

        activator.runOnce();

        assertEquals(1, grants);
        assertEquals(grants, fixtures.count("select count(*) from trusted_access where trusted_person_id = ?1", invitee.id()));
    }
}
