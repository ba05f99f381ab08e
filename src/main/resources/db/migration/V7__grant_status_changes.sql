-- Issue 13: whether a live grant is ACTIVE or SUSPENDED stays computed on every read (access stops the moment the
-- inviting parent loses theirs). Stored here is only the status both parties were last told about: each run of the
-- activation job flips the rows whose computed status differs, in one statement that locks them
-- (FOR UPDATE SKIP LOCKED), and notifies in the same transaction, so every change is told exactly once, whatever
-- the number of instances. A grant is created ACTIVE (the job grants only while the inviter has direct access).
alter table trusted_access add column notified_status varchar(16) not null default 'ACTIVE'
    constraint trusted_access_notified_status_check check (notified_status in ('ACTIVE', 'SUSPENDED'));

-- diaryAccess tells a trusted person who sees no diary what ended their access: their ended grants, by person
-- (live ones are found through trusted_access_live_key)
create index trusted_access_person_ended_idx on trusted_access (trusted_person_id) where revoked_at is not null;
