package ru.ediary.trust;

import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import ru.ediary.api.ApiBoundary;
import ru.ediary.api.ApiException;

/** diaryAccess composes direct access (access) with trusted access, so it lives on the side that knows both. */
@GraphQLApi
@ApiBoundary
public class DiaryAccessApi {

    @Inject
    DiaryAccessService diaryAccess;

    @Query("diaryAccess")
    @Description("Which children's diaries the caller sees and in what capacity; when none, the next steps to take.")
    public @NonNull DiaryAccessView diaryAccess() throws ApiException {
        return diaryAccess.diaryAccess();
    }
}
