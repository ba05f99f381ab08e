package ru.ediary.school;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("ClassRoster")
@Description("A class with its students and their recorded contacts: what a class teacher works with.")
public record ClassRosterView(
        @Description("The class's id.") @Id @NonNull String id,
        @Description("Key of the class in the school system.") @NonNull String externalId,
        @Description("Class name, e.g. \"5А\".") @NonNull String name,
        @Description("The school of the class.") @NonNull SchoolView school,
        @Description("Students of the class, enrolled and withdrawn.")
        @NonNull List<@NonNull StudentRecordView> students) {
}
