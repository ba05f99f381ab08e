package ru.ediary.account;

import java.util.StringJoiner;

public final class FullNames {

    private FullNames() {
    }

    /** "Фамилия Имя Отчество", skipping parts that are not known. */
    public static String of(String last, String first, String middle) {
        var joiner = new StringJoiner(" ");
        for (String part : new String[] {last, first, middle}) {
            if (part != null && !part.isBlank()) {
                joiner.add(part);
            }
        }
        return joiner.toString();
    }
}
