package ru.ediary.diary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import ru.ediary.diary.ChildDiaryView.Homework;
import ru.ediary.diary.ChildDiaryView.RecentMark;
import ru.ediary.diary.DiaryEntryView.MarkView;

/**
 * The diary's reads on the lesson model. A pupil's lessons are those of their class (group_id null) and of their
 * groups: each read is a UNION ALL of the class's lessons (lesson_class_read_idx) and the groups' lessons
 * (lesson_group_read_idx via the pupil's memberships), so both are index range scans in date and lesson order,
 * pruned to the school years in the date range. Call inside a transaction.
 */
@ApplicationScoped
public class DiaryQueries {

    private final EntityManager em;

    DiaryQueries(EntityManager em) {
        this.em = em;
    }

    /** A pupil's lessons from {@code from} to {@code to}, after the cursor, with their own attendance and marks. */
    @SuppressWarnings("unchecked")
    List<DiaryEntryView> page(UUID student, UUID schoolClass, LocalDate from, LocalDate to, DiaryCursor after, int limit) {
        String keyset = after == null ? "" : " and (l.lesson_date, l.lesson_number, l.id) > (:d, :n, :id)";
        String columns = "l.id, l.lesson_date, l.lesson_number, l.subject, l.topic, l.homework, l.teacher_name,"
                + " l.attendance_taken, l.changed_at";
        var query = em.createNativeQuery("with page as ("
                + " select " + columns + " from lesson l where l.class_id = :class and l.group_id is null"
                + " and l.withdrawn_at is null and l.lesson_date between :from and :to" + keyset
                + " union all"
                + " select " + columns + " from lesson_group_member g join lesson l on l.group_id = g.group_id"
                + " where g.student_id = :student and l.withdrawn_at is null and l.lesson_date between :from and :to" + keyset
                + " order by lesson_date, lesson_number, id limit :limit)"
                + " select p.id, p.lesson_date, p.lesson_number, p.subject, p.topic, p.homework, p.teacher_name,"
                + " p.attendance_taken, p.changed_at, a.attendance, a.changed_at as attendance_changed_at,"
                + " m.value, m.weight, m.kind, m.comment, m.changed_at as mark_changed_at"
                + " from page p"
                // the date range again, so only the page's school years and dates of the pupil's rows are read
                + " left join lesson_attendance a on a.lesson_id = p.id and a.lesson_date = p.lesson_date"
                + " and a.student_id = :student and a.lesson_date between :from and :to"
                + " left join lesson_mark m on m.lesson_id = p.id and m.lesson_date = p.lesson_date and m.student_id = :student"
                + " and m.lesson_date between :from and :to"
                + " order by p.lesson_date, p.lesson_number, p.id, m.position")
                .setParameter("class", schoolClass).setParameter("student", student)
                .setParameter("from", from).setParameter("to", to).setParameter("limit", limit);
        if (after != null) {
            query.setParameter("d", after.date()).setParameter("n", (short) after.lesson()).setParameter("id", after.id());
        }
        List<DiaryEntryView> entries = new ArrayList<>();
        UUID current = null;
        Object[] lesson = null;
        List<MarkView> marks = new ArrayList<>();
        Instant changed = null;
        for (Object[] row : (List<Object[]>) query.getResultList()) {
            UUID id = (UUID) row[0];
            if (!id.equals(current)) {
                if (lesson != null) {
                    entries.add(entry(lesson, marks, changed));
                }
                current = id;
                lesson = row;
                marks = new ArrayList<>();
                changed = later(instant(row[8]), instant(row[10]));
            }
            if (row[11] != null) {
                marks.add(new MarkView(((Number) row[11]).intValue(), ((Number) row[12]).intValue(),
                        MarkKind.valueOf((String) row[13]), (String) row[14]));
                changed = later(changed, instant(row[15]));
            }
        }
        if (lesson != null) {
            entries.add(entry(lesson, marks, changed));
        }
        return entries;
    }

    private static DiaryEntryView entry(Object[] row, List<MarkView> marks, Instant changed) {
        boolean taken = (Boolean) row[7];
        Attendance attendance = row[9] != null ? Attendance.valueOf((String) row[9]) : taken ? Attendance.PRESENT : null;
        return new DiaryEntryView(row[0].toString(), date(row[1]), ((Number) row[2]).intValue(), (String) row[3],
                (String) row[4], (String) row[5], attendance, (String) row[6], List.copyOf(marks), changed);
    }

