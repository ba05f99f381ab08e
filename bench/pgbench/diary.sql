-- The statements and transactions the server issues for one 30-day diary page read by a parent (captured
-- with bench/capture-sql.sh, $n replaced by pgbench variables), for a random account of bench.parent: the
-- same accounts and children as the wrk benchmark's tokens. The first statement (picking the account) is
-- the only addition.
\set n random(1, :parents)
select subject, account_id, child_id, page_from, page_to, page_entries from bench.parent where n = :n \gset
-- ensureRegistered
BEGIN;
select a1_0.id,a1_0.created_at,a1_0.email,a1_0.first_name,a1_0.last_name,a1_0.middle_name,a1_0.phone,a1_0.snils,a1_0.subject,a1_0.updated_at,a1_0.version from account a1_0 where a1_0.subject=:subject fetch first 1 rows only;
COMMIT;
-- the page: who may read, the entries, their marks (read-only, rolled back)
BEGIN;
select s1_0.id,s1_0.birth_date,s1_0.email,s1_0.external_id,s1_0.first_name,s1_0.last_name,s1_0.middle_name,s1_0.phone,s1_0.school_id,s1_0.class_id,sc1_0.id,sc1_0.external_id,sc1_0.name,sc1_0.school_id,s2_0.id,s2_0.created_at,s2_0.name,s2_0.system_client_id,sc1_0.teacher_snils,sc1_0.version,s1_0.status,s1_0.updated_at,s1_0.version from student s1_0 join school_class sc1_0 on sc1_0.id=s1_0.class_id join school s2_0 on s2_0.id=sc1_0.school_id where s1_0.id=:child_id fetch first 1 rows only;
select a1_0.id,a1_0.created_at,a1_0.email,a1_0.first_name,a1_0.last_name,a1_0.middle_name,a1_0.phone,a1_0.snils,a1_0.subject,a1_0.updated_at,a1_0.version from account a1_0 where a1_0.id=:account_id;
select 1 from guardian_contact g join student s on s.id = g.student_id and s.status = 'ENROLLED' join account a on a.email = g.email and a.phone = g.phone where g.student_id = :child_id and a.id = :account_id limit 1;
select de1_0.id,de1_0.attendance,de1_0.changed_at,de1_0.external_id,de1_0.homework,de1_0.lesson_date,de1_0.lesson_number,de1_0.school_id,de1_0.student_id,de1_0.subject,de1_0.teacher_name,de1_0.topic,de1_0.version,de1_0.withdrawn_at from diary_entry de1_0 where de1_0.student_id=:child_id and de1_0.withdrawn_at is null and de1_0.lesson_date between :page_from::date and :page_to::date order by de1_0.lesson_date,de1_0.lesson_number,de1_0.id fetch first 51 rows only;
select m1_0.entry_id,m1_0.position,m1_0.comment,m1_0.kind,m1_0.value,m1_0.weight from diary_mark m1_0 where m1_0.entry_id = any (:page_entries::uuid[]);
ROLLBACK;
