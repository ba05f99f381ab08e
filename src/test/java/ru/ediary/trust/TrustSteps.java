package ru.ediary.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static ru.ediary.test.GraphQL.call;

import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import ru.ediary.test.Fixtures.Person;
import ru.ediary.test.TestData;

/** The seed's steps as a client performs them, for trusted-person tests. */
final class TrustSteps {

    static final String PREVIEW = """
            query($input: InvitationInput!) {
              invitationPreview(input: $input) {
                preview { service serviceName inviteeFullName children { id fullName } }
                userErrors { field code message }
              }
            }""";
    static final String SEND = """
            mutation($input: InvitationInput!, $key: String!) {
              sendInvitation(input: $input, idempotencyKey: $key) {
                invitation { id status inviteeIdentifier invitee { fullName } inviter { fullName }
                             children { id fullName outcome } expiresAt }
                userErrors { field code message }
              }
            }""";
    static final String TRANSITION = """
            mutation($id: ID!) {
              %s(id: $id) {
                invitation { id status acceptedAt expectedActivationAt closedAt children { id outcome } }
                userErrors { field code }
              }
            }""";
    static final String DIARY_ACCESS = """
            { diaryAccess { children { capacity trustedAccessId child { id } }
                            awaitingActivation { invitationId expectedActivationAt } } }""";

    private TrustSteps() {
    }

    static Map<String, Object> byPhone(Person invitee, List<UUID> children) {
        Map<String, Object> input = new HashMap<>();
        input.put("service", "ELECTRONIC_DIARY");
        input.put("childIds", children.stream().map(UUID::toString).toList());
        input.put("phone", invitee.phone());
        input.put("surname", invitee.lastName());
        return input;
    }

    static JsonPath send(Person parent, Map<String, Object> input) {
        return send(parent, input, TestData.unique("key"));
    }

    static JsonPath send(Person parent, Map<String, Object> input, String key) {
        return call(parent.token(), SEND, Map.of("input", input, "key", key));
    }

    /** Sends an invitation that must succeed, and returns its id. */
    static String invite(Person parent, Person invitee, UUID... children) {
        JsonPath sent = send(parent, byPhone(invitee, List.of(children)));
        assertEquals(List.of(), sent.getList("data.sendInvitation.userErrors"), sent.prettify());
        return sent.getString("data.sendInvitation.invitation.id");
    }

    static JsonPath transition(String mutation, Person who, String invitationId) {
        return call(who.token(), TRANSITION.formatted(mutation), Map.of("id", invitationId));
    }

    static String accept(Person invitee, String invitationId) {
        JsonPath answer = transition("acceptInvitation", invitee, invitationId);
        assertEquals(List.of(), answer.getList("data.acceptInvitation.userErrors"), answer.prettify());
        return answer.getString("data.acceptInvitation.invitation.status");
    }

    static List<String> seenAsTrusted(Person person) {
        JsonPath access = call(person.token(), DIARY_ACCESS);
        return access.getList("data.diaryAccess.children.findAll { it.capacity == 'TRUSTED_PERSON' }.child.id");
    }
}
