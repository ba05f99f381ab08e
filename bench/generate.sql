-- City-scale data set for the benchmarks, set-based and repeatable: every id is derived from a counter
-- (md5 -> uuid) and every random choice comes from random() after setseed(:seed).
-- Run by bench/generate.sh on an empty, migrated schema. psql variables: seed, students (multiple of 500),
-- days (school days of diary, default 170: a whole school year; 20 = the four weeks of the earlier data set).
--
-- Shape (students = S, default 150,000; 500 per school, 25 per class):
--   * parents: student s has a mother and a father contact; every 5th student is the younger sibling of
--     the one before and shares its parents. Distinct parent identities P = 2 * S * 4/5.
--   * accounts: 2 * S in all. Accounts 1..P are the parents: 95 % have exactly the e-mail and phone the
--     school recorded (direct access), 5 % a different phone (no access). Accounts P+1..2S are other
--     people (grandparents, nannies): the invitees and trusted persons.
--   * one student in 300 (s = 300k+1) is WITHDRAWN: its accepted invitation fails at activation.
--   * students s = 3k get a live trusted grant (S/3 = 50,000 at full scale), from an ACTIVATED invitation;
--     two in five of them also a PENDING invitation to someone else (S * 2/15 = 20,000);
--     students s = 3k+1 and 3k+2 an ACCEPTED invitation due for activation (2S/3 = 100,000).
--   * a whole school year of lessons per class and group, with sparse attendance and marks (see below).
\set ON_ERROR_STOP on
set search_path = ediary;
select setseed(:seed) as seeded \gset

create temporary table params as
select :students::int as s, (:students::int * 8 / 5) as p, (:students::int * 2) as a;

create function pg_temp.uid(kind text, n bigint) returns uuid language sql immutable
    as $$ select md5(kind || ':' || n)::uuid $$;

-- A valid SNILS (check number as SnilsNumbers computes it) for a 9-digit number above 001-001-998.
create function pg_temp.snils(n bigint) returns char(11) language sql immutable as $$
    with d as (select lpad(n::text, 9, '0') as digits),
         s as (select digits, (select sum(substr(digits, i, 1)::int * (10 - i)) from generate_series(1, 9) i)::int as sum
               from d)
    select digits || lpad((case when sum < 100 then sum when sum in (100, 101) then 0
                                else case when sum % 101 = 100 then 0 else sum % 101 end end)::text, 2, '0')
    from s $$;

create temporary table names_last(i int, v text);
insert into names_last select row_number() over (), v from unnest(array['Иванов', 'Смирнов', 'Кузнецов', 'Попов',
    'Васильев', 'Петров', 'Соколов', 'Михайлов', 'Новиков', 'Фёдоров', 'Морозов', 'Волков', 'Алексеев', 'Лебедев',
    'Семёнов', 'Егоров', 'Павлов', 'Козлов', 'Степанов', 'Николаев', 'Орлов', 'Андреев', 'Макаров', 'Никитин',
    'Захаров', 'Зайцев', 'Соловьёв', 'Борисов', 'Яковлев', 'Григорьев']) v;
create temporary table names_first(i int, v text, female bool);
insert into names_first select row_number() over (), v, f from (values
    ('Анна', true), ('Мария', true), ('Елена', true), ('Ольга', true), ('Татьяна', true), ('Наталья', true),
    ('Ирина', true), ('Светлана', true), ('Дарья', true), ('Екатерина', true),
    ('Александр', false), ('Сергей', false), ('Дмитрий', false), ('Андрей', false), ('Алексей', false),
    ('Максим', false), ('Иван', false), ('Михаил', false), ('Артём', false), ('Никита', false)) t(v, f);

-- Schools, classes ------------------------------------------------------------------------------------
insert into school (id, name, system_client_id)
select pg_temp.uid('school', n), 'Школа № ' || n, 'bench-school-' || n
from generate_series(1, (select s from params) / 500) n;

insert into school_class (id, school_id, external_id, name, teacher_snils)
select pg_temp.uid('class', c), pg_temp.uid('school', (c - 1) / 20 + 1), 'c' || c,
       (((c - 1) % 20) / 2 + 1) || case when c % 2 = 0 then 'Б' else 'А' end,
       pg_temp.snils(900000000 + c)
from generate_series(1, (select s from params) / 25) c;

-- Students -----------------------------------------------------------------------------------------------
-- family f(s): the student whose parents s has (the elder sibling for every 5th student)
create temporary table fam as
select s, case when s % 5 = 0 then s - 1 else s end as family from generate_series(1, (select s from params)) s;
-- parent numbers: mother 2k-1, father 2k, with k the rank of the family among families
create temporary table family_rank as
select family, row_number() over (order by family) as k from (select distinct family from fam) f;

