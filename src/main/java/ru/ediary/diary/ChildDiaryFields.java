package ru.ediary.diary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.Source;
import ru.ediary.access.ChildView;
import ru.ediary.account.Caller;
import ru.ediary.api.ApiBoundary;
import ru.ediary.api.ApiException;
import ru.ediary.api.Tx;
import ru.ediary.config.EdiaryConfig;
import ru.ediary.diary.ChildDiaryView.Homework;
import ru.ediary.diary.ChildDiaryView.RecentMark;
import ru.ediary.school.EnrolmentStatus;


/**
 * Diary fields of {@code Child}, resolved for all children of a response at once (batch resolvers), so a
 * dashboard costs the same number of statements for one child as for five. A {@code Child} only reaches a
 * response through a query that already applied the read rule.
 */
@GraphQLApi
@ApiBoundary
@ApplicationScoped
public class ChildDiaryFields {

    @Inject
    Caller caller;
    @Inject
    TrustedReads trustedReads;
    @Inject
    EntityManager em;
    @Inject
    EdiaryConfig config;
    @Inject
    Clock clock;

    @Name("recentMarks")
    @Description("The child's latest marks, newest first.")
    @SuppressWarnings("unchecked")
    public List<List<RecentMark>> recentMarks(@Source List<ChildView> children) throws ApiException {
        List<UUID> ids = readable(children);
        return Tx.inNew(() -> {
            auditTrustedReads(ids);
            Map<UUID, List<RecentMark>> byChild = new HashMap<>();
            if (!ids.isEmpty()) {
                List<Object[]> rows = em.createNativeQuery("""
                        select student_id, lesson_date, subject, value, weight, kind, comment from (
                          select e.student_id, e.lesson_date, e.subject, m.value, m.weight, m.kind, m.comment,
                                 row_number() over (partition by e.student_id
                                                    order by e.lesson_date desc, e.lesson_number desc, m.position desc) as rn
                          from diary_entry e join diary_mark m on m.entry_id = e.id
                          where e.student_id in (:ids) and e.withdrawn_at is null and e.lesson_date >= :since
                        ) recent where rn <= :n order by student_id, rn""")
                        .setParameter("ids", ids).setParameter("since", today().minusDays(93))
                        .setParameter("n", config.diary().recentMarks()).getResultList();
                for (Object[] row : rows) {
                    byChild.computeIfAbsent((UUID) row[0], k -> new ArrayList<>()).add(new RecentMark(
                            toDate(row[1]), (String) row[2], ((Number) row[3]).intValue(), ((Number) row[4]).intValue(),
                            MarkKind.valueOf((String) row[5]), (String) row[6]));
                }
            }
            return children.stream().map(c -> byChild.getOrDefault(UUID.fromString(c.id()), List.of())).toList();
        });
    }

    @Name("weekHomework")
    @Description("Homework for this week's lessons (Monday to Sunday), in lesson order.")
    @SuppressWarnings("unchecked")
    public List<List<Homework>> weekHomework(@Source List<ChildView> children) throws ApiException {
        List<UUID> ids = readable(children);
        return Tx.inNew(() -> {
            auditTrustedReads(ids);
            Map<UUID, List<Homework>> byChild = new HashMap<>();
            if (!ids.isEmpty()) {
                LocalDate monday = today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                List<Object[]> rows = em.createNativeQuery("""
                        select student_id, lesson_date, lesson_number, subject, homework from diary_entry
                        where student_id in (:ids) and withdrawn_at is null and homework is not null
                          and lesson_date between :monday and :sunday
                        order by student_id, lesson_date, lesson_number""")
                        .setParameter("ids", ids).setParameter("monday", monday)
                        .setParameter("sunday", monday.plusDays(6)).getResultList();
                for (Object[] row : rows) {
                    byChild.computeIfAbsent((UUID) row[0], k -> new ArrayList<>()).add(new Homework(toDate(row[1]),
                            ((Number) row[2]).intValue(), (String) row[3], (String) row[4]));
                }
            }
            return children.stream().map(c -> byChild.getOrDefault(UUID.fromString(c.id()), List.of())).toList();
        });
    }

    /** Withdrawn students' diaries are read by nobody. */
    private static List<UUID> readable(List<ChildView> children) {
        return children.stream().filter(c -> c.status() == EnrolmentStatus.ENROLLED).map(c -> UUID.fromString(c.id()))
                .distinct().toList();
    }

    /** Children the caller sees only as a trusted person: reading their marks or homework is an audited read. */
    private void auditTrustedReads(List<UUID> ids) throws ApiException {
        if (!ids.isEmpty() && !caller.isSchoolSystem()) {
            trustedReads.audit(caller.accountId(), ids);
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(config.diary().zone()));
    }

    private static LocalDate toDate(Object value) {
        return value instanceof LocalDate date ? date : ((java.sql.Date) value).toLocalDate();
    }

}
