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

    /** Latest marks and this week's homework of some children, as {@link #summaries} read them. */
    record Summaries(Map<UUID, List<RecentMark>> marks, Map<UUID, List<Homework>> homework) {
    }

    /**
     * In one statement: each child of {@code marked}'s latest marks in live lessons since {@code since}, newest first,
     * at most {@code n} each; and each child of {@code homeworked}'s homework in live lessons from {@code monday} to
     * {@code sunday}, in lesson order. Either set may be empty (its branch is left out).
     * <p>
     * Ordering every mark since {@code since} grows with the year, so the date of the pupil's n-th newest mark is
     * read first, from the mark index alone (n index entries), and only the marks from that date on are joined to
     * their lessons and ordered. That finds the n newest live marks unless a withdrawn lesson's marks are among
     * them; for the few children where it then comes up short, a second statement reads the whole window.
     */
    @SuppressWarnings("unchecked")
    Summaries summaries(Collection<UUID> marked, LocalDate since, int n, Collection<UUID> homeworked, LocalDate monday,
            LocalDate sunday) {
        Map<UUID, List<RecentMark>> marks = new HashMap<>();
        Map<UUID, List<Homework>> homework = new HashMap<>();
        List<String> branches = new ArrayList<>();
        if (!marked.isEmpty()) {
            branches.add(marksBranch(true));
        }
        if (!homeworked.isEmpty()) {
            branches.add("""
                    select 'H' as part, student_id, lesson_date, lesson_number, subject, null as value, null as weight,
                           null as kind, null as comment, homework, null as floor, null::integer as position,
                           id as lesson_id
                    from (
                      select s.id as student_id, l.lesson_date, l.lesson_number, l.id, l.subject, l.homework
                      from student s join lesson l on l.class_id = s.class_id and l.group_id is null
                      where s.id in (:homeworked) and l.withdrawn_at is null and l.homework is not null
                        and l.lesson_date between :monday and :sunday
                      union all
                      select g.student_id, l.lesson_date, l.lesson_number, l.id, l.subject, l.homework
                      from lesson_group_member g join lesson l on l.group_id = g.group_id
                      where g.student_id in (:homeworked) and l.withdrawn_at is null and l.homework is not null
                        and l.lesson_date between :monday and :sunday
                    ) week""");
        }
        if (branches.isEmpty()) {
            return new Summaries(marks, homework);
        }
        var query = em.createNativeQuery(ordered(String.join(" union all ", branches)));
        if (!marked.isEmpty()) {
            query.setParameter("marked", marked).setParameter("since", since).setParameter("n", n);
        }
        if (!homeworked.isEmpty()) {
            query.setParameter("homeworked", homeworked).setParameter("monday", monday).setParameter("sunday", sunday);
        }
        Map<UUID, LocalDate> floors = new HashMap<>();
        for (Object[] row : (List<Object[]>) query.getResultList()) {
            UUID child = (UUID) row[1];
            if ("M".equals(row[0])) {
                floors.put(child, date(row[10]));
                if (row[2] != null) {
                    marks.computeIfAbsent(child, k -> new ArrayList<>()).add(recentMark(row));
                }
            } else {
                homework.computeIfAbsent(child, k -> new ArrayList<>()).add(new Homework(date(row[2]),
                        ((Number) row[3]).intValue(), (String) row[4], (String) row[9]));
            }
        }
        List<UUID> shortOfWithdrawn = marked.stream().filter(child -> floors.containsKey(child)
                && floors.get(child).isAfter(since) && marks.getOrDefault(child, List.of()).size() < n).toList();
        if (!shortOfWithdrawn.isEmpty()) {
            shortOfWithdrawn.forEach(marks::remove);
            for (Object[] row : (List<Object[]>) em.createNativeQuery(ordered(marksBranch(false)))
                    .setParameter("marked", shortOfWithdrawn).setParameter("since", since).setParameter("n", n)
                    .getResultList()) {
                if (row[2] != null) {
                    marks.computeIfAbsent((UUID) row[1], k -> new ArrayList<>()).add(recentMark(row));
                }
            }
        }
        return new Summaries(marks, homework);
    }

    /** The marks branch of {@link #summaries}: from each child's floor date on, or the whole window. */
    private static String marksBranch(boolean fromFloor) {
        String floor = fromFloor ? """
                coalesce((select m.lesson_date from lesson_mark m where m.student_id = s.id and m.lesson_date >= :since
                          order by m.lesson_date desc offset :n - 1 limit 1), :since)""" : "cast(:since as date)";
        // offset 0 keeps the floor a subquery computed once per child, not again for every output row
        return """
                select 'M' as part, s.id as student_id, r.lesson_date, r.lesson_number, r.subject, r.value, r.weight,
                       r.kind, r.comment, null as homework, f.floor, r.position, null::uuid as lesson_id
                from student s
                cross join lateral (select %s as floor offset 0) f
                left join lateral (
                  select m.lesson_date, l.lesson_number, m.position, l.subject, m.value, m.weight, m.kind, m.comment
                  from lesson_mark m join lesson l on l.id = m.lesson_id and l.lesson_date = m.lesson_date
                  where m.student_id = s.id and m.lesson_date >= f.floor and l.withdrawn_at is null
                  order by m.lesson_date desc, l.lesson_number desc, m.position desc
                  limit :n) r on true
                where s.id in (:marked)""".formatted(floor);
    }

    /**
     * Each child's marks newest first (date, lesson, position in the lesson), homework in lesson order. Ordered
     * outside the union: a window function per branch to number the rows made the statement twice as slow.
     */
    private static String ordered(String union) {
        return "select * from (" + union + ") u order by part, student_id,"
                + " case when part = 'M' then date '2000-01-01' - lesson_date else lesson_date - date '2000-01-01' end,"
                + " case when part = 'M' then -lesson_number else lesson_number end, position desc, lesson_id";
    }

    private static RecentMark recentMark(Object[] row) {
        return new RecentMark(date(row[2]), (String) row[4], ((Number) row[5]).intValue(),
                ((Number) row[6]).intValue(), MarkKind.valueOf((String) row[7]), (String) row[8]);
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
