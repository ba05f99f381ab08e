package ru.ediary.school;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("ClassRoster")
@Description("A class with its students and their recorded contacts: what a class teacher works with.")
public record ClassRosterView(
        @Id @NonNull String id,
        @NonNull String externalId,
        @NonNull String name,
        @NonNull SchoolView school,
        @NonNull List<@NonNull StudentRecordView> students) {
}
