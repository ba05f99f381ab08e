package ru.ediary.dev;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.jwt.build.Jwt;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ru.ediary.account.Account;
import ru.ediary.account.AccountRepository;
import ru.ediary.account.confirmation.ContactChannel;
import ru.ediary.account.confirmation.ContactConfirmation;
import ru.ediary.account.Roles;
import ru.ediary.config.EdiaryConfig;
import ru.ediary.school.School;
import ru.ediary.school.SchoolClassRepository;
import ru.ediary.school.SchoolRepository;

/**
 * Dev mode only: mints a signed token for each demo account and school system, so GraphiQL can be tried without
 * an identity server, and shows the confirmation codes it "sent" ({@code /dev/codes/<subject>}). The bean, and so
 * the routes, are removed from any build that is not a dev build.
 */
@IfBuildProfile("dev")
@ApplicationScoped
public class DevTokenRoutes {

    static final String ISSUER = "ediary-dev";
    private static final Pattern SIX_DIGITS = Pattern.compile("(?<![0-9])[0-9]{6}(?![0-9])");

    private final EdiaryConfig config;
    private final AccountRepository accounts;
    private final SchoolRepository schools;
    private final SchoolClassRepository classes;
    private final MockMailbox mailbox;
    private final DevSmsOutbox sms;
    private volatile PrivateKey signingKey;

    DevTokenRoutes(EdiaryConfig config, AccountRepository accounts, SchoolRepository schools,
            SchoolClassRepository classes, MockMailbox mailbox, DevSmsOutbox sms) {
        this.config = config;
        this.mailbox = mailbox;
        this.sms = sms;
        this.accounts = accounts;
        this.schools = schools;
        this.classes = classes;
    }

    void register(@Observes Router router) {
        router.get("/dev/tokens").blockingHandler(this::list);
        router.get("/dev/tokens/:subject").blockingHandler(this::one);
        router.get("/dev/codes/:subject").blockingHandler(this::codes);
    }

    /**
     * The last confirmation codes sent to a demo account's pending e-mail and phone (read from the mock mailer and
     * the dev SMS outbox), so the confirmContact flow can be tried without a mailbox or a phone.
     */
    private void codes(RoutingContext context) {
        String subject = context.pathParam("subject");
        try {
            var out = Json.createObjectBuilder();
            boolean known = QuarkusTransaction.requiringNew().call(() -> {
                var account = accounts.findBySubject(subject);
                if (account.isEmpty()) {
                    return false;
                }
                for (ContactChannel channel : ContactChannel.values()) {
                    ContactConfirmation pending = ContactConfirmation.findById(
                            new ContactConfirmation.Key(account.get().id, channel));
                    if (pending == null) {
                        continue;
                    }
                    String text = channel == ContactChannel.EMAIL
                            ? mailbox.getMailsSentTo(pending.value).stream().reduce((a, b) -> b).map(Mail::getText)
                                    .orElse(null)
                            : sms.lastTo(pending.value).orElse(null);
                    Matcher code = text == null ? null : SIX_DIGITS.matcher(text);
                    out.add(channel.name(), Json.createObjectBuilder()
                            .add("to", pending.value)
                            .add("code", code != null && code.find() ? code.group() : "")
                            .add("expiresAt", pending.expiresAt.toString()));
                }
                return true;
            });
            if (!known) {
                context.response().setStatusCode(404).end("No demo account '" + subject + "'\n");
            } else {
                context.response().putHeader("Content-Type", "application/json; charset=utf-8")
                        .end(out.build().toString());
            }
        } catch (RuntimeException e) {
            context.fail(e);
        }
    }

