package ru.ediary.diary;

import org.eclipse.microprofile.graphql.Description;

@Description("What a mark was given for.")
public enum MarkKind {
    @Description("Work in the lesson.")
    LESSON,
    @Description("Homework.")
    HOMEWORK,
    @Description("A test.")
    TEST,
    @Description("An exam.")
    EXAM,
    @Description("Anything else.")
    OTHER
}
