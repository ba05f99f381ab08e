package ru.ediary.diary;

import org.eclipse.microprofile.graphql.Description;

@Description("What a mark was given for.")
public enum MarkKind {
    LESSON,
    HOMEWORK,
    TEST,
    EXAM,
    OTHER
}