insert into student (id, school_id, class_id, external_id, last_name, first_name, middle_name, birth_date, status)
select pg_temp.uid('student', f.s), pg_temp.uid('school', (f.s - 1) / 500 + 1), pg_temp.uid('class', (f.s - 1) / 25 + 1),
       's' || f.s, l.v, fn.v, null, date '2010-01-01' + (f.s * 37 % 3650),
       case when f.s % 300 = 1 then 'WITHDRAWN' else 'ENROLLED' end
from fam f
join names_last l on l.i = (f.family % 30) + 1
join names_first fn on fn.i = (f.s * 7 % 20) + 1;

create temporary table parent as
select r.k * 2 - 1 + g as p, r.family, case g when 0 then 'MOTHER' else 'FATHER' end as relation
from family_rank r cross join generate_series(0, 1) g;

insert into guardian_contact (id, student_id, external_id, last_name, first_name, relation, email, phone)
select pg_temp.uid('guardian', f.s * 2 + (pa.p % 2)), pg_temp.uid('student', f.s), 'g' || (f.s * 2 + (pa.p % 2)),
       l.v, fn.v, pa.relation, 'p' || pa.p || '@bench.example', '+79' || lpad(pa.p::text, 9, '0')
from fam f
join parent pa on pa.family = f.family
join names_last l on l.i = (f.family % 30) + 1
join names_first fn on fn.i = case pa.relation when 'MOTHER' then (pa.p % 10) + 1 else (pa.p % 10) + 11 end;

-- Accounts: parents first (95 % matching), then other people --------------------------------------------
-- every generated contact counts as asserted by the identity provider (verified), every SNILS as its claim
insert into account (id, subject, last_name, first_name, email, email_verified, phone, phone_verified, snils)
select pg_temp.uid('account', pa.p), 'bench-' || pa.p, l.v, fn.v, 'p' || pa.p || '@bench.example', true,
       case when random() < 0.95 then '+79' else '+78' end || lpad(pa.p::text, 9, '0'), true,
       case when pa.p % 5 <> 0 then pg_temp.snils(10000000 + pa.p) end
from parent pa
join names_last l on l.i = (pa.family % 30) + 1
join names_first fn on fn.i = case pa.relation when 'MOTHER' then (pa.p % 10) + 1 else (pa.p % 10) + 11 end;

insert into account (id, subject, last_name, first_name, email, email_verified, phone, phone_verified, snils)
select pg_temp.uid('account', n), 'bench-' || n, l.v, fn.v, 'o' || n || '@bench.example', true,
       '+77' || lpad(n::text, 9, '0'), true, pg_temp.snils(10000000 + n)
from generate_series((select p from params) + 1, (select a from params)) n
join names_last l on l.i = (n % 30) + 1
join names_first fn on fn.i = (n % 20) + 1;

-- Invitations and grants ----------------------------------------------------------------------------------
-- inviter: the student's mother (or father when the mother's profile does not match); invitee: an "other"
-- account chosen so that no (invitee, child) pair repeats.
create temporary table inv as
select pg_temp.uid('invitation', f.s) as id, f.s,
       case when exists (select 1 from account a where a.id = pg_temp.uid('account', m.p) and a.phone like '+79%')
            then m.p else m.p + 1 end as inviter,
       (select p from params) + 1 + (f.s * 7919 % ((select a from params) - (select p from params))) as invitee,
       case when f.s % 3 = 0 then 'ACTIVATED' else 'ACCEPTED' end as status,
       now() - interval '1 day' * (1 + f.s % 20) as created_at
from fam f
join parent m on m.family = f.family and m.relation = 'MOTHER';

insert into invitation (id, inviter_id, invitee_id, service, status, idempotency_key, request_hash, invitee_identifier,
                        created_at, expires_at, accepted_at, activate_after, closed_at)
select i.id, pg_temp.uid('account', i.inviter), pg_temp.uid('account', i.invitee), 'ELECTRONIC_DIARY', i.status,
       'gen-' || i.s, md5('req' || i.s), '+7771*****' || lpad((i.invitee % 100)::text, 2, '0'),
       i.created_at, i.created_at + interval '30 days', i.created_at + interval '1 hour',
       i.created_at + interval '1 hour', case when i.status = 'ACTIVATED' then i.created_at + interval '2 hours' end
from inv i;
insert into invitation_child (invitation_id, student_id, outcome)
select i.id, pg_temp.uid('student', i.s), case when i.status = 'ACTIVATED' then 'GRANTED' end from inv i;

