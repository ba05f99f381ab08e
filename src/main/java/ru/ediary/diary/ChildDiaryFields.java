package ru.ediary.diary;

import graphql.schema.DataFetchingEnvironment;
import io.smallrye.graphql.api.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.Source;
import ru.ediary.access.ChildReaders.Reader;
import ru.ediary.access.ChildView;
import ru.ediary.access.ReadChildren;
import ru.ediary.account.Caller;
import ru.ediary.api.ApiBoundary;
import ru.ediary.api.ApiException;
import ru.ediary.config.EdiaryConfig;
import ru.ediary.diary.ChildDiaryView.Homework;
import ru.ediary.diary.ChildDiaryView.RecentMark;
import ru.ediary.school.EnrolmentStatus;

/**
 * Diary fields of {@code Child}, resolved for all children of a response at once (batch resolvers), so a
 * dashboard costs the same number of statements for one child as for five; when both are asked, one statement
 * reads both ({@link DiarySummaries}). A {@code Child} only reaches a response through a query that already applied
 * the read rule and remembered how the caller reads it ({@link ReadChildren}).
 */
@GraphQLApi
@ApiBoundary
@ApplicationScoped
public class ChildDiaryFields {

    static final String RECENT_MARKS = "recentMarks";
    static final String WEEK_HOMEWORK = "weekHomework";

    @Inject
    Caller caller;
    @Inject
    ReadChildren answered;
    @Inject
    TrustedReads trustedReads;
    @Inject
    DiaryQueries queries;
    @Inject
    DiarySummaries summaries;
    @Inject
    Context context;
    @Inject
    EdiaryConfig config;
    @Inject
    Clock clock;

    @Name(RECENT_MARKS)
    @Description("The child's latest marks, newest first.")
    @Transactional
    public List<List<RecentMark>> recentMarks(@Source List<ChildView> children) throws ApiException {
        List<UUID> ids = readable(children);
        auditTrustedReads(ids);
        load(ids, siblingAsked(WEEK_HOMEWORK) ? ids : List.of());
        return children.stream().map(c -> summaries.marks(UUID.fromString(c.id()))).toList();
    }

    @Name(WEEK_HOMEWORK)
    @Description("Homework for this week's lessons (Monday to Sunday), in lesson order.")
    @Transactional
    public List<List<Homework>> weekHomework(@Source List<ChildView> children) throws ApiException {
        List<UUID> ids = readable(children);
        auditTrustedReads(ids);
        load(siblingAsked(RECENT_MARKS) ? ids : List.of(), ids);
        return children.stream().map(c -> summaries.homework(UUID.fromString(c.id()))).toList();
    }

    private void load(List<UUID> forMarks, List<UUID> forHomework) {
        LocalDate today = LocalDate.now(clock.withZone(config.diary().zone()));
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        summaries.load(queries, forMarks, today.minusDays(93), config.diary().recentMarks(), forHomework, monday,
                monday.plusDays(6));
    }

    private boolean siblingAsked(String field) {
        return SiblingFields.selected(context.unwrap(DataFetchingEnvironment.class), field);
    }

    /** Withdrawn students' diaries are read by nobody. */
    private static List<UUID> readable(List<ChildView> children) {
        return children.stream().filter(c -> c.status() == EnrolmentStatus.ENROLLED).map(c -> UUID.fromString(c.id()))
                .distinct().toList();
    }

    /**
     * Children the caller sees only as a trusted person: reading their marks or homework is an audited read. The
     * root query that answered with a child already said how the caller reads it; only a child that reached the
     * answer some other way is looked up.
     */
    private void auditTrustedReads(List<UUID> ids) throws ApiException {
        if (ids.isEmpty() || caller.isSchoolSystem()) {
            return;
        }
        List<UUID> trusted = new ArrayList<>();
        List<UUID> unknown = new ArrayList<>();
        for (UUID id : ids) {
            var reader = answered.of(id.toString());
            if (reader.isEmpty()) {
                unknown.add(id);
            } else if (reader.get() == Reader.TRUSTED_PERSON) {
                trusted.add(id);
            }
        }
        if (!trusted.isEmpty() || !unknown.isEmpty()) {
            trustedReads.audit(caller.accountId(), trusted, unknown);
        }
    }
}
