package ru.ediary.diary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
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
    DiaryQueries queries;
    @Inject
    EdiaryConfig config;
    @Inject
    Clock clock;

    @Name("recentMarks")
    @Description("The child's latest marks, newest first.")
    public List<List<RecentMark>> recentMarks(@Source List<ChildView> children) throws ApiException {
        List<UUID> ids = readable(children);
        return Tx.inNew(() -> {
            auditTrustedReads(ids);
            Map<UUID, List<RecentMark>> byChild = queries.recentMarks(ids, today().minusDays(93),
                    config.diary().recentMarks());
            return children.stream().map(c -> byChild.getOrDefault(UUID.fromString(c.id()), List.of())).toList();
        });
    }

    @Name("weekHomework")
    @Description("Homework for this week's lessons (Monday to Sunday), in lesson order.")
    public List<List<Homework>> weekHomework(@Source List<ChildView> children) throws ApiException {
        List<UUID> ids = readable(children);
        return Tx.inNew(() -> {
            auditTrustedReads(ids);
            LocalDate monday = today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            Map<UUID, List<Homework>> byChild = queries.homework(ids, monday, monday.plusDays(6));
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
}
