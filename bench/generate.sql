-- City-scale data set for the benchmarks, set-based and repeatable: every id is derived from a counter
-- (md5 -> uuid) and every random choice comes from random() after setseed(:seed).
-- Run by bench/generate.sh on an empty, migrated schema. psql variables: seed, students (multiple of 500).
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
--   * 20 diary entries per student over the last three weeks and this one, most with a mark.
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

-- Diary: 20 lessons per student, Monday to Friday of the last three weeks and this one (so this week's homework
-- is there), 80 % with a mark; mark positions count from 0 (the entity's @OrderColumn) ----------------------
insert into diary_entry (id, student_id, school_id, external_id, lesson_date, lesson_number, subject, topic, homework,
                         attendance, teacher_name, changed_at)
select pg_temp.uid('entry', st.n * 20 + j), pg_temp.uid('student', st.n), pg_temp.uid('school', (st.n - 1) / 500 + 1),
       'e' || st.n || '-' || j,
       date_trunc('week', current_date)::date - 21 + (j / 5) * 7 + (j % 5), (j * 3 + st.n) % 6 + 1,
       (array['Математика', 'Русский язык', 'Литература', 'История', 'Физика', 'Английский язык'])[(j + st.n) % 6 + 1],
       'Тема урока ' || j, case when j % 3 = 0 then 'Упражнения ' || j || '–' || (j + 4) end,
       case when random() < 0.95 then 'PRESENT' else 'ABSENT' end, 'Учитель ' || ((st.n + j) % 40),
       now() - interval '1 hour' * j
from generate_series(1, (select s from params)) st(n) cross join generate_series(0, 19) j;

insert into diary_mark (entry_id, position, value, weight, kind)
select pg_temp.uid('entry', st.n * 20 + j), 0, 2 + floor(random() * 4)::int, 1 + (j % 3 = 0)::int,
       (array['LESSON', 'HOMEWORK', 'TEST'])[j % 3 + 1]
from generate_series(1, (select s from params)) st(n) cross join generate_series(0, 19) j
where random() < 0.8;

analyze;
