-- Dev-mode demo data: one family for every branch of the access rules (README, "Demo accounts").
-- Loaded only by the dev profile (quarkus.flyway.locations); idempotent.

insert into school (id, name, system_client_id) values
    ('10000000-0000-4000-8000-000000000001', 'ГБОУ Школа № 1535', 'school-1535'),
    ('10000000-0000-4000-8000-000000000002', 'ГБОУ Школа № 57', 'school-57')
on conflict do nothing;

insert into school_class (id, school_id, external_id, name, teacher_snils) values
    ('20000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', 'cls-5a', '5А', '12345678964'),
    ('20000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000001', 'cls-7b', '7Б', '23456789099'),
    ('20000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000002', 'cls-3v', '3В', '45678901238')
on conflict do nothing;

-- Contacts as the identity provider asserted them (verified; Boris has no phone, Nikolay nothing), SNILS as the
-- portal's claim carries it (never typed). A dev database from before issue 11 gets the flags and SNILS back here;
-- a contact is marked verified only while it still holds the demo value.
insert into account (id, subject, last_name, first_name, middle_name, email, email_verified, phone, phone_verified, snils) values
    -- parents with matching school records (two parents of one child)
    ('30000000-0000-4000-8000-000000000001', 'demo-anna', 'Иванова', 'Анна', 'Сергеевна', 'anna.ivanova@example.ru', true, '+79161234567', true, '11223344595'),
    ('30000000-0000-4000-8000-000000000002', 'demo-dmitry', 'Иванов', 'Дмитрий', 'Петрович', 'dmitry.ivanov@example.ru', true, '+79161234568', true, null),
    -- parent without a phone in the profile
    ('30000000-0000-4000-8000-000000000003', 'demo-boris', 'Петров', 'Борис', 'Олегович', 'boris.petrov@example.ru', true, null, false, null),
    -- parent whose profile e-mail differs from the school's record
    ('30000000-0000-4000-8000-000000000004', 'demo-victoria', 'Соколова', 'Виктория', 'Андреевна', 'vika@example.ru', true, '+79261112233', true, null),
    -- a student with their own access
    ('30000000-0000-4000-8000-000000000005', 'demo-ivan', 'Кузнецов', 'Иван', 'Дмитриевич', 'ivan.kuznetsov@example.ru', true, '+79857770011', true, null),
    -- parent of a withdrawn student
    ('30000000-0000-4000-8000-000000000006', 'demo-elena', 'Смирнова', 'Елена', 'Викторовна', 'elena.smirnova@example.ru', true, '+79031234500', true, null),
    -- class teachers (role "teacher" in their tokens; their SNILS is the class's teacher SNILS)
    ('30000000-0000-4000-8000-000000000007', 'demo-olga', 'Белова', 'Ольга', 'Николаевна', 'o.belova@school1535.example.ru', true, '+79160000001', true, '12345678964'),
    ('30000000-0000-4000-8000-000000000008', 'demo-sergey', 'Орлов', 'Сергей', 'Павлович', 's.orlov@school1535.example.ru', true, '+79160000002', true, '23456789099'),
    ('30000000-0000-4000-8000-000000000009', 'demo-maria', 'Ковалёва', 'Мария', 'Ивановна', 'm.kovaleva@school57.example.ru', true, '+79160000003', true, '45678901238'),
    -- a grandmother, registered, who will be invited as a trusted person
    ('30000000-0000-4000-8000-000000000010', 'demo-galina', 'Иванова', 'Галина', 'Михайловна', 'galina.ivanova@example.ru', true, '+79167654321', true, '34567890123'),
    -- a new user who has filled in nothing yet
    ('30000000-0000-4000-8000-000000000011', 'demo-nikolay', 'Новиков', 'Николай', null, null, false, null, false, null)
on conflict (id) do update set
    email_verified = excluded.email_verified and account.email is not distinct from excluded.email,
    phone_verified = excluded.phone_verified and account.phone is not distinct from excluded.phone,
    snils = excluded.snils;

insert into student (id, school_id, class_id, external_id, last_name, first_name, middle_name, birth_date, status, email, phone) values
    ('40000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000001', 'st-masha', 'Иванова', 'Мария', 'Дмитриевна', '2015-03-14', 'ENROLLED', null, null),
    ('40000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000001', 'st-petya', 'Петров', 'Пётр', 'Борисович', '2015-07-02', 'ENROLLED', null, null),
    ('40000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000001', 'st-alisa', 'Соколова', 'Алиса', 'Игоревна', '2015-11-20', 'ENROLLED', null, null),
    ('40000000-0000-4000-8000-000000000004', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000002', 'st-ivan', 'Кузнецов', 'Иван', 'Дмитриевич', '2013-05-09', 'ENROLLED', 'ivan.kuznetsov@example.ru', '+79857770011'),
    ('40000000-0000-4000-8000-000000000005', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000002', 'st-oleg', 'Смирнов', 'Олег', 'Андреевич', '2013-01-30', 'WITHDRAWN', null, null),
    ('40000000-0000-4000-8000-000000000006', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000002', 'st-kostya', 'Иванов', 'Константин', 'Дмитриевич', '2013-09-01', 'ENROLLED', null, null),
    ('40000000-0000-4000-8000-000000000007', '10000000-0000-4000-8000-000000000002', '20000000-0000-4000-8000-000000000003', 'st-lev', 'Ковалёв', 'Лев', 'Андреевич', '2017-04-12', 'ENROLLED', null, null)
on conflict do nothing;

insert into guardian_contact (id, student_id, external_id, last_name, first_name, middle_name, relation, email, phone) values
    ('50000000-0000-4000-8000-000000000001', '40000000-0000-4000-8000-000000000001', 'g-anna-masha', 'Иванова', 'Анна', 'Сергеевна', 'MOTHER', 'anna.ivanova@example.ru', '+79161234567'),
    ('50000000-0000-4000-8000-000000000002', '40000000-0000-4000-8000-000000000001', 'g-dmitry-masha', 'Иванов', 'Дмитрий', 'Петрович', 'FATHER', 'dmitry.ivanov@example.ru', '+79161234568'),
    ('50000000-0000-4000-8000-000000000003', '40000000-0000-4000-8000-000000000006', 'g-anna-kostya', 'Иванова', 'Анна', 'Сергеевна', 'MOTHER', 'anna.ivanova@example.ru', '+79161234567'),
    ('50000000-0000-4000-8000-000000000004', '40000000-0000-4000-8000-000000000002', 'g-boris-petya', 'Петров', 'Борис', 'Олегович', 'FATHER', 'boris.petrov@example.ru', '+79035550101'),
    ('50000000-0000-4000-8000-000000000005', '40000000-0000-4000-8000-000000000003', 'g-victoria-alisa', 'Соколова', 'Виктория', 'Андреевна', 'MOTHER', 'vika.sokolova@example.ru', '+79261112233'),
    ('50000000-0000-4000-8000-000000000006', '40000000-0000-4000-8000-000000000005', 'g-elena-oleg', 'Смирнова', 'Елена', 'Викторовна', 'MOTHER', 'elena.smirnova@example.ru', '+79031234500'),
    ('50000000-0000-4000-8000-000000000007', '40000000-0000-4000-8000-000000000007', 'g-lev-mother', 'Ковалёва', 'Наталья', 'Сергеевна', 'MOTHER', 'n.kovaleva@example.ru', '+79265550077')
on conflict do nothing;

-- Four weeks of diary (and the coming days' homework) for every class with enrolled demo students: four lessons
-- a school day, attendance taken for past lessons (absent pupils stored), a mark for about every third pupil
-- and lesson. Deterministic; a slot that already has a lesson (from an earlier run, or migrated from the
-- per-pupil diary of V3) is left alone, so re-running adds nothing.
insert into lesson (id, lesson_date, school_id, class_id, external_id, lesson_number, subject, topic, homework,
                    teacher_name, attendance_taken, changed_at)
select md5(c.id::text || d::date::text || l)::uuid, d::date, c.school_id, c.id,
       'demo-' || c.external_id || '-' || d::date || '-' || l, l,
       (array['Математика', 'Русский язык', 'Литература', 'Окружающий мир', 'Английский язык', 'История'])
           [1 + (extract(doy from d)::int + l) % 6],
       'Тема урока ' || l,
       case when l <= 2 then 'Упражнения ' || (extract(doy from d)::int % 20 + 1) || '–' || (extract(doy from d)::int % 20 + 4) end,
       'Белова Ольга Николаевна', d::date <= current_date, now()
from school_class c
cross join generate_series(current_date - 27, current_date + 4, interval '1 day') d
cross join generate_series(1, 4) l
where c.id::text like '20000000-%' and extract(isodow from d) < 6
  and exists (select 1 from student s where s.class_id = c.id and s.status = 'ENROLLED')
  and not exists (select 1 from lesson x where x.class_id = c.id and x.lesson_date = d::date and x.lesson_number = l)
on conflict do nothing;

insert into lesson_attendance (lesson_id, lesson_date, student_id, attendance, changed_at)
select e.id, e.lesson_date, s.id, 'ABSENT', e.changed_at
from lesson e
join student s on s.class_id = e.class_id and s.status = 'ENROLLED'
where e.external_id like 'demo-%' and e.attendance_taken and (extract(doy from e.lesson_date)::int + e.lesson_number) % 17 = 0
on conflict do nothing;

-- the same marks as the per-pupil demo diary had: keyed by the pupil's former entry id and key
insert into lesson_mark (lesson_id, lesson_date, student_id, position, value, weight, kind, changed_at)
select e.id, e.lesson_date, s.id, 0, 3 + (abs(hashtext(md5(s.id::text || e.lesson_date::text || e.lesson_number)::uuid::text)) % 3),
       1 + (abs(hashtext('demo-' || s.external_id || '-' || e.lesson_date || '-' || e.lesson_number)) % 2),
       (array['LESSON', 'HOMEWORK', 'TEST'])[1 + abs(hashtext(e.subject || e.lesson_number)) % 3], e.changed_at
from lesson e
join student s on s.class_id = e.class_id and s.status = 'ENROLLED'
where e.external_id like 'demo-%' and e.lesson_date <= current_date
  and abs(hashtext('demo-' || s.external_id || '-' || e.lesson_date || '-' || e.lesson_number)) % 3 = 0
on conflict do nothing;

-- Галина is also the nanny of Борис's son Петя: Борис invited her when his profile still had a phone. Without it he
-- has no direct access now, so her grant is SUSPENDED (her diaryAccess says so, TRUSTED_ACCESS_SUSPENDED) and works
-- again as soon as he fills his phone in; both were told when it was suspended (notified_status).
insert into invitation (id, inviter_id, invitee_id, service, status, idempotency_key, request_hash, invitee_identifier,
                        created_at, expires_at, accepted_at, activate_after, closed_at) values
    ('60000000-0000-4000-8000-000000000001', '30000000-0000-4000-8000-000000000003',
     '30000000-0000-4000-8000-000000000010', 'ELECTRONIC_DIARY', 'ACTIVATED', 'demo-boris-galina', 'demo',
     '+7916*****21', now() - interval '60 days', now() - interval '30 days', now() - interval '59 days',
     now() - interval '59 days', now() - interval '59 days')
on conflict do nothing;
insert into invitation_child (invitation_id, student_id, outcome) values
    ('60000000-0000-4000-8000-000000000001', '40000000-0000-4000-8000-000000000002', 'GRANTED')
on conflict do nothing;
insert into trusted_access (id, invitation_id, trusted_person_id, inviter_id, student_id, service, granted_at,
                            notified_status) values
    ('70000000-0000-4000-8000-000000000001', '60000000-0000-4000-8000-000000000001',
     '30000000-0000-4000-8000-000000000010', '30000000-0000-4000-8000-000000000003',
     '40000000-0000-4000-8000-000000000002', 'ELECTRONIC_DIARY', now() - interval '59 days', 'SUSPENDED')
on conflict do nothing;
