package ru.ediary.diary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import ru.ediary.test.Fixtures;

/** The school-year partitions are kept created ahead of every date the feed accepts. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class DiaryPartitionsTest {

    @Inject
    DiaryPartitions partitions;
    @Inject
    Fixtures fixtures;

    private static int schoolYear(LocalDate date) {
        return date.getMonthValue() >= 9 ? date.getYear() : date.getYear() - 1;
    }

    private long tables(String name) {
        return fixtures.count("select count(*) from pg_class where relname = ?1 and relnamespace = current_schema()::regnamespace",
                name);
    }

    @Test
    void aMissingSchoolYearAheadIsCreatedWithItsKeysAndAnExistingOneIsLeftAlone() {
        // the furthest year the check covers: one school year past the latest date the feed accepts (1 year)
        int year = schoolYear(LocalDate.now().plusYears(2));
        assertEquals(0, partitions.ensure(), "V8 created them already");
        for (String table : new String[] {"lesson_mark", "lesson_attendance", "lesson"}) {
            fixtures.execute("alter table " + table + " detach partition " + table + "_y" + year);
            fixtures.execute("drop table " + table + "_y" + year);
        }
        assertEquals(0, tables("lesson_y" + year));

        assertEquals(3, partitions.ensure());
        assertEquals(1, tables("lesson_y" + year));
        assertEquals(1, tables("lesson_mark_y" + year));
        assertEquals(1, tables("lesson_attendance_y" + year));
        assertEquals(1, tables("lesson_y" + year + "_external_key"));
        assertEquals(0, partitions.ensure());
    }
}
