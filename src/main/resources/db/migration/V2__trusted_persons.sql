-- Trusted persons (brief rule 4): invitations, grants, notifications, audit, rate limits.

create table invitation (
    id                  uuid primary key,
    inviter_id          uuid not null references account (id),
    invitee_id          uuid not null references account (id),
    service             varchar(32) not null check (service in ('ELECTRONIC_DIARY')),
    status              varchar(16) not null check (status in
                            ('PENDING', 'ACCEPTED', 'ACTIVATED', 'DECLINED', 'CANCELLED', 'EXPIRED', 'FAILED')),
    -- the inviter's own key: a repeated or concurrent send with the same key creates one invitation
    idempotency_key     varchar(64) not null,
    request_hash        varchar(64) not null,
    -- what the inviter typed to find the invitee, masked: all the inviter ever sees of it
    invitee_identifier  varchar(32) not null,
    created_at          timestamptz not null,
    expires_at          timestamptz not null,
    accepted_at         timestamptz,
    activate_after      timestamptz,
    closed_at           timestamptz,
    version             bigint not null default 0,
    check (inviter_id <> invitee_id),
    check (status <> 'ACCEPTED' or activate_after is not null),
    unique (inviter_id, idempotency_key)
);
-- the activation job claims due accepted invitations, oldest first
create index invitation_due_idx on invitation (activate_after) where status = 'ACCEPTED';
create index invitation_expiry_idx on invitation (expires_at) where status = 'PENDING';
create index invitation_inviter_idx on invitation (inviter_id, created_at desc, id desc);
create index invitation_invitee_idx on invitation (invitee_id, created_at desc, id desc);

create table invitation_child (
    invitation_id uuid not null references invitation (id) on delete cascade,
    student_id    uuid not null references student (id),
    -- set at activation: GRANTED, or SKIPPED when the inviter had lost direct access to this child
    outcome       varchar(16) check (outcome in ('GRANTED', 'SKIPPED')),
    primary key (invitation_id, student_id)
);
create index invitation_child_student_idx on invitation_child (student_id);

create table trusted_access (
    id                uuid primary key,
    invitation_id     uuid not null references invitation (id),
    trusted_person_id uuid not null references account (id),
    inviter_id        uuid not null references account (id),
    student_id        uuid not null references student (id),
    service           varchar(32) not null check (service in ('ELECTRONIC_DIARY')),
    granted_at        timestamptz not null,
    -- null while live; whether a live grant is ACTIVE or SUSPENDED follows from the inviter's current access
    revoked_at        timestamptz,
    revoked_by        uuid references account (id),
    revoke_reason     varchar(16) check (revoke_reason in ('REVOKED', 'RENOUNCED')),
    version           bigint not null default 0,
    check ((revoked_at is null) = (revoke_reason is null)),
    -- one activation of an invitation grants each child once, however often the job runs
    unique (invitation_id, student_id)
);
-- at most one live grant per trusted person, child and service
create unique index trusted_access_live_key on trusted_access (trusted_person_id, student_id, service)
    where revoked_at is null;
create index trusted_access_student_idx on trusted_access (student_id) where revoked_at is null;

create table notification (
    id            uuid primary key,
    account_id    uuid not null references account (id),
    kind          varchar(40) not null,
    title         varchar(200) not null,
    body          varchar(2000) not null,
    invitation_id uuid references invitation (id),
    student_id    uuid references student (id),
    created_at    timestamptz not null,
    read_at       timestamptz
);
create index notification_inbox_idx on notification (account_id, created_at desc, id desc);
create index notification_unread_idx on notification (account_id, created_at desc, id desc) where read_at is null;

create table audit_event (
    id                uuid primary key,
    occurred_at       timestamptz not null,
    -- null when the activation job acted
    actor_id          uuid references account (id),
    action            varchar(40) not null,
    student_id        uuid references student (id),
    invitation_id     uuid references invitation (id),
    trusted_access_id uuid references trusted_access (id),
    -- the trusted person the event is about
    subject_id        uuid references account (id)
);
create index audit_event_student_idx on audit_event (student_id, occurred_at desc, id desc);

-- Fixed-window counters, shared by every instance of the server.
create table rate_limit_window (
    account_id   uuid not null references account (id),
    action       varchar(32) not null,
    window_start timestamptz not null,
    hits         integer not null,
    primary key (account_id, action, window_start)
);
