-- The activation job's statements (InvitationActivator) for one batch of 500 due invitations, explained with
-- ANALYZE inside a transaction that is rolled back. Each statement is preceded by a "-- name" line that
-- bench/explain.sh reports.

set search_path = ediary;
begin;
create temporary table batch on commit drop as
select id from invitation where status = 'ACCEPTED' and activate_after <= now() order by activate_after limit 500;
-- the job binds the claimed ids as a list, as here
select string_agg(quote_literal(id::text) || '::uuid', ',') as ids from batch \gset
\echo -- activation-claim
explain (analyze, buffers) select id from invitation where status = 'ACCEPTED' and activate_after <= now()
order by activate_after limit 500 for update skip locked;
\echo -- activation-grant
explain (analyze, buffers)
insert into trusted_access (id, invitation_id, trusted_person_id, inviter_id, student_id, service, granted_at)
select gen_random_uuid(), i.id, i.invitee_id, i.inviter_id, ic.student_id, i.service, now()
from invitation i
join invitation_child ic on ic.invitation_id = i.id
join student s on s.id = ic.student_id and s.status = 'ENROLLED'
join account inviter on inviter.id = i.inviter_id
where i.id in (:ids)
  and exists (select 1 from guardian_contact g where g.student_id = s.id
              and g.email = inviter.email and g.phone = inviter.phone)
on conflict do nothing;
\echo -- activation-outcomes
explain (analyze, buffers)
update invitation_child ic set outcome = case when exists (select 1 from trusted_access t
    where t.invitation_id = ic.invitation_id and t.student_id = ic.student_id) then 'GRANTED' else 'SKIPPED' end
where ic.invitation_id in (:ids);
\echo -- activation-status
explain (analyze, buffers)
update invitation i set status = case when exists (select 1 from trusted_access t
    where t.invitation_id = i.id) then 'ACTIVATED' else 'FAILED' end, closed_at = now(), version = version + 1
where i.id in (:ids);
\echo -- activation-parties
explain (analyze, buffers)
select i.id, i.inviter_id, i.invitee_id, a.last_name, a.first_name, a.middle_name, i.service
from invitation i join account a on a.id = i.invitee_id where i.id in (:ids);
\echo -- activation-children
explain (analyze, buffers)
select ic.invitation_id, s.id, s.last_name, s.first_name, s.middle_name from invitation_child ic
join student s on s.id = ic.student_id where ic.invitation_id in (:ids)
order by s.last_name, s.first_name;
\echo -- activation-parents: parents of granted children
explain (analyze, buffers)
select distinct g.student_id, a.id from guardian_contact g
join student s on s.id = g.student_id and s.status = 'ENROLLED'
join account a on a.email = g.email and a.phone = g.phone
where g.student_id in (select ic.student_id from invitation_child ic where ic.invitation_id in (:ids));
\echo -- expiry-claim
explain (analyze, buffers)
select id from invitation where status = 'PENDING' and expires_at <= now() order by expires_at limit 500 for update skip locked;
rollback;
