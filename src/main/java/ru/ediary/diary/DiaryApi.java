package ru.ediary.diary;

import jakarta.inject.Inject;
import java.time.LocalDate;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import ru.ediary.api.ApiBoundary;
import ru.ediary.api.ApiException;

@GraphQLApi
@ApiBoundary
public class DiaryApi {

    @Inject
    DiaryReadService reads;
    @Inject
    DiaryFeedService feed;
    @Inject
    LessonFeedService lessons;

    @Query("diary")
    @Description("A child's lessons, oldest first, for whoever may read the diary: the student, a parent with direct "
            + "access, an active trusted person, the class teacher, the school's system. `from` defaults to 30 days "
            + "before `to`, `to` to today; the range is at most 93 days. NOT_FOUND for anyone else.")
    public @NonNull DiaryEntryView.Connection diary(
            @Name("childId") @Id @NonNull @Description("The child whose diary to read.") String childId,
            @Name("from") @Description("First lesson date, inclusive.") LocalDate from,
            @Name("to") @Description("Last lesson date, inclusive.") LocalDate to,
            @Name("first") @Description("Page size, 1–100; default 20.") Integer first,
            @Name("after") @Description("endCursor of the previous page; leave out for the first page.")
            String after) throws ApiException {
        return reads.page(childId, from, to, first, after);
    }

    @Mutation("upsertDiaryEntries")
    @Deprecated
    @Description("Deprecated: use upsertLessons, which sends a lesson once for its class or group. Kept for one "
            + "release. School systems only: creates, updates or withdraws per-pupil copies of lessons, up to 1000 per "
            + "call; a copy names its pupil's class lesson in that slot (date, lesson number, subject), created by the "
            + "first copy, and carries its pupil's attendance and marks. A batch with a bad row is refused whole, with "
            + "every bad row named in one answer.")
    public @NonNull DiaryBatchPayload upsertDiaryEntries(
            @Name("input") @NonNull @Description("The entries to create, update or withdraw.") DiaryBatchInput input)
            throws ApiException {
        return feed.upsert(input);
    }

    @Mutation("upsertLessons")
    @Description("School systems only: creates, updates or withdraws lessons of the school's classes and groups, up to "
            + "200 per call, each with its pupils' attendance and marks. A batch with a bad row is refused whole, with "
            + "every bad row named in one answer; sending it again changes nothing.")
    public @NonNull LessonBatchPayload upsertLessons(
            @Name("input") @NonNull @Description("The lessons to create, update or withdraw.") LessonBatchInput input)
            throws ApiException {
        return lessons.upsertLessons(input);
    }

    @Mutation("upsertLessonGroups")
    @Description("School systems only: creates or updates groups of a class's pupils (the audience of group lessons), "
            + "up to 500 per call. A batch with a bad row is refused whole, with every bad row named in one answer.")
    public @NonNull LessonGroupBatchPayload upsertLessonGroups(
            @Name("input") @NonNull @Description("The groups to create or update.") LessonGroupBatchInput input)
            throws ApiException {
        return lessons.upsertGroups(input);
    }
}
