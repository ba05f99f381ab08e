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
