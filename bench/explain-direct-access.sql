-- The direct_access view's plans on synthetic data (100k students, 150k guardian records, 105k accounts,
-- 20k accepted invitations), in a throw-away schema. Run from the repository root:
--   psql -h 127.0.0.1 -U postgres -f bench/explain-direct-access.sql
-- (docs/access-rule.md quotes the outcome). Drops the schema at the end.
drop schema if exists ediary_explain_direct_access cascade;
create schema ediary_explain_direct_access;
set search_path = ediary_explain_direct_access;
\i src/main/resources/db/migration/V1__accounts_and_school_records.sql
\i src/main/resources/db/migration/V2__trusted_persons.sql
\i src/main/resources/db/migration/V3__diary.sql
\i src/main/resources/db/migration/V4__rate_limits_per_caller.sql
\i src/main/resources/db/migration/V5__verified_identity.sql
insert into school values ('10000000-0000-4000-8000-000000000001', 'S', 'sys', now());
insert into school_class (id, school_id, external_id, name) select md5('c'||g)::uuid, '10000000-0000-4000-8000-000000000001', 'c'||g, '5А' from generate_series(1,2000) g;
insert into student (id, school_id, class_id, external_id, last_name, first_name, birth_date, status, email, phone)
  select md5('s'||g)::uuid, '10000000-0000-4000-8000-000000000001', md5('c'||(g%2000+1))::uuid, 's'||g, 'И', 'М', '2015-01-01',
  case when g % 300 = 0 then 'WITHDRAWN' else 'ENROLLED' end,
  case when g % 4 = 0 then 's'||g||'@x.ru' end, case when g % 4 = 0 then '+7900'||lpad(g::text,7,'0') end
  from generate_series(1,100000) g;
insert into guardian_contact (id, student_id, last_name, first_name, relation, email, phone)
  select md5('g'||g)::uuid, md5('s'||(g%100000+1))::uuid, 'И', 'А', 'MOTHER', 'p'||(g%80000)||'@x.ru', '+7916'||lpad((g%80000)::text,7,'0') from generate_series(1,150000) g;
insert into account (id, subject, email, email_verified, phone, phone_verified)
  select md5('a'||g)::uuid, 'a'||g, 'p'||g||'@x.ru', g % 10 <> 0, '+7916'||lpad(g::text,7,'0'), true from generate_series(0,79999) g;
insert into account (id, subject, email, email_verified, phone, phone_verified)
  select md5('sa'||g)::uuid, 'sa'||g, 's'||g||'@x.ru', true, '+7900'||lpad(g::text,7,'0'), true from generate_series(4,100000,4) g;
insert into invitation (id, inviter_id, invitee_id, service, status, idempotency_key, request_hash, invitee_identifier, created_at, expires_at, accepted_at, activate_after)
 select md5('i'||g)::uuid, md5('a'||g)::uuid, md5('a'||(g+40000))::uuid, 'ELECTRONIC_DIARY', 'ACCEPTED', 'k'||g, 'h', 'x', now(), now()+interval '30 days', now(), now() from generate_series(1,20000) g;
insert into invitation_child select md5('i'||g)::uuid, g2.student_id from generate_series(1,20000) g cross join lateral (select student_id from guardian_contact where email = 'p'||g||'@x.ru' limit 1) g2;
analyze;
\echo === per account (directChildren, capacityOf): account_pkey, then student_contact_idx / guardian_contact_match_idx
explain (costs off) select * from direct_access where account_id = md5('a17')::uuid;
\echo === per children (parentsOf): guardian_contact_student_idx, then account_verified_contacts_idx
explain (costs off) select student_id, account_id from direct_access where capacity = 'PARENT' and student_id in (md5('s18')::uuid, md5('s19')::uuid);
\echo === activation batch of 500: LATERAL (index lookups per pair) against EXISTS (semi-join over the whole view)
\timing on
select count(*) from invitation i join invitation_child ic on ic.invitation_id = i.id where i.id in (select md5('i'||g)::uuid from generate_series(1,500) g) and exists (select 1 from direct_access d where d.account_id = i.inviter_id and d.student_id = ic.student_id and d.capacity = 'PARENT');
select count(*) from invitation i join invitation_child ic on ic.invitation_id = i.id
  cross join lateral (select 1 from direct_access d where d.account_id = i.inviter_id and d.student_id = ic.student_id and d.capacity = 'PARENT' limit 1) d
  where i.id in (select md5('i'||g)::uuid from generate_series(1,500) g);
\timing off
drop schema ediary_explain_direct_access cascade;
