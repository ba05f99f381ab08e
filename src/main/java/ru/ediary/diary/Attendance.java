package ru.ediary.diary;

public enum Attendance {
    PRESENT,
    ABSENT,
    LATE,
    EXCUSED
}
