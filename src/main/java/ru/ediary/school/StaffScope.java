package ru.ediary.school;

import java.util.Set;
import java.util.UUID;

/**
 * What school staff may touch: a school system its whole school, a class teacher the classes they lead.
 * Anything outside answers NOT_FOUND, exactly like an id that does not exist.
 */
public record StaffScope(UUID schoolId, Set<UUID> classIds) {

    public static StaffScope school(UUID schoolId) {
        return new StaffScope(schoolId, Set.of());
    }

    public static StaffScope classes(Set<UUID> classIds) {
        return new StaffScope(null, Set.copyOf(classIds));
    }

    public boolean isSchoolSystem() {
        return schoolId != null;
    }

    public boolean covers(Student student) {
        return covers(student.school.id, student.schoolClass.id);
    }

    public boolean covers(UUID studentSchoolId, UUID studentClassId) {
        return isSchoolSystem() ? schoolId.equals(studentSchoolId) : classIds.contains(studentClassId);
    }
}
