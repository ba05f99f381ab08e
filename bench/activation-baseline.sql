-- The baseline for the activation job: the same state change as activating every due ACCEPTED invitation,
-- in one transaction of set-based statements (grants where the inviter has direct access right now, child
-- outcomes, invitation status, an audit event per child, the invitee's and inviter's notifications and the
-- other parents' CHILD_ACCESS_GAINED), then ROLLBACK so the data stays as generated.
\set ON_ERROR_STOP on
\timing on
set search_path = ediary;
begin;
create temporary table due on commit drop as
select id from invitation where status = 'ACCEPTED' and activate_after <= now();
analyze due;
insert into trusted_access (id, invitation_id, trusted_person_id, inviter_id, student_id, service, granted_at)
select gen_random_uuid(), i.id, i.invitee_id, i.inviter_id, ic.student_id, i.service, now()
from due d
join invitation i on i.id = d.id
join invitation_child ic on ic.invitation_id = i.id
join student s on s.id = ic.student_id and s.status = 'ENROLLED'
join account inviter on inviter.id = i.inviter_id
where exists (select 1 from guardian_contact g where g.student_id = s.id
              and g.email = inviter.email and g.phone = inviter.phone)
on conflict do nothing;
update invitation_child ic set outcome = case when exists (select 1 from trusted_access t
    where t.invitation_id = ic.invitation_id and t.student_id = ic.student_id) then 'GRANTED' else 'SKIPPED' end
from due d where ic.invitation_id = d.id;
update invitation i set status = case when exists (select 1 from trusted_access t where t.invitation_id = i.id)
    then 'ACTIVATED' else 'FAILED' end, closed_at = now(), version = version + 1
from due d where i.id = d.id;
insert into audit_event (id, occurred_at, action, student_id, invitation_id, trusted_access_id, subject_id)
select gen_random_uuid(), now(), case ic.outcome when 'GRANTED' then 'ACCESS_GRANTED' else 'ACCESS_SKIPPED' end,
       ic.student_id, i.id, t.id, i.invitee_id
from due d join invitation i on i.id = d.id join invitation_child ic on ic.invitation_id = i.id
left join trusted_access t on t.invitation_id = i.id and t.student_id = ic.student_id;
insert into notification (id, account_id, kind, title, body, invitation_id, created_at)
select gen_random_uuid(), who, case i.status when 'ACTIVATED' then 'INVITATION_ACTIVATED' else 'INVITATION_FAILED' end,
       'Доступ предоставлен', 'Вам предоставлен доступ к услуге «Электронный дневник».', i.id, now()
from due d join invitation i on i.id = d.id cross join lateral (values (i.invitee_id), (i.inviter_id)) w(who);
insert into notification (id, account_id, kind, title, body, invitation_id, student_id, created_at)
select gen_random_uuid(), p.id, 'CHILD_ACCESS_GAINED', 'Новое доверенное лицо', 'получил(а) доступ к дневнику',
       t.invitation_id, t.student_id, now()
from due d join trusted_access t on t.invitation_id = d.id
-- per grant, as the job does per batch: a join of all contacts with all accounts on (email, phone) is
-- misestimated (the two columns are correlated: 1 row instead of 228,000) and planned as a nested loop of
-- index scans; "offset 0" keeps the subquery per grant
cross join lateral (select a.id from guardian_contact g join account a on a.phone = g.phone and a.email = g.email
                    where g.student_id = t.student_id offset 0) p
where p.id <> t.inviter_id;
select count(*) as grants_made from trusted_access t join due d on d.id = t.invitation_id;
rollback;
