-- What today's model (V3: one diary_entry row per pupil and lesson, marks in diary_mark) would need for the same
-- school year: the generated lessons of the first SAMPLE_CLASSES classes copied out per pupil, exactly as the
-- per-pupil feed would have stored them (same texts, attendance and marks), into V3's tables with V3's keys and
-- indexes, in schema legacy_sample of the bench database. bench/legacy-sample.sh measures and extrapolates.
\set ON_ERROR_STOP on
set client_min_messages = warning;
drop schema if exists legacy_sample cascade;
create schema legacy_sample;
set search_path = legacy_sample, ediary;

create table legacy_sample.diary_entry (
    id            uuid primary key,
    student_id    uuid not null,
    school_id     uuid not null,
    external_id   varchar(64) not null,
    lesson_date   date not null,
    lesson_number smallint not null check (lesson_number between 1 and 12),
    subject       varchar(100) not null,
    topic         varchar(500),
    homework      varchar(4000),
    attendance    varchar(16) check (attendance in ('PRESENT', 'ABSENT', 'LATE', 'EXCUSED')),
    teacher_name  varchar(200),
    withdrawn_at  timestamptz,
    changed_at    timestamptz not null,
    version       bigint not null default 0,
    unique (school_id, external_id)
);
create table legacy_sample.diary_mark (
    entry_id uuid not null,
    position smallint not null,
    value    smallint not null check (value between 1 and 5),
    weight   smallint not null default 1 check (weight between 1 and 10),
    kind     varchar(16) not null check (kind in ('LESSON', 'HOMEWORK', 'TEST', 'EXAM', 'OTHER')),
    comment  varchar(500),
    primary key (entry_id, position)
);

create temporary table copy as
select md5(l.id::text || a.student_id::text)::uuid as entry_id, l.id as lesson_id, l.lesson_date, a.student_id,
       l.school_id, l.external_id, l.lesson_number, l.subject, l.topic, l.homework, l.teacher_name, l.attendance_taken,
       l.changed_at
from ediary.lesson l
join lateral (
    select s.id as student_id from ediary.student s where l.group_id is null and s.class_id = l.class_id
    union all
    select m.student_id from ediary.lesson_group_member m where m.group_id = l.group_id) a on true
where l.class_id in (select id from ediary.school_class order by external_id limit :classes);

insert into legacy_sample.diary_entry (id, student_id, school_id, external_id, lesson_date, lesson_number, subject, topic,
                                       homework, attendance, teacher_name, changed_at)
select c.entry_id, c.student_id, c.school_id, c.external_id || '-' || left(c.student_id::text, 8), c.lesson_date,
       c.lesson_number, c.subject, c.topic, c.homework,
       coalesce(att.attendance, case when c.attendance_taken then 'PRESENT' end), c.teacher_name, c.changed_at
from copy c
left join ediary.lesson_attendance att on att.lesson_id = c.lesson_id and att.lesson_date = c.lesson_date
    and att.student_id = c.student_id;
create index diary_entry_read_idx on legacy_sample.diary_entry (student_id, lesson_date, lesson_number, id)
    where withdrawn_at is null;

insert into legacy_sample.diary_mark (entry_id, position, value, weight, kind, comment)
select c.entry_id, m.position, m.value, m.weight, m.kind, m.comment
from copy c join ediary.lesson_mark m on m.lesson_id = c.lesson_id and m.lesson_date = c.lesson_date
    and m.student_id = c.student_id;
vacuum analyze legacy_sample.diary_entry;
vacuum analyze legacy_sample.diary_mark;