    /**
     * Each child's latest marks in live lessons since {@code since}, newest first, at most {@code n} each.
     * Ordering every mark since {@code since} grows with the year, so the date of the pupil's n-th newest mark is
     * read first, from the mark index alone (n index entries), and only the marks from that date on are joined to
     * their lessons and ordered. That finds the n newest live marks unless a withdrawn lesson's marks are among
     * them; for the few children where it then comes up short, the whole window is read.
     */
    Map<UUID, List<RecentMark>> recentMarks(Collection<UUID> children, LocalDate since, int n) {
        Map<UUID, List<RecentMark>> byChild = new HashMap<>();
        if (children.isEmpty()) {
            return byChild;
        }
        Map<UUID, LocalDate> floors = new HashMap<>();
        for (Object[] row : recentMarkRows(children, since, n, true)) {
            UUID child = (UUID) row[0];
            floors.put(child, date(row[7]));
            if (row[1] != null) {
                byChild.computeIfAbsent(child, k -> new ArrayList<>()).add(recentMark(row));
            }
        }
        List<UUID> shortOfWithdrawn = children.stream().filter(child -> floors.containsKey(child)
                && floors.get(child).isAfter(since) && byChild.getOrDefault(child, List.of()).size() < n).toList();
        if (!shortOfWithdrawn.isEmpty()) {
            shortOfWithdrawn.forEach(byChild::remove);
            for (Object[] row : recentMarkRows(shortOfWithdrawn, since, n, false)) {
                if (row[1] != null) {
                    byChild.computeIfAbsent((UUID) row[0], k -> new ArrayList<>()).add(recentMark(row));
                }
            }
        }
        return byChild;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> recentMarkRows(Collection<UUID> children, LocalDate since, int n, boolean fromFloor) {
        String floor = fromFloor ? """
                coalesce((select m.lesson_date from lesson_mark m where m.student_id = s.id and m.lesson_date >= :since
                          order by m.lesson_date desc offset :n - 1 limit 1), :since)""" : "cast(:since as date)";
        // offset 0 keeps the floor a subquery computed once per child, not again for every output row
        return em.createNativeQuery("""
                select s.id, r.lesson_date, r.subject, r.value, r.weight, r.kind, r.comment, f.floor
                from student s
                cross join lateral (select %s as floor offset 0) f
                left join lateral (
                  select m.lesson_date, l.lesson_number, m.position, l.subject, m.value, m.weight, m.kind, m.comment
                  from lesson_mark m join lesson l on l.id = m.lesson_id and l.lesson_date = m.lesson_date
                  where m.student_id = s.id and m.lesson_date >= f.floor and l.withdrawn_at is null
                  order by m.lesson_date desc, l.lesson_number desc, m.position desc
                  limit :n) r on true
                where s.id in (:ids)
                order by s.id, r.lesson_date desc, r.lesson_number desc, r.position desc""".formatted(floor))
                .setParameter("ids", children).setParameter("since", since).setParameter("n", n).getResultList();
    }

    private static RecentMark recentMark(Object[] row) {
        return new RecentMark(date(row[1]), (String) row[2], ((Number) row[3]).intValue(),
                ((Number) row[4]).intValue(), MarkKind.valueOf((String) row[5]), (String) row[6]);
    }

    /** Each child's homework in live lessons from {@code monday} to {@code sunday}, in lesson order. */
    @SuppressWarnings("unchecked")
    Map<UUID, List<Homework>> homework(Collection<UUID> children, LocalDate monday, LocalDate sunday) {
        Map<UUID, List<Homework>> byChild = new HashMap<>();
        if (children.isEmpty()) {
            return byChild;
        }
        List<Object[]> rows = em.createNativeQuery("""
                select student_id, lesson_date, lesson_number, subject, homework from (
                  select s.id as student_id, l.lesson_date, l.lesson_number, l.id, l.subject, l.homework
                  from student s join lesson l on l.class_id = s.class_id and l.group_id is null
                  where s.id in (:ids) and l.withdrawn_at is null and l.homework is not null
                    and l.lesson_date between :monday and :sunday
                  union all
                  select g.student_id, l.lesson_date, l.lesson_number, l.id, l.subject, l.homework
                  from lesson_group_member g join lesson l on l.group_id = g.group_id
                  where g.student_id in (:ids) and l.withdrawn_at is null and l.homework is not null
                    and l.lesson_date between :monday and :sunday
                ) week order by student_id, lesson_date, lesson_number, id""")
                .setParameter("ids", children).setParameter("monday", monday).setParameter("sunday", sunday)
                .getResultList();
        for (Object[] row : rows) {
            byChild.computeIfAbsent((UUID) row[0], k -> new ArrayList<>()).add(new Homework(date(row[1]),
                    ((Number) row[2]).intValue(), (String) row[3], (String) row[4]));
        }
        return byChild;
    }

    private static LocalDate date(Object value) {
        return value instanceof LocalDate date ? date : ((java.sql.Date) value).toLocalDate();
    }

    private static Instant instant(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    private static Instant later(Instant a, Instant b) {
        return b == null || (a != null && a.isAfter(b)) ? a : b;
    }
}
