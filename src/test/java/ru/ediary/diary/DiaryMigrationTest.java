package ru.ediary.diary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * V8 turns V3's per-pupil copies into lessons of classes and groups without losing or changing any pupil's entry.
 * Runs Flyway itself on a schema of its own: migrations up to V7, representative per-pupil data, then V8.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DiaryMigrationTest {

    private static final String SCHEMA = System.getenv().getOrDefault("DB_TEST_SCHEMA", "ediary_test") + "_v8";
    private static final String URL = "jdbc:postgresql://" + System.getenv().getOrDefault("DB_HOST", "127.0.0.1") + ":"
            + System.getenv().getOrDefault("DB_PORT", "5432") + "/" + System.getenv().getOrDefault("DB_NAME", "postgres");

    private static Connection db;

    /** What each pupil saw in the old diary and sees now: one row per entry, marks in order; ids and times aside. */
    private static final String PUPIL_ENTRIES = """
            select %1$s.student_id, %1$s.lesson_date, %1$s.lesson_number, %1$s.subject, %1$s.topic, %1$s.homework,
                   %1$s.attendance, %1$s.teacher_name, %1$s.withdrawn_at is null as live, %2$s as marks
            from %3$s %1$s""";
    private static final String OLD = PUPIL_ENTRIES.formatted("e", "(select coalesce(string_agg(m.value || '/' || m.weight"
            + " || '/' || m.kind, ',' order by m.position), '') from v3_mark m where m.entry_id = e.id)", "v3_entry");
    private static final String NEW = PUPIL_ENTRIES.formatted("e", "(select coalesce(string_agg(m.value || '/' || m.weight"
            + " || '/' || m.kind, ',' order by m.position), '') from lesson_mark m where m.lesson_id = e.id"
            + " and m.lesson_date = e.lesson_date and m.student_id = e.student_id)", "diary_entry");

    @BeforeAll
    static void migrateWithRepresentativeData() throws SQLException {
        db = DriverManager.getConnection(URL, "postgres", null);
        exec("drop schema if exists " + SCHEMA + " cascade");
        // the latest migration before V8, whichever it is by now
        String before = java.util.Arrays.stream(flyway("latest").info().all()).map(m -> m.getVersion())
                .filter(v -> !v.isAtLeast("8"))
                .max(java.util.Comparator.naturalOrder()).orElseThrow().getVersion();
        flyway(before).migrate();
        exec("set search_path = " + SCHEMA);
        exec("""
                insert into school (id, name) values ('00000000-0000-4000-8000-000000000001', 'Школа');
                insert into school_class (id, school_id, external_id, name) values
                  ('00000000-0000-4000-8000-0000000000a0', '00000000-0000-4000-8000-000000000001', 'A', '5А'),
                  ('00000000-0000-4000-8000-0000000000b0', '00000000-0000-4000-8000-000000000001', 'B', '6Б');
                insert into student (id, school_id, class_id, external_id, last_name, first_name, birth_date, status)
                select ('00000000-0000-4000-8000-0000000000' || k)::uuid, '00000000-0000-4000-8000-000000000001',
                       ('00000000-0000-4000-8000-0000000000' || left(k, 1) || '0')::uuid, k, 'Ученик', k, '2014-01-01',
                       case when k = 'a9' then 'WITHDRAWN' else 'ENROLLED' end
                from unnest(array['a1', 'a2', 'a3', 'a9', 'b1', 'b2']) k;
                """);
        // copy(external id, pupil, days ago, lesson number, subject, homework, attendance, withdrawn)
        exec("""
                create function pg_temp.copy(key text, pupil text, ago int, n int, subject text, homework text,
                                             attendance text, withdrawn boolean) returns void language sql as $$
                  insert into diary_entry (id, student_id, school_id, external_id, lesson_date, lesson_number, subject,
                                           topic, homework, attendance, teacher_name, withdrawn_at, changed_at)
                  values (md5(key)::uuid, ('00000000-0000-4000-8000-0000000000' || pupil)::uuid,
                          '00000000-0000-4000-8000-000000000001', key, current_date - ago, n, subject, 'Тема', homework,
                          attendance, 'Белова О. Н.', case when withdrawn then now() end, now()) $$;
                -- one lesson of class A with a copy for every pupil (the withdrawn one too), marks for two of them
                select pg_temp.copy('l1-a1', 'a1', 3, 1, 'Математика', '№ 1', 'PRESENT', false),
                       pg_temp.copy('l1-a2', 'a2', 3, 1, 'Математика', '№ 1', 'ABSENT', false),
                       pg_temp.copy('l1-a3', 'a3', 3, 1, 'Математика', '№ 1', 'PRESENT', false),
                       pg_temp.copy('l1-a9', 'a9', 3, 1, 'Математика', '№ 1', null, false);
                -- the teacher corrected the homework and only a3's copy got the correction
                select pg_temp.copy('l2-a1', 'a1', 3, 2, 'Русский язык', 'Упр. 5', 'PRESENT', false),
                       pg_temp.copy('l2-a2', 'a2', 3, 2, 'Русский язык', 'Упр. 5', 'PRESENT', false),
                       pg_temp.copy('l2-a3', 'a3', 3, 2, 'Русский язык', 'Упр. 6', 'LATE', false);
                -- a lesson only one pupil has; a withdrawn lesson of the whole class
                select pg_temp.copy('l3-a1', 'a1', 2, 1, 'Музыка', null, null, false);
                select pg_temp.copy('l4-a1', 'a1', 2, 2, 'История', null, 'PRESENT', true),
                       pg_temp.copy('l4-a2', 'a2', 2, 2, 'История', null, 'PRESENT', true),
                       pg_temp.copy('l4-a3', 'a3', 2, 2, 'История', null, 'PRESENT', true);
                -- class B: one pupil's copy live, the other's withdrawn
                select pg_temp.copy('l5-b1', 'b1', 3, 1, 'Физика', null, 'PRESENT', false),
                       pg_temp.copy('l5-b2', 'b2', 3, 1, 'Физика', null, 'PRESENT', true);
                -- the same lesson sent twice under two keys for a1: two entries in a1's diary
                select pg_temp.copy('l6-a1', 'a1', 1, 3, 'Литература', null, 'PRESENT', false),
                       pg_temp.copy('l6-a1-again', 'a1', 1, 3, 'Литература', null, 'PRESENT', false),
                       pg_temp.copy('l6-a2', 'a2', 1, 3, 'Литература', null, 'PRESENT', false),
                       pg_temp.copy('l6-a3', 'a3', 1, 3, 'Литература', null, 'PRESENT', false);
                -- last school year
                select pg_temp.copy('l7-b1', 'b1', 400, 1, 'Физика', null, 'PRESENT', false),
                       pg_temp.copy('l7-b2', 'b2', 400, 1, 'Физика', null, 'ABSENT', false);
                insert into diary_mark (entry_id, position, value, weight, kind) values
                  (md5('l1-a1')::uuid, 0, 5, 1, 'LESSON'), (md5('l1-a1')::uuid, 1, 4, 2, 'TEST'),
                  (md5('l1-a3')::uuid, 0, 3, 1, 'HOMEWORK'), (md5('l6-a1-again')::uuid, 0, 2, 1, 'LESSON'),
                  (md5('l7-b2')::uuid, 0, 4, 1, 'EXAM');
                create table v3_entry as select * from diary_entry;
                create table v3_mark as select * from diary_mark;
                """);
        flyway("8").migrate();
    }

    private static Flyway flyway(String target) {
        return Flyway.configure().dataSource(URL, "postgres", null).schemas(SCHEMA).createSchemas(true)
                .locations("classpath:db/migration").target(target).load();
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        exec("drop schema if exists " + SCHEMA + " cascade");
        db.close();
    }

    private static void exec(String sql) throws SQLException {
        try (Statement st = db.createStatement()) {
            st.execute(sql);
        }
    }

    private static List<String> rows(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? " | " : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private static long count(String sql) throws SQLException {
        return Long.parseLong(rows(sql).get(0));
    }

    @Test
    @Order(1)
    void everyEnrolledPupilSeesExactlyTheEntriesTheyHadWithTheirOwnAttendanceAndMarks() throws SQLException {
        String enrolled = " where e.student_id in (select id from student where status = 'ENROLLED')";
        assertEquals(List.of(), rows("(" + OLD + enrolled + ") except all (" + NEW + enrolled + ")"), "lost or changed");
        assertEquals(List.of(), rows("(" + NEW + enrolled + ") except all (" + OLD + enrolled + ")"), "gained");
        // and the withdrawn pupil (whose diary nobody reads) keeps every entry too
        assertEquals(List.of(), rows("(" + OLD + ") except all (" + NEW + ")"));
    }

    @Test
    @Order(2)
    void copiesBecomeOneLessonPerClassWithGroupsOnlyWhereThePupilsDiffered() throws SQLException {
        assertEquals(19, count("select count(*) from v3_entry"));
        // l1, l2 (two versions of the homework), l3, l4, l5 (live and withdrawn), l6 (and a1's second copy), l7
        assertEquals(10, count("select count(*) from lesson"));
        assertEquals(4, count("select count(*) from lesson where group_id is null"));
        // groups: {a1, a2} and {a3} for l2, {a1} for l3 and l6's second copy, {b1} and {b2} for l5
        assertEquals(5, count("select count(*) from lesson_group"));
        assertEquals(List.of("Упр. 5 | 2", "Упр. 6 | 1"), rows("select l.homework, count(m.*) from lesson l"
                + " join lesson_group_member m on m.group_id = l.group_id where l.subject = 'Русский язык'"
                + " group by l.homework order by 1"));
        // every old key still names its pupil's lesson; every mark kept; attendance stored only where not PRESENT
        // in a lesson whose attendance was taken
        assertEquals(19, count("select count(*) from diary_entry_key"));
        assertEquals(count("select count(*) from v3_mark"), count("select count(*) from lesson_mark"));
        assertEquals(0, count("select count(*) from lesson_attendance a join lesson l on l.id = a.lesson_id"
                + " where l.attendance_taken and a.attendance = 'PRESENT'"));
        assertEquals(0, count("select count(*) from information_schema.tables where table_schema = current_schema()"
                + " and table_name = 'diary_mark'"));
    }

    @Test
    @Order(3)
    void aFinishedSchoolYearIsDetachedWithoutTouchingTheCurrentOne() throws SQLException {
        String lastYear = rows("select tableoid::regclass from lesson where lesson_date = current_date - 400").get(0);
        String current = rows("select tableoid::regclass from lesson where lesson_date = current_date - 1 limit 1").get(0);
        assertEquals(false, lastYear.equals(current));
        String year = lastYear.substring(lastYear.lastIndexOf("_y") + 2);
        long currentRows = count("select count(*) from diary_entry where lesson_date > current_date - 30");

        for (String table : List.of("lesson_mark", "lesson_attendance")) {
            exec("alter table " + table + " detach partition " + table + "_y" + year);
            // the detached copy keeps a foreign key to the partitioned lesson table: it goes with the archive
            exec("alter table " + table + "_y" + year + " drop constraint " + table + "_lesson_id_lesson_date_fkey");
        }
        // the year's lessons are still named by the deprecated per-pupil keys: the archive takes those first
        assertThrows(SQLException.class, () -> exec("alter table lesson detach partition lesson_y" + year));
        exec("delete from diary_entry_key where lesson_date >= make_date(" + year + ", 9, 1)"
                + " and lesson_date < make_date(" + year + " + 1, 9, 1)");
        exec("alter table lesson detach partition lesson_y" + year);

        assertEquals(0, count("select count(*) from lesson where lesson_date = current_date - 400"));
        assertEquals(2, count("select count(*) from lesson_y" + year + " l join lesson_mark_y" + year
                + " m on m.lesson_id = l.id and m.lesson_date = l.lesson_date")
                + count("select count(*) from lesson_attendance_y" + year));
        assertEquals(currentRows, count("select count(*) from diary_entry where lesson_date > current_date - 30"));
    }
}
