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
-- the page: who may read, the lessons with the pupil's attendance and marks (read-only, rolled back)
BEGIN;
select s1_0.id,s1_0.birth_date,s1_0.email,s1_0.external_id,s1_0.first_name,s1_0.last_name,s1_0.middle_name,s1_0.phone,s1_0.school_id,s1_0.class_id,sc1_0.id,sc1_0.external_id,sc1_0.name,sc1_0.school_id,s2_0.id,s2_0.created_at,s2_0.name,s2_0.system_client_id,sc1_0.teacher_snils,sc1_0.version,s1_0.status,s1_0.updated_at,s1_0.version from student s1_0 join school_class sc1_0 on sc1_0.id=s1_0.class_id join school s2_0 on s2_0.id=sc1_0.school_id where s1_0.id=:child_id fetch first 1 rows only;
select a1_0.id,a1_0.created_at,a1_0.email,a1_0.first_name,a1_0.last_name,a1_0.middle_name,a1_0.phone,a1_0.snils,a1_0.subject,a1_0.updated_at,a1_0.version from account a1_0 where a1_0.id=:account_id;
select 1 from guardian_contact g join student s on s.id = g.student_id and s.status = 'ENROLLED' join account a on a.email = g.email and a.phone = g.phone where g.student_id = :child_id and a.id = :account_id limit 1;
with page as ( select l.id, l.lesson_date, l.lesson_number, l.subject, l.topic, l.homework, l.teacher_name, l.attendance_taken, l.changed_at from lesson l where l.class_id = (select class_id from student where id = :child_id) and l.group_id is null and l.withdrawn_at is null and l.lesson_date between :page_from::date and :page_to::date union all select l.id, l.lesson_date, l.lesson_number, l.subject, l.topic, l.homework, l.teacher_name, l.attendance_taken, l.changed_at from lesson_group_member g join lesson l on l.group_id = g.group_id where g.student_id = :child_id and l.withdrawn_at is null and l.lesson_date between :page_from::date and :page_to::date order by lesson_date, lesson_number, id limit 51) select p.id, p.lesson_date, p.lesson_number, p.subject, p.topic, p.homework, p.teacher_name, p.attendance_taken, p.changed_at, a.attendance, a.changed_at as attendance_changed_at, m.value, m.weight, m.kind, m.comment, m.changed_at as mark_changed_at from page p left join lesson_attendance a on a.lesson_id = p.id and a.lesson_date = p.lesson_date and a.student_id = :child_id and a.lesson_date between :page_from::date and :page_to::date left join lesson_mark m on m.lesson_id = p.id and m.lesson_date = p.lesson_date and m.student_id = :child_id and m.lesson_date between :page_from::date and :page_to::date order by p.lesson_date, p.lesson_number, p.id, m.position;
ROLLBACK;