insert into trusted_access (id, invitation_id, trusted_person_id, inviter_id, student_id, service, granted_at)
select pg_temp.uid('grant', i.s), i.id, pg_temp.uid('account', i.invitee), pg_temp.uid('account', i.inviter),
       pg_temp.uid('student', i.s), 'ELECTRONIC_DIARY', i.created_at + interval '2 hours'
from inv i where i.status = 'ACTIVATED';

-- pending: two in five granted children (s = 15k, 15k+3) are also offered to a second, different "other" person
insert into invitation (id, inviter_id, invitee_id, service, status, idempotency_key, request_hash, invitee_identifier,
                        created_at, expires_at)
select pg_temp.uid('pending', i.s), pg_temp.uid('account', i.inviter),
       pg_temp.uid('account', (select p from params) + 1 + ((i.invitee - (select p from params)) % ((select a from params) - (select p from params)))),
       'ELECTRONIC_DIARY', 'PENDING', 'gen-pending-' || i.s, md5('pending' || i.s), '+7771*****00',
       now() - interval '1 hour' * (i.s % 72), now() + interval '20 days'
from inv i where i.s % 15 in (0, 3);
insert into invitation_child (invitation_id, student_id)
select pg_temp.uid('pending', i.s), pg_temp.uid('student', i.s) from inv i where i.s % 15 in (0, 3);

-- Diary: a whole school year of lessons as schools keep them (docs/diary.md) --------------------------------
-- :days school days (170 by default; Monday to Friday, holidays ignored) ending on Friday of this week, so this week's homework and
-- the last 93 days of marks are there; the days before 1 September fall into the previous school year's partition.
-- Every class has two groups (the halves of the class for English). A day has lessons 1-6: numbers 1, 2, 3, 5, 6
-- are the whole class's, number 4 is English in both groups at once, so every pupil has 6 lessons a day
-- (1,020 a year). Past lessons have attendance taken: one pupil absent (every 10th late) in each class lesson and
-- in every second group lesson, stored sparsely. Marks: 5 pupils of 25 in each past class lesson, 2 in each group
-- lesson (about 1.16 marks a pupil a day). Written with foreign-key triggers off (session_replication_role): every
-- reference is consistent by construction, and checking 40 million of them would double the time.
-- The per-pupil tables' keys and the lesson read indexes are dropped for the load and built afterwards, sorted,
-- with the same definitions as V8 (far faster than 40 million random b-tree inserts). Lesson ids count up in the
-- order lessons are written (like time-ordered UUIDv7), so the lesson key is appended to, not scattered.
set session_replication_role = replica;
set maintenance_work_mem = '512MB';
alter table lesson_mark drop constraint lesson_mark_pkey;
alter table lesson_attendance drop constraint lesson_attendance_pkey;
drop index lesson_mark_student_idx, lesson_class_read_idx, lesson_group_read_idx;
create function pg_temp.lesson_uid(n bigint) returns uuid language sql immutable
    as $$ select (lpad(to_hex(n), 12, '0') || '7000' || '8000' || '000000000000')::uuid $$;

create temporary table school_day as
select row_number() over (order by d)::int as n, d from (
    select d::date as d from generate_series(date_trunc('week', current_date)::date + 4 - 7 * 40,
                                            date_trunc('week', current_date)::date + 4, interval '1 day') d
    where extract(isodow from d) < 6 order by d desc limit :days) days;
select diary_ensure_partitions((select min(d) from school_day), current_date + 400) as partitions_created;
-- lesson number n of the year: ordered by day, class, slot
create function pg_temp.lesson_n(c int, day int, slot int) returns bigint language sql immutable
    as $$ select ((day::bigint * 100000 + c) * 8 + slot) $$;
do $$ declare p record; begin
    for p in select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
             where i.inhparent = 'lesson'::regclass loop
        execute format('drop index if exists %I', p.relname || '_external_key');
    end loop;
end $$;

insert into lesson_group (id, school_id, class_id, external_id, name, changed_at)
select pg_temp.uid('group', c * 2 + g), pg_temp.uid('school', (c - 1) / 20 + 1), pg_temp.uid('class', c), 'g' || c || '-' || g,
       'Английский язык, группа ' || (g + 1), now()
from generate_series(1, (select s from params) / 25) c cross join generate_series(0, 1) g;
-- pupils 1-13 of a class in the first group, 14-25 in the second
insert into lesson_group_member (group_id, student_id)
select pg_temp.uid('group', c * 2 + (k > 13)::int), pg_temp.uid('student', (c - 1) * 25 + k)
from generate_series(1, (select s from params) / 25) c cross join generate_series(1, 25) k;

