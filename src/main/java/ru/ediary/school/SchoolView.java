package ru.ediary.school;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("School")
@Description("A school.")
public record SchoolView(@Description("The school's id.") @Id @NonNull String id,
        @Description("The school's name, e.g. «ГБОУ Школа № 1535».") @NonNull String name) {

    public static SchoolView of(School school) {
        return new SchoolView(school.id.toString(), school.name);
    }
}
