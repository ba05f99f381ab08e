-- Issue 11: a contact counts only when verified (by the identity provider's claims or by a code this service
-- sent), and SNILS only comes from the identity provider. Everything stored before was typed in: unverified.
alter table account add column email_verified boolean not null default false;
alter table account add column phone_verified boolean not null default false;
alter table account add constraint account_email_verified_check check (not email_verified or email is not null);
alter table account add constraint account_phone_verified_check check (not phone_verified or phone is not null);
-- A typed SNILS proves nothing (anyone could squat one): only an identity provider's claim sets it from now on.
update account set snils = null where snils is not null;

-- A contact typed into the profile (updateMyProfile) waits here, unverified, until its owner enters the code sent
-- to it (confirmContact); the verified value in the account stays in force until then. One pending value per
-- account and channel: a new one replaces the old (and its code).
create table contact_confirmation (
    account_id  uuid not null references account (id) on delete cascade,
    channel     varchar(8) not null check (channel in ('EMAIL', 'PHONE')),
    -- lower-case e-mail or E.164 phone, as it will be stored in the account once confirmed
    value       varchar(254) not null,
    -- only a hash of the one-time code is kept
    code_hash   varchar(128) not null,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    attempts    integer not null default 0 check (attempts >= 0),
    version     bigint not null default 0,
    primary key (account_id, channel),
    check (channel <> 'EMAIL' or value = lower(value)),
    check (channel <> 'PHONE' or value ~ '^\+[1-9][0-9]{6,14}$')
);

-- The access rule of brief rules 1 and 2, defined once: an account sees an enrolled child directly when its
-- VERIFIED e-mail and VERIFIED phone both equal the child's own school-recorded contacts (SELF) or a
-- legal-representative record of the child (PARENT). Every reader and the activation job select from this view.
-- Written with UNION ALL and no DISTINCT so the planner pushes "account_id = ?" or "student_id = any(?)" into
-- both branches and each branch runs on the indexes below (an account may appear twice for one child when two
-- records carry the same contacts; readers take any row as proof).
create index account_verified_contacts_idx on account (email, phone) where email_verified and phone_verified;

create view direct_access as
select a.id as account_id, s.id as student_id, 'SELF'::varchar(8) as capacity
from account a
join student s on s.email = a.email and s.phone = a.phone
where a.email_verified and a.phone_verified and s.status = 'ENROLLED'
union all
select a.id, g.student_id, 'PARENT'::varchar(8)
from account a
join guardian_contact g on g.email = a.email and g.phone = a.phone
join student s on s.id = g.student_id
where a.email_verified and a.phone_verified and s.status = 'ENROLLED';

-- A digest of the identity claims (e-mail, phone, their verification flags, SNILS) last taken in from the
-- account's token. Claims are applied again only when they differ from it, so a request costs no write, and a
-- contact confirmed here by code is not undone by a token that still asserts the provider's older value.
alter table account add column identity_claims_hash varchar(64);
