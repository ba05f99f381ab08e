package ru.ediary.diary;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import ru.ediary.account.Caller;
import ru.ediary.api.ApiException;
import ru.ediary.api.BadUserInputException;
import ru.ediary.api.Cursor;
import ru.ediary.api.Ids;
import ru.ediary.api.NotFoundException;
import ru.ediary.api.Pages;
import ru.ediary.api.Tx;
import ru.ediary.config.EdiaryConfig;
import ru.ediary.school.StudentRepository;

@ApplicationScoped
public class DiaryReadService {

    private final Caller caller;
    private final StudentRepository students;
    private final DiaryReaders readers;
    private final EdiaryConfig config;
    private final Clock clock;

    DiaryReadService(Caller caller, StudentRepository students, DiaryReaders readers,
            EdiaryConfig config, Clock clock) {
        this.caller = caller;
        this.students = students;
        this.readers = readers;
        this.config = config;
        this.clock = clock;
    }

    /** A child's lessons from {@code from} to {@code to} inclusive, oldest first, a page at a time. */
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
        return Tx.inNew(() -> {
            var student = students.findWithClass(studentId).orElseThrow(NotFoundException::new);
            readers.require(accountId, student);
            String query = "from DiaryEntry e where e.student.id = :student and e.withdrawnAt is null"
                    + " and e.lessonDate between :from and :to"
                    + (cursor == null ? "" : " and (e.lessonDate > :d or (e.lessonDate = :d and (e.lessonNumber > :n"
                            + " or (e.lessonNumber = :n and e.id > :id))))")
                    + " order by e.lessonDate, e.lessonNumber, e.id";
            var q = DiaryEntry.getEntityManager().createQuery(query, DiaryEntry.class)
                    .setParameter("student", studentId).setParameter("from", since).setParameter("to", until)
                    .setMaxResults(size + 1);
            if (cursor != null) {
                q.setParameter("d", cursor.date()).setParameter("n", (short) cursor.lesson()).setParameter("id", cursor.id());
            }
            var page = Pages.of(q.getResultList(), size,
                    entry -> new DiaryCursor(entry.lessonDate, entry.lessonNumber, entry.id).encode(),
                    (edgeCursor, entry) -> new DiaryEntryView.Edge(edgeCursor, DiaryEntryView.of(entry)));
            return new DiaryEntryView.Connection(page.edges(), page.pageInfo());
        });
    }
}
