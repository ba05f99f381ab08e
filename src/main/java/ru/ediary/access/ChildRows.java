package ru.ediary.access;

import java.time.LocalDate;
import java.util.UUID;
import ru.ediary.account.FullNames;
import ru.ediary.school.EnrolmentStatus;
import ru.ediary.school.SchoolClassView;
import ru.ediary.school.SchoolView;

/** A {@link ChildView} read straight from SQL: the columns to select and the record they make. */
final class ChildRows {

    /** From {@code student s join school_class c on c.id = s.class_id join school sc on sc.id = c.school_id}. */
    static final String COLUMNS = "s.id, s.last_name, s.first_name, s.middle_name, s.birth_date, s.status,"
            + " c.id, c.name, sc.id, sc.name";
    static final String FROM = "student s join school_class c on c.id = s.class_id join school sc on sc.id = c.school_id";
    /** How many columns {@link #COLUMNS} selects. */
    static final int WIDTH = 10;

    private ChildRows() {
    }

    static ChildView child(Object[] row) {
        return new ChildView(row[0].toString(), (String) row[1], (String) row[2], (String) row[3],
                FullNames.of((String) row[1], (String) row[2], (String) row[3]), date(row[4]),
                EnrolmentStatus.valueOf((String) row[5]), new SchoolClassView(row[6].toString(), (String) row[7],
                        new SchoolView(row[8].toString(), (String) row[9])));
    }

    static UUID schoolId(Object[] row) {
        return (UUID) row[8];
    }

    static UUID classId(Object[] row) {
        return (UUID) row[6];
    }

    private static LocalDate date(Object value) {
        return value instanceof LocalDate date ? date : ((java.sql.Date) value).toLocalDate();
    }
}
