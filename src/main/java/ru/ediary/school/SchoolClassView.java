package ru.ediary.school;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("SchoolClass")
@Description("A class of a school, e.g. \"5А\".")
public record SchoolClassView(@Description("The class's id.") @Id @NonNull String id,
        @Description("Class name, e.g. \"5А\".") @NonNull String name,
        @Description("The school of the class.") @NonNull SchoolView school) {

    public static SchoolClassView of(SchoolClass schoolClass) {
        return new SchoolClassView(schoolClass.id.toString(), schoolClass.name, SchoolView.of(schoolClass.school));
    }
}
