package ru.ediary.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Settings of this service under {@code ediary.*}; defaults documented here and in the README. */
@ConfigMapping(prefix = "ediary")
public interface EdiaryConfig {

    Db db();

    Roster roster();

    DevTokens devTokens();

    Trust trust();

    Diary diary();

    Feed feed();

    Metrics metrics();

    Confirmation confirmation();

    Graphql graphql();

    interface Graphql {
        /**
         * Whether {@code __schema} and {@code __type} answer: {@code default} (they do) or {@code no-introspection}
         * (refused; production's default, {@code GRAPHQL_FIELD_VISIBILITY}). Applied with graphql-java's own switch
         * (api.GraphQLEngine), not with SmallRye's field visibility, which checks every field of every answer.
         */
        @WithDefault("default")
        FieldVisibility fieldVisibility();

        enum FieldVisibility {
            DEFAULT, NO_INTROSPECTION
        }
    }

    interface Metrics {
        /**
         * Distinct client-chosen operation names kept as metric tags; later new names count as "other", so a
         * client cannot grow the metrics without bound.
         */
        @WithDefault("100")
        int maxOperationNames();

        /** How long database-read gauges (invitations by state) reuse one reading, so scrapes stay cheap. */
        @WithDefault("PT5S")
        java.time.Duration gaugeReuse();
    }

    interface Feed {
        /** upsertRoster and upsertDiaryEntries calls one school system may make per window. */
        @WithDefault("600")
        int batchLimit();

        @WithDefault("PT1H")
        java.time.Duration batchWindow();

        /**
         * Most userErrors one refused batch answers; past it the answer starts with TOO_MANY_ERRORS and checking
         * stops, so a feed of garbage is answered as fast as a good one.
         */
        @WithDefault("100")
        int maxUserErrors();
    }

    interface Diary {
        /** Entries one upsertDiaryEntries call may carry. */
        @WithDefault("1000")
        int maxBatch();

        /** Lessons one upsertLessons call may carry (each with up to 60 pupils and 10 marks a pupil). */
        @WithDefault("200")
        int maxLessons();

        /** Groups one upsertLessonGroups call may carry. */
        @WithDefault("500")
        int maxGroups();

        /** Widest date range one diary query may ask for. */
        @WithDefault("93")
        int maxRangeDays();

        /** How far back a lesson date may lie. */
        @WithDefault("P3Y")
        java.time.Period maxPast();

        /** How far ahead a lesson date may lie (planned lessons and homework). */
        @WithDefault("P1Y")
        java.time.Period maxFuture();

        /** Marks shown as "recent" on a child. */
        @WithDefault("5")
        int recentMarks();

        /**
         * How often the school-year partitions of the diary tables are checked and created ahead (a Quarkus
         * scheduler interval; see DiaryPartitions).
         */
        @WithDefault("6h")
        String partitionCheck();

        /** Time zone of the school day: reads are audited once per day in it. */
        @WithDefault("Europe/Moscow")
        java.time.ZoneId zone();
    }

    interface Trust {
        /** Invitee lookups (preview or send) one inviter may make per window. */
        @WithDefault("20")
        int lookupLimit();

        @WithDefault("PT1H")
        java.time.Duration lookupWindow();

        /** Live grants plus open invitations one child may have. */
        @WithDefault("10")
        int maxTrustedPersonsPerChild();

        /** Children one invitation may name. */
        @WithDefault("20")
        int maxChildrenPerInvitation();

        /** How long an invitation waits for an answer before it expires. */
        @WithDefault("P30D")
        java.time.Duration invitationTtl();

        /** Time between acceptance and the earliest activation. */
        @WithDefault("PT0S")
        java.time.Duration activationDelay();

        /** How often the activation job runs (a Quarkus scheduler interval). */
        @WithDefault("60s")
        String activationInterval();

        /** Delay of the job's first run after start-up. */
        @WithDefault("10s")
        String activationInitialDelay();

        /** Whether this instance runs the job; every instance may, safely. */
        @WithDefault("true")
        boolean activationEnabled();

        /** Invitations claimed per transaction. */
        @WithDefault("500")
        int activationBatchSize();

        /** Batches per run, so one run is bounded in time too. */
        @WithDefault("200")
        int activationMaxBatches();

        /** Oldest accepted invitation age above which the activation health check reports DOWN. */
        @WithDefault("PT2H")
        java.time.Duration maxActivationLag();
    }

    interface Db {
        /** Host checked before start-up; the JDBC URL is built from the same value. */
        String host();

        int port();

        /** Schema that holds every table of this service; tests use their own. */
        String schema();

        /** Drop everything before migrating: tests only, so each run starts clean. */
        @WithDefault("false")
        boolean cleanAtStart();

        /** How long start-up waits for PostgreSQL before it stops with one clear line. */
        @WithDefault("3")
        int connectTimeoutSeconds();
    }

    interface Roster {
        /** Most students one upsertRoster call may carry. */
        @WithDefault("5000")
        int maxStudents();

        /** Most classes one upsertRoster call may carry. */
        @WithDefault("500")
        int maxClasses();

        /** Most guardian contacts recorded for one student. */
        @WithDefault("6")
        int maxGuardiansPerStudent();
    }

    interface DevTokens {
        /** PEM private key that signs dev tokens; set in the dev profile only. */
        Optional<String> signingKey();

        /** Lifetime of a dev token. */
        @WithDefault("PT12H")
        java.time.Duration lifetime();
    }

    /** One-time codes that confirm an e-mail or phone typed into the profile (updateMyProfile, confirmContact). */
    interface Confirmation {
        /** How long a code may be entered. */
        @WithDefault("PT10M")
        java.time.Duration codeTtl();

        /** Wrong codes allowed per code; then the code is dead and a new one must be requested. */
        @WithDefault("5")
        int maxAttempts();

        /** Codes (first sends and resends) one account may request per channel and window, on all instances. */
        @WithDefault("5")
        int sendLimit();

        @WithDefault("PT1H")
        java.time.Duration sendWindow();

        /** Bearer token for the SMS gateway (SMS_GATEWAY_TOKEN); none is sent when absent. */
        Optional<String> smsGatewayToken();

        /** Sender name the SMS gateway shows (SMS_SENDER). */
        @WithDefault("EDIARY")
        String smsSender();
    }

    /** Where a person's verified identity comes from (issue 11). */
    Identity identity();

    interface Identity {
        /**
         * Token claim that carries the person's SNILS. Only an identity provider that checked the SNILS against
         * the state register may assert it (the state portal's does); it is never typed into this service.
         */
        @WithDefault("snils")
        String snilsClaim();

        /**
         * How many callers' account ids each instance remembers (by token subject, with the contact claims that
         * token carried), so a request that needs only the id (a diary page) does not read the account again while
         * the claims stay the same. 0 turns it off.
         */
        @WithDefault("20000")
        int knownAccounts();

        /**
         * How long an account id is remembered: a bound on how long this instance goes without reading an account
         * whose claims another instance has brought in line with a different token.
         */
        @WithDefault("PT10M")
        java.time.Duration knownAccountsTtl();
    }
}
