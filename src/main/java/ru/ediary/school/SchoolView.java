package ru.ediary.school;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("School")
@Description("A school.")
public record SchoolView(@Id @NonNull String id, @NonNull String name) {

    public static SchoolView of(School school) {
        return new SchoolView(school.id.toString(), school.name);
    }
}
