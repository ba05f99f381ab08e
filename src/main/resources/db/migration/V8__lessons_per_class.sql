-- Issue 16: the diary as schools keep it. A lesson belongs to a class or to a group of the class; a pupil keeps
-- only what is theirs (attendance, marks). A pupil's diary is the lessons of their class and groups. The tables
-- that grow with the school year are partitioned by school year (1 September to 31 August, range on the lesson
-- date), so a finished year is detached and archived without touching the current one (docs/diary.md).

-- Groups: named sets of a class's pupils (half the class for English), keyed by the school system's id.
create table lesson_group (
    id          uuid primary key,
    school_id   uuid not null references school (id),
    class_id    uuid not null references school_class (id),
    external_id varchar(64) not null,
    name        varchar(100) not null,
    changed_at  timestamptz not null,
    version     bigint not null default 0,
    unique (school_id, external_id),
    -- a lesson of a group belongs to the group's class (lesson's foreign key below)
    unique (id, class_id)
);
create index lesson_group_class_idx on lesson_group (class_id);

create table lesson_group_member (
    group_id   uuid not null references lesson_group (id) on delete cascade,
    student_id uuid not null references student (id),
    primary key (group_id, student_id)
);
-- a pupil's groups, for every diary read
create index lesson_group_member_student_idx on lesson_group_member (student_id, group_id);

-- One row per lesson of a class (group_id null) or of one group of it. No default partition: a row that lands
-- in a default partition blocks creating (or attaching) its year's partition until it is moved out, and
-- DETACH of a year would have to scan the default; a date outside every partition fails loudly instead (the
-- feed only accepts dates within partitions kept ahead by diary_ensure_partitions, see DiaryPartitions).
create table lesson (
    id               uuid not null,
    lesson_date      date not null,
    school_id        uuid not null references school (id),
    class_id         uuid not null references school_class (id),
    group_id         uuid,
    -- the school system's key of the lesson, unique within the school and school year (per-partition index);
    -- null for a lesson known only through per-pupil copies (upsertDiaryEntries, the data migrated from V3)
    external_id      varchar(64),
    lesson_number    smallint not null check (lesson_number between 1 and 12),
    subject          varchar(100) not null,
    topic            varchar(500),
    homework         varchar(4000),
    teacher_name     varchar(200),
    -- attendance was taken: pupils without a lesson_attendance row were PRESENT (attendance is stored sparsely)
    attendance_taken boolean not null default false,
    -- a withdrawn lesson stays for the record and is read by nobody
    withdrawn_at     timestamptz,
    changed_at       timestamptz not null,
    version          bigint not null default 0,
    primary key (id, lesson_date),
    foreign key (group_id, class_id) references lesson_group (id, class_id) on update cascade
) partition by range (lesson_date);
-- A pupil's diary is the live lessons of their class and of their groups, in date and lesson order: one index
-- range scan per class or group serves the diary page (keyset on these columns), the week's homework and the
-- lesson lookups of recent marks; withdrawn lessons are left out of both indexes.
create index lesson_class_read_idx on lesson (class_id, lesson_date, lesson_number, id)
    where withdrawn_at is null and group_id is null;
create index lesson_group_read_idx on lesson (group_id, lesson_date, lesson_number, id)
    where withdrawn_at is null and group_id is not null;

-- A pupil's attendance in a lesson, stored sparsely: only what differs from the lesson's default (PRESENT when
-- attendance was taken, nothing otherwise). Teachers mark the absent, so most pupils have no row.
create table lesson_attendance (
    lesson_id   uuid not null,
    lesson_date date not null,
    student_id  uuid not null references student (id),
    attendance  varchar(8) not null check (attendance in ('PRESENT', 'ABSENT', 'LATE', 'EXCUSED')),
    changed_at  timestamptz not null,
    primary key (lesson_id, student_id, lesson_date),
    foreign key (lesson_id, lesson_date) references lesson (id, lesson_date) on update cascade on delete cascade
) partition by range (lesson_date);

