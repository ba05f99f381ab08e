package ru.ediary.diary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Lessons, a pupil's attendance and marks: the statements of both feeds, set-based per batch (one statement to
 * load what a batch touches, JDBC batches to write it). Call inside a transaction.
 */
@ApplicationScoped
public class LessonStore {

    /** A lesson's own fields; {@code lessonDate} is part of its key (the table is partitioned by it). */
    static final class Lesson {
        UUID id;
        LocalDate lessonDate;
        UUID classId;
        UUID groupId;
        String externalId;
        short lessonNumber;
        String subject;
        String topic;
        String homework;
        String teacherName;
        boolean attendanceTaken;
        Instant withdrawnAt;

        boolean sameContent(Lesson other) {
            return Objects.equals(lessonDate, other.lessonDate) && Objects.equals(classId, other.classId)
                    && Objects.equals(groupId, other.groupId) && lessonNumber == other.lessonNumber
                    && Objects.equals(subject, other.subject) && Objects.equals(topic, other.topic)
                    && Objects.equals(homework, other.homework) && Objects.equals(teacherName, other.teacherName)
                    && attendanceTaken == other.attendanceTaken;
        }

        void copyContent(Lesson from) {
            lessonDate = from.lessonDate;
            classId = from.classId;
            groupId = from.groupId;
            lessonNumber = from.lessonNumber;
            subject = from.subject;
            topic = from.topic;
            homework = from.homework;
            teacherName = from.teacherName;
            attendanceTaken = from.attendanceTaken;
        }
    }

    /** What one pupil has of their own in a lesson: the stored attendance (sparse) and marks in order. */
    record Pupil(Attendance attendance, List<Mark> marks) {

        static final Pupil NOTHING = new Pupil(null, List.of());

        boolean isEmpty() {
            return attendance == null && marks.isEmpty();
        }
    }

    private final EntityManager em;

    LessonStore(EntityManager em) {
        this.em = em;
    }

    private <T> T jdbc(SqlWork<T> work) {
        return em.unwrap(Session.class).doReturningWork(work::run);
    }

    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private static final String LESSON_COLUMNS = "id, lesson_date, class_id, group_id, external_id, lesson_number,"
            + " subject, topic, homework, teacher_name, attendance_taken, withdrawn_at";

