-- The statements and transactions the server issues for one parent dashboard request (captured with
-- bench/capture-sql.sh, $n replaced by pgbench variables), for a random account of bench.parent: the same
-- accounts as the wrk benchmark's tokens. The first statement (picking the account) is the only addition.
\set n random(1, :parents)
select subject, account_id, email, phone, child_id, marks_from, week_from, week_to,
       coalesce(last_invitation::text, '') as last_invitation, (last_invitation is not null)::int as has_invitation
from bench.parent where n = :n \gset
-- ensureRegistered
BEGIN;
select a1_0.id,a1_0.created_at,a1_0.email,a1_0.first_name,a1_0.last_name,a1_0.middle_name,a1_0.phone,a1_0.snils,a1_0.subject,a1_0.updated_at,a1_0.version from account a1_0 where a1_0.subject=:subject fetch first 1 rows only;
COMMIT;
-- me
BEGIN;
select a1_0.id,a1_0.created_at,a1_0.email,a1_0.first_name,a1_0.last_name,a1_0.middle_name,a1_0.phone,a1_0.snils,a1_0.subject,a1_0.updated_at,a1_0.version from account a1_0 where a1_0.id=:account_id;
COMMIT;
-- myChildren
BEGIN;
select a1_0.id,a1_0.created_at,a1_0.email,a1_0.first_name,a1_0.last_name,a1_0.middle_name,a1_0.phone,a1_0.snils,a1_0.subject,a1_0.updated_at,a1_0.version from account a1_0 where a1_0.id=:account_id;
select s1_0.id,s1_0.birth_date,s1_0.email,s1_0.external_id,s1_0.first_name,s1_0.last_name,s1_0.middle_name,s1_0.phone,s1_0.school_id,s1_0.class_id,sc1_0.id,sc1_0.external_id,sc1_0.name,sc1_0.school_id,s2_0.id,s2_0.created_at,s2_0.name,s2_0.system_client_id,sc1_0.teacher_snils,sc1_0.version,s1_0.status,s1_0.updated_at,s1_0.version from student s1_0 join school_class sc1_0 on sc1_0.id=s1_0.class_id join school s2_0 on s2_0.id=sc1_0.school_id where s1_0.status='ENROLLED' and s1_0.email=:email and s1_0.phone=:phone order by s1_0.last_name;
select s1_0.id,s1_0.birth_date,s1_0.email,s1_0.external_id,s1_0.first_name,s1_0.last_name,s1_0.middle_name,s1_0.phone,s1_0.school_id,s1_0.class_id,sc1_0.id,sc1_0.external_id,sc1_0.name,sc1_0.school_id,s2_0.id,s2_0.created_at,s2_0.name,s2_0.system_client_id,sc1_0.teacher_snils,sc1_0.version,s1_0.status,s1_0.updated_at,s1_0.version from student s1_0 join school_class sc1_0 on sc1_0.id=s1_0.class_id join school s2_0 on s2_0.id=sc1_0.school_id where s1_0.status='ENROLLED' and exists(select 1 from guardian_contact gc1_0 where gc1_0.student_id=s1_0.id and gc1_0.email=:email and gc1_0.phone=:phone) order by s1_0.last_name,s1_0.first_name;
COMMIT;
-- sentInvitations (children of each invitation, then their students)
BEGIN;
select i1_0.id,i1_0.accepted_at,i1_0.activate_after,i1_0.closed_at,i1_0.created_at,i1_0.expires_at,i1_0.idempotency_key,i1_0.invitee_id,i3_0.id,i3_0.created_at,i3_0.email,i3_0.first_name,i3_0.last_name,i3_0.middle_name,i3_0.phone,i3_0.snils,i3_0.subject,i3_0.updated_at,i3_0.version,i1_0.invitee_identifier,i1_0.inviter_id,i2_0.id,i2_0.created_at,i2_0.email,i2_0.first_name,i2_0.last_name,i2_0.middle_name,i2_0.phone,i2_0.snils,i2_0.subject,i2_0.updated_at,i2_0.version,i1_0.request_hash,i1_0.service,i1_0.status,i1_0.version from invitation i1_0 join account i2_0 on i2_0.id=i1_0.inviter_id join account i3_0 on i3_0.id=i1_0.invitee_id where i2_0.id=:account_id order by i1_0.created_at desc,i1_0.id desc fetch first 11 rows only;
\if :has_invitation
select c1_0.invitation_id,c1_0.outcome,c1_0.student_id from invitation_child c1_0 where c1_0.invitation_id=:last_invitation;
select s1_0.id,s1_0.birth_date,s1_0.email,s1_0.external_id,s1_0.first_name,s1_0.last_name,s1_0.middle_name,s1_0.phone,s1_0.school_id,s1_0.class_id,s1_0.status,s1_0.updated_at,s1_0.version from student s1_0 where s1_0.id in (:child_id);
\endif
COMMIT;
-- trusted-read audit lookup and recentMarks
BEGIN;
select ta1_0.id,ta1_0.granted_at,ta1_0.invitation_id,ta1_0.inviter_id,i1_0.id,i1_0.created_at,i1_0.email,i1_0.first_name,i1_0.last_name,i1_0.middle_name,i1_0.phone,i1_0.snils,i1_0.subject,i1_0.updated_at,i1_0.version,ta1_0.revoke_reason,ta1_0.revoked_at,ta1_0.revoked_by,ta1_0.service,ta1_0.student_id,s1_0.id,s1_0.birth_date,s1_0.email,s1_0.external_id,s1_0.first_name,s1_0.last_name,s1_0.middle_name,s1_0.phone,s1_0.school_id,s1_0.class_id,sc1_0.id,sc1_0.external_id,sc1_0.name,sc1_0.school_id,s2_0.id,s2_0.created_at,s2_0.name,s2_0.system_client_id,sc1_0.teacher_snils,sc1_0.version,s1_0.status,s1_0.updated_at,s1_0.version,ta1_0.trusted_person_id,ta1_0.version from trusted_access ta1_0 join student s1_0 on s1_0.id=ta1_0.student_id join school_class sc1_0 on sc1_0.id=s1_0.class_id join school s2_0 on s2_0.id=sc1_0.school_id join account i1_0 on i1_0.id=ta1_0.inviter_id where ta1_0.trusted_person_id=:account_id and ta1_0.revoked_at is null and s1_0.status='ENROLLED' and exists(select 1 from guardian_contact gc1_0 where gc1_0.student_id=s1_0.id and gc1_0.email=i1_0.email and gc1_0.phone=i1_0.phone);
select s.id, r.lesson_date, r.subject, r.value, r.weight, r.kind, r.comment from student s cross join lateral ( select m.lesson_date, l.lesson_number, m.position, l.subject, m.value, m.weight, m.kind, m.comment from lesson_mark m join lesson l on l.id = m.lesson_id and l.lesson_date = m.lesson_date where m.student_id = s.id and m.lesson_date >= :marks_from::date and l.withdrawn_at is null order by m.lesson_date desc, l.lesson_number desc, m.position desc limit 5) r where s.id in (:child_id) order by s.id, r.lesson_date desc, r.lesson_number desc, r.position desc;
COMMIT;
-- trustedPersons: the child's parents, then its live grants
BEGIN;
select distinct g.student_id, a.id from guardian_contact g join student s on s.id = g.student_id and s.status = 'ENROLLED' join account a on a.email = g.email and a.phone = g.phone where g.student_id in (:child_id);
select ta1_0.id,ta1_0.granted_at,ta1_0.invitation_id,ta1_0.inviter_id,i1_0.id,i1_0.created_at,i1_0.email,i1_0.first_name,i1_0.last_name,i1_0.middle_name,i1_0.phone,i1_0.snils,i1_0.subject,i1_0.updated_at,i1_0.version,ta1_0.revoke_reason,ta1_0.revoked_at,ta1_0.revoked_by,ta1_0.service,ta1_0.student_id,s1_0.id,s1_0.birth_date,s1_0.email,s1_0.external_id,s1_0.first_name,s1_0.last_name,s1_0.middle_name,s1_0.phone,s1_0.school_id,s1_0.class_id,s1_0.status,s1_0.updated_at,s1_0.version,ta1_0.trusted_person_id,tp1_0.id,tp1_0.created_at,tp1_0.email,tp1_0.first_name,tp1_0.last_name,tp1_0.middle_name,tp1_0.phone,tp1_0.snils,tp1_0.subject,tp1_0.updated_at,tp1_0.version,ta1_0.version from trusted_access ta1_0 join account tp1_0 on tp1_0.id=ta1_0.trusted_person_id join account i1_0 on i1_0.id=ta1_0.inviter_id join student s1_0 on s1_0.id=ta1_0.student_id where s1_0.id in (:child_id) and ta1_0.revoked_at is null order by ta1_0.granted_at,ta1_0.id;
COMMIT;
-- weekHomework
BEGIN;
select student_id, lesson_date, lesson_number, subject, homework from ( select s.id as student_id, l.lesson_date, l.lesson_number, l.id, l.subject, l.homework from student s join lesson l on l.class_id = s.class_id and l.group_id is null where s.id in (:child_id) and l.withdrawn_at is null and l.homework is not null and l.lesson_date between :week_from::date and :week_to::date union all select g.student_id, l.lesson_date, l.lesson_number, l.id, l.subject, l.homework from lesson_group_member g join lesson l on l.group_id = g.group_id where g.student_id in (:child_id) and l.withdrawn_at is null and l.homework is not null and l.lesson_date between :week_from::date and :week_to::date ) week order by student_id, lesson_date, lesson_number, id;
COMMIT;
