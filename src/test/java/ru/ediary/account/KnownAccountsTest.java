package ru.ediary.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.ediary.test.GraphQL.call;
import static ru.ediary.test.GraphQL.errorCode;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import ru.ediary.test.Fixtures;
import ru.ediary.test.Fixtures.ClassRef;
import ru.ediary.test.Fixtures.Person;
import ru.ediary.test.SqlRecorder;
import ru.ediary.test.SqlRecorder.Cost;

/**
 * A request that needs only the caller's account id skips the account's read when this instance has found the
 * account in line with the same claims before ({@link AccountService#knownAccountId}); other claims are read and
 * synced as on a first call.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class KnownAccountsTest {

    /** Needs only the caller's id (the child is read by who may read it); a random child: NOT_FOUND. */
    private static final String BY_ID_ONLY = "{ child(id: \"%s\") { id } }";

    @Inject
    Fixtures fixtures;
    @Inject
    EntityManager em;
    @Inject
    @PersistenceUnitExtension
    SqlRecorder recorder;

    private static boolean readsTheAccount(Cost cost) {
        return cost.statements().stream().anyMatch(statement -> statement.sql().contains("subject=?"));
    }

    private Cost byIdOnly(String token) {
        JsonPath[] answer = new JsonPath[1];
        Cost cost = recorder.record(() -> answer[0] = call(token, BY_ID_ONLY.formatted(UUID.randomUUID())));
        assertEquals("NOT_FOUND", errorCode(answer[0]), answer[0].prettify());
        return cost;
    }

    private String storedEmail(UUID account) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em
                .createNativeQuery("select email from account where id = ?1").setParameter(1, account).getSingleResult());
    }

    @Test
    void theSameClaimsAgainNeedNoAccountRead() {
        Person person = fixtures.person();
        byIdOnly(person.token()); // reads the account (and would register it if it were new)

        Cost again = byIdOnly(person.token());
        assertFalse(readsTheAccount(again), again.describe());
    }

    @Test
    void changedContactClaimsAreReadAndSyncedThoughTheIdIsKnown() {
        Person person = fixtures.person();
        String first = "known-" + UUID.randomUUID() + "@example.ru";
        String second = "changed-" + UUID.randomUUID() + "@example.ru";
        byIdOnly(person.token(Map.of("email", first, "email_verified", true)));
        assertEquals(first, storedEmail(person.id()));
        assertFalse(readsTheAccount(byIdOnly(person.token(Map.of("email", first, "email_verified", true)))));

        Cost changed = byIdOnly(person.token(Map.of("email", second, "email_verified", true)));

        assertTrue(readsTheAccount(changed), changed.describe());
        assertEquals(second, storedEmail(person.id()));
        Cost verifiedFlagChanged = byIdOnly(person.token(Map.of("email", second, "email_verified", false)));
        assertTrue(readsTheAccount(verifiedFlagChanged), verifiedFlagChanged.describe());
    }

    @Test
    void aKnownIdIsOnlyEverTheTokensOwnSubjects() {
        ClassRef schoolClass = fixtures.schoolClass(fixtures.school(), null);
        Person parent = fixtures.person();
        UUID child = fixtures.student(schoolClass);
        fixtures.guardianOf(child, parent);
        Person stranger = fixtures.person();
        String read = "{ child(id: \"" + child + "\") { id } }";
        for (int i = 0; i < 2; i++) { // the second time both ids are known
            assertEquals(child.toString(), call(parent.token(), read).getString("data.child.id"));
            assertEquals("NOT_FOUND", errorCode(call(stranger.token(), read)));
        }
    }
}
