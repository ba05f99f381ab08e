package ru.ediary.diary;

import org.eclipse.microprofile.graphql.Description;

@Description("Whether a student attended a lesson.")
public enum Attendance {
    @Description("Attended.")
    PRESENT,
    @Description("Absent without a recorded reason.")
    ABSENT,
    @Description("Came late.")
    LATE,
    @Description("Absent for a reason the school accepted.")
    EXCUSED
}
