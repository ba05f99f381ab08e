package ru.ediary.diary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import ru.ediary.account.Caller;
import ru.ediary.api.ApiException;
import ru.ediary.api.BadUserInputException;
import ru.ediary.api.Cursor;
import ru.ediary.api.Ids;
import ru.ediary.api.Pages;
import ru.ediary.config.EdiaryConfig;

@ApplicationScoped
public class DiaryReadService {

    private final Caller caller;
    private final DiaryReaders readers;
    private final EdiaryConfig config;
    private final Clock clock;
    private final DiaryQueries lessons;

    DiaryReadService(Caller caller, DiaryReaders readers, EdiaryConfig config, Clock clock,
            DiaryQueries lessons) {
        this.lessons = lessons;
        this.caller = caller;
        this.readers = readers;
        this.config = config;
        this.clock = clock;
    }

    /** A child's lessons from {@code from} to {@code to} inclusive, oldest first, a page at a time. */
    @Transactional
    public DiaryEntryView.Connection page(String childId, LocalDate from, LocalDate to, Integer first, String after)
            throws ApiException {
        UUID studentId = Ids.parse(childId);
        LocalDate until = to != null ? to : LocalDate.now(clock.withZone(config.diary().zone()));
        LocalDate since = from != null ? from : until.minusDays(30);
        if (since.isAfter(until)) {
            throw new BadUserInputException("Дата «from» позже даты «to».");
        }
        if (ChronoUnit.DAYS.between(since, until) + 1 > config.diary().maxRangeDays()) {
            throw new BadUserInputException("Диапазон дат не может быть больше " + config.diary().maxRangeDays() + " дней.");
        }
        int size = Cursor.pageSize(first);
        DiaryCursor cursor = DiaryCursor.decode(after);
        caller.requireAuthenticated();
        UUID accountId = caller.isSchoolSystem() ? null : caller.accountId();
        var child = readers.require(accountId, studentId);
        var rows = lessons.page(studentId, child.classId(), since, until, cursor, size + 1);
        var page = Pages.of(rows, size,
                entry -> new DiaryCursor(entry.date(), entry.lessonNumber(), UUID.fromString(entry.id())).encode(),
                DiaryEntryView.Edge::new);
        return new DiaryEntryView.Connection(page.edges(), page.pageInfo());
    }
}