-- slot 1-5: class lessons numbered 1, 2, 3, 5, 6; slot 6 and 7: lesson 4 of group 0 and group 1
create temporary table slot as
select slot, case when slot <= 3 then slot when slot <= 5 then slot + 1 else 4 end as number,
       case when slot >= 6 then slot - 6 end as grp
from generate_series(1, 7) slot;

insert into lesson (id, lesson_date, school_id, class_id, group_id, external_id, lesson_number, subject, topic,
                    homework, teacher_name, attendance_taken, changed_at)
select pg_temp.lesson_uid(pg_temp.lesson_n(c, dy.n, sl.slot)), dy.d, pg_temp.uid('school', (c - 1) / 20 + 1),
       pg_temp.uid('class', c), case when sl.grp is not null then pg_temp.uid('group', c * 2 + sl.grp) end,
       'l' || c || '-' || dy.n || '-' || sl.slot, sl.number,
       case when sl.grp is not null then 'Английский язык'
            else (array['Математика', 'Русский язык', 'Литература', 'История', 'Физика', 'Биология', 'География',
                        'Информатика'])[(c + dy.n + sl.slot) % 8 + 1] end,
       'Тема урока ' || (dy.n / 2 + 1),
       case when (dy.n + sl.slot) % 2 = 0 then 'Параграф ' || (dy.n / 3 + 1) || ', упражнения ' || sl.slot || '–' || (sl.slot + 4) end,
       'Учитель ' || ((c + sl.slot) % 40), dy.d <= current_date, now() - interval '1 hour' * (170 - dy.n)
from generate_series(1, (select s from params) / 25) c cross join school_day dy cross join slot sl
order by dy.d, c, sl.slot;

insert into lesson_attendance (lesson_id, lesson_date, student_id, attendance, changed_at)
select pg_temp.lesson_uid(pg_temp.lesson_n(c, dy.n, sl.slot)), dy.d,
       pg_temp.uid('student', (c - 1) * 25 + case when sl.grp is null then (dy.n * 11 + sl.slot * 7 + c) % 25 + 1
                                                   else sl.grp * 13 + (dy.n + c) % 12 + 1 end),
       case when (dy.n + c) % 10 = 0 then 'LATE' else 'ABSENT' end, now() - interval '1 hour' * (170 - dy.n)
from generate_series(1, (select s from params) / 25) c cross join school_day dy cross join slot sl
where dy.d <= current_date and (sl.grp is null or (dy.n + c + sl.grp) % 2 = 0)
order by dy.d, c, sl.slot;

-- k-th marked pupil of a lesson: 5 distinct pupils of 25 in a class lesson, 2 of a group's first 12
insert into lesson_mark (lesson_id, lesson_date, student_id, position, value, weight, kind, changed_at)
select pg_temp.lesson_uid(pg_temp.lesson_n(c, dy.n, sl.slot)), dy.d,
       pg_temp.uid('student', (c - 1) * 25 + case when sl.grp is null then (dy.n * 7 + sl.slot * 3 + k * 5) % 25 + 1
                                                   else sl.grp * 13 + (dy.n + k * 5) % 12 + 1 end),
       0, 2 + floor(random() * 4)::int, 1 + ((dy.n + k) % 3 = 0)::int,
       (array['LESSON', 'HOMEWORK', 'TEST'])[(dy.n + sl.slot + k) % 3 + 1], now() - interval '1 hour' * (170 - dy.n)
from generate_series(1, (select s from params) / 25) c cross join school_day dy cross join slot sl
cross join generate_series(1, 5) k
where dy.d <= current_date and (sl.grp is null or k <= 2)
order by dy.d, c, sl.slot, k;

set session_replication_role = origin;
alter table lesson_mark add primary key (lesson_id, student_id, position, lesson_date);
alter table lesson_attendance add primary key (lesson_id, student_id, lesson_date);
create index lesson_mark_student_idx on lesson_mark (student_id, lesson_date);
create index lesson_class_read_idx on lesson (class_id, lesson_date, lesson_number, id)
    where withdrawn_at is null and group_id is null;
create index lesson_group_read_idx on lesson (group_id, lesson_date, lesson_number, id)
    where withdrawn_at is null and group_id is not null;
do $$ declare p record; begin
    for p in select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
             where i.inhparent = 'lesson'::regclass loop
        execute format('create unique index %I on %I (school_id, external_id) where external_id is not null',
                       p.relname || '_external_key', p.relname);
    end loop;
end $$;
analyze;