    /** The school's lessons with these external ids, in any school year, locked for this transaction. */
    Map<String, Lesson> lockByExternalIds(UUID schoolId, Collection<String> externalIds) {
        if (externalIds.isEmpty()) {
            return Map.of();
        }
        return jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("select " + LESSON_COLUMNS + " from lesson"
                    + " where school_id = ? and external_id = any(?) for update")) {
                ps.setObject(1, schoolId);
                ps.setArray(2, c.createArrayOf("varchar", externalIds.toArray()));
                Map<String, Lesson> found = new HashMap<>();
                for (Lesson lesson : readLessons(ps)) {
                    found.put(lesson.externalId, lesson);
                }
                return found;
            }
        });
    }

    /** Lessons by (id, date), locked for this transaction. */
    Map<UUID, Lesson> lockByIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("select " + LESSON_COLUMNS + " from lesson"
                    + " where id = any(?) for update")) {
                ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
                Map<UUID, Lesson> found = new HashMap<>();
                for (Lesson lesson : readLessons(ps)) {
                    found.put(lesson.id, lesson);
                }
                return found;
            }
        });
    }

    /** Live lessons of whole classes on these dates, for matching per-pupil copies to their class's lesson. */
    List<Lesson> lockClassLessons(Collection<UUID> classIds, Collection<LocalDate> dates) {
        if (classIds.isEmpty()) {
            return List.of();
        }
        return jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("select " + LESSON_COLUMNS + " from lesson"
                    + " where class_id = any(?) and lesson_date = any(?) and group_id is null and withdrawn_at is null"
                    + " order by lesson_date, lesson_number, id for update")) {
                ps.setArray(1, c.createArrayOf("uuid", classIds.toArray()));
                ps.setArray(2, c.createArrayOf("date", dates.stream().map(Date::valueOf).toArray()));
                return readLessons(ps);
            }
        });
    }

    private static List<Lesson> readLessons(PreparedStatement ps) throws SQLException {
        List<Lesson> lessons = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Lesson l = new Lesson();
                l.id = rs.getObject(1, UUID.class);
                l.lessonDate = rs.getObject(2, LocalDate.class);
                l.classId = rs.getObject(3, UUID.class);
                l.groupId = rs.getObject(4, UUID.class);
                l.externalId = rs.getString(5);
                l.lessonNumber = rs.getShort(6);
                l.subject = rs.getString(7);
                l.topic = rs.getString(8);
                l.homework = rs.getString(9);
                l.teacherName = rs.getString(10);
                l.attendanceTaken = rs.getBoolean(11);
                Timestamp withdrawn = rs.getTimestamp(12);
                l.withdrawnAt = withdrawn == null ? null : withdrawn.toInstant();
                lessons.add(l);
            }
        }
        return lessons;
    }

    /** Every pupil's own data in these lessons: lesson id → student id → pupil. */
    Map<UUID, Map<UUID, Pupil>> pupils(Collection<Lesson> lessons) {
        if (lessons.isEmpty()) {
            return Map.of();
        }
        Object[] ids = lessons.stream().map(l -> l.id).toArray();
        Object[] dates = lessons.stream().map(l -> Date.valueOf(l.lessonDate)).distinct().toArray();
        return jdbc(c -> {
            Map<UUID, Map<UUID, Attendance>> attendance = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("select lesson_id, student_id, attendance from lesson_attendance"
                    + " where lesson_id = any(?) and lesson_date = any(?)")) {
                ps.setArray(1, c.createArrayOf("uuid", ids));
                ps.setArray(2, c.createArrayOf("date", dates));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        attendance.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashMap<>())
                                .put(rs.getObject(2, UUID.class), Attendance.valueOf(rs.getString(3)));
                    }
                }
            }
            Map<UUID, Map<UUID, List<Mark>>> marks = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("select lesson_id, student_id, value, weight, kind, comment"
                    + " from lesson_mark where lesson_id = any(?) and lesson_date = any(?)"
                    + " order by lesson_id, student_id, position")) {
                ps.setArray(1, c.createArrayOf("uuid", ids));
                ps.setArray(2, c.createArrayOf("date", dates));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        marks.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashMap<>())
                                .computeIfAbsent(rs.getObject(2, UUID.class), k -> new ArrayList<>())
                                .add(new Mark(rs.getShort(3), rs.getShort(4), MarkKind.valueOf(rs.getString(5)),
                                        rs.getString(6)));
                    }
                }
            }
            Map<UUID, Map<UUID, Pupil>> result = new HashMap<>();
            for (Lesson lesson : lessons) {
                Map<UUID, Pupil> byPupil = new LinkedHashMap<>();
                var a = attendance.getOrDefault(lesson.id, Map.of());
                var m = marks.getOrDefault(lesson.id, Map.of());
                for (UUID student : a.keySet()) {
                    byPupil.put(student, new Pupil(a.get(student), m.getOrDefault(student, List.of())));
                }
                for (UUID student : m.keySet()) {
                    byPupil.putIfAbsent(student, new Pupil(null, m.get(student)));
                }
                result.put(lesson.id, byPupil);
            }
            return result;
        });
    }

    /** The attendance row a pupil needs: none when it is the lesson's default (PRESENT once attendance was taken). */
    static Attendance stored(Attendance attendance, boolean attendanceTaken) {
        return attendanceTaken && attendance == Attendance.PRESENT ? null : attendance;
    }

    /** Writes of one batch, flushed together. */
    final class Writes {
        private final Instant now;
        private final List<Lesson> inserts = new ArrayList<>();
        private final List<Lesson> updates = new ArrayList<>();
        /** old key (id, date) of updated lessons */
        private final List<LocalDate> updateOldDates = new ArrayList<>();
        private final List<Object[]> pupilDeletes = new ArrayList<>();
        private final List<Object[]> attendanceInserts = new ArrayList<>();
        private final List<Object[]> markInserts = new ArrayList<>();
        private final List<Object[]> keyInserts = new ArrayList<>();

        Writes(Instant now) {
            this.now = now;
        }

        void insert(Lesson lesson) {
            inserts.add(lesson);
        }

        /** The lesson's row changes (content, date or withdrawal); {@code oldDate} is its date as stored. */
        void update(Lesson lesson, LocalDate oldDate) {
            updates.add(lesson);
            updateOldDates.add(oldDate);
        }

        /** Replaces what one pupil has in a lesson (its date as it will be after this batch). */
        void replacePupil(Lesson lesson, UUID student, Pupil pupil, boolean existed) {
            if (existed) {
                pupilDeletes.add(new Object[] {lesson.id, student});
            }
            Attendance attendance = stored(pupil.attendance(), lesson.attendanceTaken);
            if (attendance != null) {
                attendanceInserts.add(new Object[] {lesson.id, Date.valueOf(lesson.lessonDate), student, attendance.name()});
            }
            for (int i = 0; i < pupil.marks().size(); i++) {
                Mark m = pupil.marks().get(i);
                markInserts.add(new Object[] {lesson.id, Date.valueOf(lesson.lessonDate), student, (short) i, m.value,
                        m.weight, m.kind.name(), m.comment});
            }
        }

        void key(UUID schoolId, String externalId, Lesson lesson, UUID student) {
            keyInserts.add(new Object[] {schoolId, externalId, lesson.id, Date.valueOf(lesson.lessonDate), student});
        }

        void flush() {
            Timestamp at = Timestamp.from(now);
            jdbc(c -> {
                if (!inserts.isEmpty()) {
                    try (PreparedStatement ps = c.prepareStatement("insert into lesson (id, lesson_date, school_id, class_id,"
                            + " group_id, external_id, lesson_number, subject, topic, homework, teacher_name, attendance_taken,"
                            + " withdrawn_at, changed_at) select ?, ?, school_id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?"
                            + " from school_class where id = ?")) {
                        for (Lesson l : inserts) {
                            ps.setObject(1, l.id);
                            ps.setDate(2, Date.valueOf(l.lessonDate));
                            ps.setObject(3, l.classId);
                            ps.setObject(4, l.groupId);
                            ps.setString(5, l.externalId);
                            ps.setShort(6, l.lessonNumber);
                            ps.setString(7, l.subject);
                            ps.setString(8, l.topic);
                            ps.setString(9, l.homework);
                            ps.setString(10, l.teacherName);
                            ps.setBoolean(11, l.attendanceTaken);
                            ps.setTimestamp(12, l.withdrawnAt == null ? null : Timestamp.from(l.withdrawnAt));
                            ps.setTimestamp(13, at);
                            ps.setObject(14, l.classId);
                            ps.addBatch();
                        }
                        ps.executeBatch();
                    }
                }
                if (!updates.isEmpty()) {
                    // a new date moves the row (and, by ON UPDATE CASCADE, its pupils' rows) to its school year
                    try (PreparedStatement ps = c.prepareStatement("update lesson set lesson_date = ?, class_id = ?,"
                            + " group_id = ?, lesson_number = ?, subject = ?, topic = ?, homework = ?, teacher_name = ?,"
                            + " attendance_taken = ?, withdrawn_at = ?, changed_at = ?, version = version + 1"
                            + " where id = ? and lesson_date = ?")) {
                        for (int i = 0; i < updates.size(); i++) {
                            Lesson l = updates.get(i);
                            ps.setDate(1, Date.valueOf(l.lessonDate));
                            ps.setObject(2, l.classId);
                            ps.setObject(3, l.groupId);
                            ps.setShort(4, l.lessonNumber);
                            ps.setString(5, l.subject);
                            ps.setString(6, l.topic);
                            ps.setString(7, l.homework);
                            ps.setString(8, l.teacherName);
                            ps.setBoolean(9, l.attendanceTaken);
                            ps.setTimestamp(10, l.withdrawnAt == null ? null : Timestamp.from(l.withdrawnAt));
                            ps.setTimestamp(11, at);
                            ps.setObject(12, l.id);
                            ps.setDate(13, Date.valueOf(updateOldDates.get(i)));
                            ps.addBatch();
                        }
                        ps.executeBatch();
                    }
                }
                if (!pupilDeletes.isEmpty()) {
                    for (String table : List.of("lesson_attendance", "lesson_mark")) {
                        try (PreparedStatement ps = c.prepareStatement("delete from " + table
                                + " where lesson_id = ? and student_id = ?")) {
                            for (Object[] row : pupilDeletes) {
                                ps.setObject(1, row[0]);
                                ps.setObject(2, row[1]);
                                ps.addBatch();
                            }
                            ps.executeBatch();
                        }
                    }
                }
                if (!attendanceInserts.isEmpty()) {
                    try (PreparedStatement ps = c.prepareStatement("insert into lesson_attendance (lesson_id, lesson_date,"
                            + " student_id, attendance, changed_at) values (?, ?, ?, ?, ?)")) {
                        for (Object[] row : attendanceInserts) {
                            ps.setObject(1, row[0]);
                            ps.setDate(2, (Date) row[1]);
                            ps.setObject(3, row[2]);
                            ps.setString(4, (String) row[3]);
                            ps.setTimestamp(5, at);
                            ps.addBatch();
                        }
                        ps.executeBatch();
                    }
                }
                if (!markInserts.isEmpty()) {
                    try (PreparedStatement ps = c.prepareStatement("insert into lesson_mark (lesson_id, lesson_date,"
                            + " student_id, position, value, weight, kind, comment, changed_at)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                        for (Object[] row : markInserts) {
                            ps.setObject(1, row[0]);
                            ps.setDate(2, (Date) row[1]);
                            ps.setObject(3, row[2]);
                            ps.setShort(4, (Short) row[3]);
                            ps.setShort(5, (Short) row[4]);
                            ps.setShort(6, (Short) row[5]);
                            ps.setString(7, (String) row[6]);
                            if (row[7] == null) {
                                ps.setNull(8, Types.VARCHAR);
                            } else {
                                ps.setString(8, (String) row[7]);
                            }
                            ps.setTimestamp(9, at);
                            ps.addBatch();
                        }
                        ps.executeBatch();
                    }
                }
                if (!keyInserts.isEmpty()) {
                    try (PreparedStatement ps = c.prepareStatement("insert into diary_entry_key (school_id, external_id,"
                            + " lesson_id, lesson_date, student_id) values (?, ?, ?, ?, ?)")) {
                        for (Object[] row : keyInserts) {
                            ps.setObject(1, row[0]);
                            ps.setString(2, (String) row[1]);
                            ps.setObject(3, row[2]);
                            ps.setDate(4, (Date) row[3]);
                            ps.setObject(5, row[4]);
                            ps.addBatch();
                        }
                        ps.executeBatch();
                    }
                }
                return null;
            });
        }
    }

    Writes writes(Instant now) {
        return new Writes(now);
    }

    /** The per-pupil keys of upsertDiaryEntries: external id → (lesson id, student id). */
    Map<String, UUID[]> legacyKeys(UUID schoolId, Collection<String> externalIds) {
        if (externalIds.isEmpty()) {
            return Map.of();
        }
        return jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("select external_id, lesson_id, student_id from diary_entry_key"
                    + " where school_id = ? and external_id = any(?)")) {
                ps.setObject(1, schoolId);
                ps.setArray(2, c.createArrayOf("varchar", externalIds.toArray()));
                Map<String, UUID[]> keys = new HashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        keys.put(rs.getString(1), new UUID[] {rs.getObject(2, UUID.class), rs.getObject(3, UUID.class)});
                    }
                }
                return keys;
            }
        });
    }

    /**
     * Serializes, per class, the feeds that may create a class's lesson from per-pupil copies (there is no unique
     * key for "the lesson of this class in this slot"): in id order, so two batches never wait on each other.
     */
    void lockClasses(Collection<UUID> classIds) {
        jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("select pg_advisory_xact_lock(hashtextextended(id::text, 16))"
                    + " from unnest(?::uuid[]) id order by id")) {
                ps.setArray(1, c.createArrayOf("uuid", classIds.stream().sorted().toArray()));
                ps.executeQuery().close();
                return null;
            }
        });
    }

    /** Re-points a per-pupil key (a copy whose student changed). */
    void moveLegacyKey(UUID schoolId, String externalId, UUID student) {
        jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("update diary_entry_key set student_id = ?"
                    + " where school_id = ? and external_id = ?")) {
                ps.setObject(1, student);
                ps.setObject(2, schoolId);
                ps.setString(3, externalId);
                return ps.executeUpdate();
            }
        });
    }

    /** A group as stored, with its pupils. */
    static final class Group {
        UUID id;
        UUID classId;
        String externalId;
        String name;
        java.util.Set<UUID> members = new java.util.HashSet<>();
    }

    /** The school's groups with these external ids, with their pupils, locked for this transaction. */
    Map<String, Group> lockGroups(UUID schoolId, Collection<String> externalIds) {
        if (externalIds.isEmpty()) {
            return Map.of();
        }
        return jdbc(c -> {
            Map<String, Group> groups = new HashMap<>();
            Map<UUID, Group> byId = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("select id, class_id, external_id, name from lesson_group"
                    + " where school_id = ? and external_id = any(?) for update")) {
                ps.setObject(1, schoolId);
                ps.setArray(2, c.createArrayOf("varchar", externalIds.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Group g = new Group();
                        g.id = rs.getObject(1, UUID.class);
                        g.classId = rs.getObject(2, UUID.class);
                        g.externalId = rs.getString(3);
                        g.name = rs.getString(4);
                        groups.put(g.externalId, g);
                        byId.put(g.id, g);
                    }
                }
            }
            if (!byId.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("select group_id, student_id from lesson_group_member"
                        + " where group_id = any(?)")) {
                    ps.setArray(1, c.createArrayOf("uuid", byId.keySet().toArray()));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            byId.get(rs.getObject(1, UUID.class)).members.add(rs.getObject(2, UUID.class));
                        }
                    }
                }
            }
            return groups;
        });
    }

    /** Creates or updates groups and replaces their pupils. */
    void saveGroups(UUID schoolId, List<Group> created, List<Group> changed, Instant now) {
        Timestamp at = Timestamp.from(now);
        jdbc(c -> {
            try (PreparedStatement insert = c.prepareStatement("insert into lesson_group (id, school_id, class_id,"
                    + " external_id, name, changed_at) values (?, ?, ?, ?, ?, ?)");
                    PreparedStatement update = c.prepareStatement("update lesson_group set class_id = ?, name = ?,"
                            + " changed_at = ?, version = version + 1 where id = ?");
                    PreparedStatement clear = c.prepareStatement("delete from lesson_group_member where group_id = ?");
                    PreparedStatement member = c.prepareStatement("insert into lesson_group_member (group_id, student_id)"
                            + " values (?, ?)")) {
                for (Group g : created) {
                    insert.setObject(1, g.id);
                    insert.setObject(2, schoolId);
                    insert.setObject(3, g.classId);
                    insert.setString(4, g.externalId);
                    insert.setString(5, g.name);
                    insert.setTimestamp(6, at);
                    insert.addBatch();
                }
                insert.executeBatch();
                for (Group g : changed) {
                    update.setObject(1, g.classId);
                    update.setString(2, g.name);
                    update.setTimestamp(3, at);
                    update.setObject(4, g.id);
                    update.addBatch();
                    clear.setObject(1, g.id);
                    clear.addBatch();
                }
                update.executeBatch();
                clear.executeBatch();
                for (Group g : created) {
                    for (UUID s : g.members) {
                        member.setObject(1, g.id);
                        member.setObject(2, s);
                        member.addBatch();
                    }
                }
                for (Group g : changed) {
                    for (UUID s : g.members) {
                        member.setObject(1, g.id);
                        member.setObject(2, s);
                        member.addBatch();
                    }
                }
                member.executeBatch();
            }
            return null;
        });
    }
}
