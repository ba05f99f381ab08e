package ru.ediary.account;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import ru.ediary.api.ApiException;
import ru.ediary.api.ForbiddenException;
import ru.ediary.api.UnauthenticatedException;
import ru.ediary.config.EdiaryConfig;

/** Who is calling, as the verified token says. One per request. */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;
    @Inject
    JsonWebToken token;
    @Inject
    AccountService accounts;
    @Inject
    EdiaryConfig config;

    private Account account;
    private UUID accountId;

    public void requireAuthenticated() throws UnauthenticatedException {
        if (identity.isAnonymous()) {
            throw new UnauthenticatedException();
        }
    }

    public boolean isTeacher() {
        return !identity.isAnonymous() && identity.hasRole(Roles.TEACHER);
    }

    public boolean isSchoolSystem() {
        return !identity.isAnonymous() && identity.hasRole(Roles.SCHOOL_SYSTEM);
    }

    /** The OIDC client a machine token was issued to (Keycloak puts it in {@code azp}). */
    public String clientId() {
        for (String claim : new String[] {"azp", "client_id"}) {
            Object value = token.getClaim(claim);
            if (value != null) {
                return value.toString().replace("\"", "");
            }
        }
        return token.getSubject();
    }

    /** The calling person's token claims, without touching the database. */
    public TokenProfile personProfile() throws ApiException {
        requireAuthenticated();
        if (isSchoolSystem()) {
            throw new ForbiddenException("Операция доступна только пользователям портала.");
        }
        return TokenProfile.of(token, config.identity().snilsClaim());
    }

    /**
     * The calling person's account, registered from the token's claims on the first call and brought in line
     * with them on the request's first call (a write only when they differ), so a change made at the identity
     * provider counts from the next request on. Read once per request: every resolver of the request shares it.
     * When this instance has already found the account in line with the same claims, the id is answered without
     * reading it ({@link AccountService#knownAccountId}).
     */
    public UUID accountId() throws ApiException {
        if (account == null && accountId == null) {
            // the id alone needs no statement when this instance already found the account in line with these claims
            accountId = accounts.knownAccountId(personProfile());
        }
        return accountId != null ? accountId : account().id;
    }

    /** The calling person's account as the request's first call found it (see {@link #accountId()}); do not change it. */
    public Account account() throws ApiException {
        if (account == null) { // set only after the checks passed, for this request's one caller
            account = accounts.ensureRegistered(personProfile());
        }
        return account;
    }
}