-- A pupil's marks in a lesson, in the order given (position from 0).
create table lesson_mark (
    lesson_id   uuid not null,
    lesson_date date not null,
    student_id  uuid not null references student (id),
    position    smallint not null check (position between 0 and 9),
    value       smallint not null check (value between 1 and 5),
    weight      smallint not null default 1 check (weight between 1 and 10),
    kind        varchar(8) not null check (kind in ('LESSON', 'HOMEWORK', 'TEST', 'EXAM', 'OTHER')),
    comment     varchar(500),
    changed_at  timestamptz not null,
    primary key (lesson_id, student_id, position, lesson_date),
    foreign key (lesson_id, lesson_date) references lesson (id, lesson_date) on update cascade on delete cascade
) partition by range (lesson_date);
-- recentMarks: a pupil's marks, newest first
create index lesson_mark_student_idx on lesson_mark (student_id, lesson_date);

-- The per-pupil keys of upsertDiaryEntries (deprecated): each names one pupil in one lesson. Kept for one
-- release so integrators can move to upsertLessons without a flag day; then dropped with the mutation.
create table diary_entry_key (
    school_id   uuid not null references school (id),
    external_id varchar(64) not null,
    lesson_id   uuid not null,
    lesson_date date not null,
    student_id  uuid not null references student (id),
    primary key (school_id, external_id),
    foreign key (lesson_id, lesson_date) references lesson (id, lesson_date) on update cascade on delete cascade
);
create index diary_entry_key_lesson_idx on diary_entry_key (lesson_id, lesson_date);

-- School year partitions: lesson_y2025 holds 2025-09-01 .. 2026-08-31, and likewise lesson_attendance_y2025,
-- lesson_mark_y2025. Creates every missing one for the school years from `from_date` to `to_date`; with the
-- per-partition unique key of lesson external ids (a partitioned table's unique index must include the
-- partition key). Idempotent; callers serialize it with an advisory lock (DiaryPartitions).
create function diary_ensure_partitions(from_date date, to_date date) returns integer language plpgsql as $$
declare
    y integer;
    created integer := 0;
    t text;
begin
    for y in (extract(year from from_date)::int - case when extract(month from from_date) < 9 then 1 else 0 end)
          .. (extract(year from to_date)::int - case when extract(month from to_date) < 9 then 1 else 0 end) loop
        foreach t in array array['lesson', 'lesson_attendance', 'lesson_mark'] loop
            if to_regclass(t || '_y' || y) is null then
                execute format('create table %I partition of %I for values from (%L) to (%L)', t || '_y' || y, t,
                               make_date(y, 9, 1), make_date(y + 1, 9, 1));
                if t = 'lesson' then
                    execute format('create unique index %I on %I (school_id, external_id) where external_id is not null',
                                   'lesson_y' || y || '_external_key', 'lesson_y' || y);
                end if;
                created := created + 1;
            end if;
        end loop;
    end loop;
    return created;
end $$;

-- The feed accepts lessons 3 years back and 1 year ahead; partitions cover that and one more year, and every
-- year that holds data to migrate.
select diary_ensure_partitions(least(current_date - interval '3 years',
                                     coalesce((select min(lesson_date) from diary_entry), current_date))::date,
                               (current_date + interval '2 years')::date);

