package ru.ediary.account;

/** The only token roles this service reads. Parent, student and trusted person follow from data, never from a role. */
public final class Roles {

    public static final String TEACHER = "teacher";
    public static final String SCHOOL_SYSTEM = "school-system";

    private Roles() {
    }
}
