package ru.ediary.access;

import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import ru.ediary.api.ApiBoundary;
import ru.ediary.api.ApiException;

@GraphQLApi
@ApiBoundary
public class AccessApi {

    @Inject
    AccessService access;

    @Query("myChildren")
    @Description("Children whose diary the caller sees as a parent (legal representative).")
    public @NonNull List<@NonNull ChildView> myChildren() throws ApiException {
        return access.myChildren();
    }

    @Query("child")
    @Description("One child the caller may see; NOT_FOUND otherwise, exactly as for an unknown id.")
    public @NonNull ChildView child(
            @Name("id") @Id @NonNull @Description("The child's id, as in diaryAccess or myChildren.") String id)
            throws ApiException {
        return access.child(id);
    }
}