-- Migrating V3's per-pupil copies ------------------------------------------------------------------------------
-- Copies with the same class, date, lesson number, subject, topic, homework, teacher and withdrawal are one
-- lesson (a pupil's second identical copy is a second lesson, as it was a second entry). The lesson belongs to
-- the class when every enrolled pupil of the class had a copy; otherwise to a group of exactly the pupils who
-- had one (one group per class and set of pupils), so nobody's diary gains or loses a lesson. Attendance and
-- marks stay each pupil's own; every old key goes on naming its pupil's lesson (diary_entry_key).
create temporary table legacy_copy as
select e.id, e.student_id, e.school_id, e.external_id, st.class_id, e.lesson_date, e.lesson_number, e.subject, e.topic,
       e.homework, e.attendance, e.teacher_name, e.withdrawn_at, e.changed_at,
       md5(row(st.class_id, e.lesson_date, e.lesson_number, e.subject, e.topic, e.homework, e.teacher_name,
               e.withdrawn_at is null)::text) as content
from diary_entry e
join student st on st.id = e.student_id;

create temporary table legacy_copy_n as
select c.*, row_number() over (partition by c.student_id, c.content order by c.id) as dup from legacy_copy c;

create temporary table legacy_lesson as
select (min(c.id::text))::uuid as lesson_id, c.content, c.dup, min(c.class_id::text)::uuid as class_id,
       array_agg(c.student_id order by c.student_id) as pupils, bool_and(c.attendance is not null) as attendance_taken,
       max(c.withdrawn_at) as withdrawn_at, min(c.changed_at) as changed_at
from legacy_copy_n c
group by c.content, c.dup;

create temporary table legacy_audience as
select l.lesson_id, l.class_id, l.pupils,
       not exists (select 1 from student s where s.class_id = l.class_id and s.status = 'ENROLLED'
                   and s.id <> all (l.pupils)) as whole_class,
       md5(l.pupils::text) as pupil_set
from legacy_lesson l;

insert into lesson_group (id, school_id, class_id, external_id, name, changed_at)
select md5('legacy-group:' || a.class_id || ':' || a.pupil_set)::uuid, min(sc.school_id::text)::uuid, a.class_id,
       'legacy-' || a.pupil_set, 'Ученики урока (перенос из прежнего дневника)', now()
from legacy_audience a
join school_class sc on sc.id = a.class_id
where not a.whole_class
group by a.class_id, a.pupil_set;

insert into lesson_group_member (group_id, student_id)
select distinct md5('legacy-group:' || a.class_id || ':' || a.pupil_set)::uuid, p
from legacy_audience a cross join unnest(a.pupils) p
where not a.whole_class;

insert into lesson (id, lesson_date, school_id, class_id, group_id, external_id, lesson_number, subject, topic,
                    homework, teacher_name, attendance_taken, withdrawn_at, changed_at)
select l.lesson_id, c.lesson_date, c.school_id, l.class_id,
       case when a.whole_class then null else md5('legacy-group:' || a.class_id || ':' || a.pupil_set)::uuid end,
       null, c.lesson_number, c.subject, c.topic, c.homework, c.teacher_name, l.attendance_taken, l.withdrawn_at,
       l.changed_at
from legacy_lesson l
join legacy_audience a on a.lesson_id = l.lesson_id
join legacy_copy_n c on c.id = l.lesson_id;

create temporary table legacy_map as
select c.id as entry_id, c.school_id, c.external_id, c.student_id, c.attendance, c.changed_at, l.lesson_id,
       c.lesson_date, l.attendance_taken
from legacy_copy_n c
join legacy_lesson l on l.content = c.content and l.dup = c.dup;

insert into diary_entry_key (school_id, external_id, lesson_id, lesson_date, student_id)
select school_id, external_id, lesson_id, lesson_date, student_id from legacy_map;

insert into lesson_attendance (lesson_id, lesson_date, student_id, attendance, changed_at)
select lesson_id, lesson_date, student_id, attendance, changed_at from legacy_map
where attendance is not null and not (attendance_taken and attendance = 'PRESENT');

insert into lesson_mark (lesson_id, lesson_date, student_id, position, value, weight, kind, comment, changed_at)
select m.lesson_id, m.lesson_date, m.student_id, dm.position, dm.value, dm.weight, dm.kind, dm.comment, m.changed_at
from legacy_map m
join diary_mark dm on dm.entry_id = m.entry_id;

drop table diary_mark;
drop table diary_entry;
drop table legacy_map, legacy_audience, legacy_lesson, legacy_copy_n, legacy_copy;

-- A pupil's diary as rows, one per pupil and lesson, as diary_entry had it: for ad-hoc queries, support and the
-- checks of this migration. The API reads the tables above directly.
create view diary_entry as
with audience as (
    select l.id as lesson_id, l.lesson_date, s.id as student_id
    from lesson l join student s on s.class_id = l.class_id
    where l.group_id is null
    union all
    select l.id, l.lesson_date, m.student_id
    from lesson l join lesson_group_member m on m.group_id = l.group_id
)
select l.id, a.student_id, l.school_id, l.class_id, l.group_id, l.lesson_date, l.lesson_number, l.subject, l.topic,
       l.homework, coalesce(att.attendance, case when l.attendance_taken then 'PRESENT' end) as attendance,
       l.teacher_name, l.withdrawn_at, greatest(l.changed_at, att.changed_at) as changed_at
from audience a
join lesson l on l.id = a.lesson_id and l.lesson_date = a.lesson_date
left join lesson_attendance att on att.lesson_id = a.lesson_id and att.lesson_date = a.lesson_date
    and att.student_id = a.student_id;
