package ru.ediary.diary;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;
import ru.ediary.school.Student;

/** One lesson of one student: topic, homework, attendance and marks. */
@Entity
@Table(name = "diary_entry")
public class DiaryEntry extends PanacheEntityBase {

    @Id
    public UUID id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "student_id")
    public Student student;
    public UUID schoolId;
    public String externalId;
    public LocalDate lessonDate;
    public short lessonNumber;
    public String subject;
    public String topic;
    public String homework;
    @Enumerated(EnumType.STRING)
    public Attendance attendance;
    public String teacherName;
    public Instant withdrawnAt;
    public Instant changedAt;
    @Version
    public long version;
    /** Loaded for a whole page of entries in one statement. */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "diary_mark", joinColumns = @JoinColumn(name = "entry_id"))
    @OrderColumn(name = "position")
    @BatchSize(size = 100)
    public List<Mark> marks = new ArrayList<>();
}
