package ru.ediary.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static ru.ediary.test.GraphQL.call;

import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A person changing their e-mail or phone the way the API allows: type it into the profile, then enter the code
 * that arrived (read from the test SMTP server or SMS gateway, {@link ContactDeliveryServers}).
 */
public final class ContactSteps {

    public static final String UPDATE = """
            mutation($input: ProfileInput!) {
              updateMyProfile(input: $input) {
                account {
                  email emailVerified phone phoneVerified
                  pendingEmail { value codeExpiresAt attemptsLeft }
                  pendingPhone { value codeExpiresAt attemptsLeft }
                }
                userErrors { field code message }
              }
            }""";
    public static final String CONFIRM = """
            mutation($input: ConfirmContactInput!) {
              confirmContact(input: $input) {
                account { email emailVerified phone phoneVerified pendingEmail { value } pendingPhone { value } }
                userErrors { field code message }
              }
            }""";

    private ContactSteps() {
    }

    /** Types the contacts (null: left out) and confirms each with the code sent to it; fails if anything fails. */
    public static void typeAndConfirm(String token, String email, String phone) {
        Map<String, Object> input = new HashMap<>();
        if (email != null) {
            input.put("email", email);
        }
        if (phone != null) {
            input.put("phone", phone);
        }
        JsonPath typed = call(token, UPDATE, Map.of("input", input));
        assertEquals(List.of(), typed.getList("data.updateMyProfile.userErrors"), typed.prettify());
        String pendingEmail = typed.getString("data.updateMyProfile.account.pendingEmail.value");
        if (pendingEmail != null) {
            confirm(token, "EMAIL", ContactDeliveryServers.lastEmailCode(pendingEmail).orElseThrow());
        }
        String pendingPhone = typed.getString("data.updateMyProfile.account.pendingPhone.value");
        if (pendingPhone != null) {
            confirm(token, "PHONE", ContactDeliveryServers.lastSmsCode(pendingPhone).orElseThrow());
        }
    }

    public static JsonPath confirm(String token, String channel, String code) {
        JsonPath answer = call(token, CONFIRM, Map.of("input", Map.of("channel", channel, "code", code)));
        assertEquals(List.of(), answer.getList("data.confirmContact.userErrors"), answer.prettify());
        return answer;
    }
}
