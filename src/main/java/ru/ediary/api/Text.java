package ru.ediary.api;

/** The few string rules every input shares: surrounding spaces never mean anything, blank means absent. */
public final class Text {

    private Text() {
    }

    public static String strip(String value) {
        return value == null ? null : value.strip();
    }

    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