    /** Just the token of one demo account or school system, for shell use: {@code curl .../dev/tokens/demo-anna}. */
    private void one(RoutingContext context) {
        String subject = context.pathParam("subject");
        try {
            String token = QuarkusTransaction.requiringNew().call(() -> {
                var account = accounts.findBySubject(subject);
                if (account.isPresent()) {
                    return personToken(account.get(), teacherRoles(account.get()));
                }
                return schools.findBySystemClientId(subject.replaceFirst("^service-account-", ""))
                        .map(school -> systemToken(school.systemClientId)).orElse(null);
            });
            if (token == null) {
                context.response().setStatusCode(404).end("No demo account or school system '" + subject + "'\n");
            } else {
                context.response().putHeader("Content-Type", "text/plain").end(token);
            }
        } catch (RuntimeException e) {
            context.fail(e);
        }
    }

    private Set<String> teacherRoles(Account account) {
        return !classes.findLedBy(account.snils).isEmpty() ? Set.of(Roles.TEACHER) : Set.of();
    }

    private void list(RoutingContext context) {
        try {
            JsonArrayBuilder out = Json.createArrayBuilder();
            QuarkusTransaction.requiringNew().run(() -> {
                for (Account account : accounts.listAll(io.quarkus.panache.common.Sort.by("subject"))) {
                    Set<String> roles = teacherRoles(account);
                    out.add(Json.createObjectBuilder()
                            .add("subject", account.subject)
                            .add("fullName", account.fullName())
                            .add("roles", Json.createArrayBuilder(roles))
                            .add("authorization", "Bearer " + personToken(account, roles)));
                }
                for (School school : schools.listAll()) {
                    if (school.systemClientId != null) {
                        out.add(Json.createObjectBuilder()
                                .add("subject", "service-account-" + school.systemClientId)
                                .add("fullName", "Школьная система: " + school.name)
                                .add("roles", Json.createArrayBuilder(Set.of(Roles.SCHOOL_SYSTEM)))
                                .add("authorization", "Bearer " + systemToken(school.systemClientId)));
                    }
                }
            });
            context.response().putHeader("Content-Type", "application/json; charset=utf-8")
                    .end(out.build().toString());
        } catch (RuntimeException e) {
            context.fail(e);
        }
    }

    private String personToken(Account account, Set<String> roles) {
        var claims = Jwt.issuer(ISSUER).subject(account.subject).audience(audience()).groups(roles)
                .expiresIn(config.devTokens().lifetime());
        // the same claims a real identity provider sends, verification flags and SNILS included, as the demo
        // account holds them: the profile is registered and kept in line from them
        claimIfPresent(claims, "family_name", account.lastName);
        claimIfPresent(claims, "given_name", account.firstName);
        claimIfPresent(claims, "middle_name", account.middleName);
        if (account.email != null) {
            claims.claim("email", account.email).claim("email_verified", account.emailVerified);
        }
        if (account.phone != null) {
            claims.claim("phone_number", account.phone).claim("phone_number_verified", account.phoneVerified);
        }
        claimIfPresent(claims, config.identity().snilsClaim(), account.snils);
        return claims.jws().keyId("dev").sign(key());
    }

    private String systemToken(String clientId) {
        return Jwt.issuer(ISSUER).subject("service-account-" + clientId).audience(audience())
                .claim("azp", clientId).groups(Set.of(Roles.SCHOOL_SYSTEM))
                .expiresIn(config.devTokens().lifetime()).jws().keyId("dev").sign(key());
    }

    private static void claimIfPresent(io.smallrye.jwt.build.JwtClaimsBuilder claims, String name, String value) {
        if (value != null) {
            claims.claim(name, value);
        }
    }

    private String audience() {
        return org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.oidc.token.audience", String.class);
    }

    private PrivateKey key() {
        if (signingKey == null) {
            String location = config.devTokens().signingKey()
                    .orElseThrow(() -> new IllegalStateException("ediary.dev-tokens.signing-key is not set"));
            try {
                signingKey = io.smallrye.jwt.util.KeyUtils.decodePrivateKey(Files.readString(Path.of(location)));
            } catch (Exception e) {
                throw new IllegalStateException("Cannot read the dev signing key " + location, e);
            }
        }
        return signingKey;
    }
}
