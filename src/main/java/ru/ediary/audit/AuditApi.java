package ru.ediary.audit;

import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import ru.ediary.account.Caller;
import ru.ediary.api.ApiBoundary;
import ru.ediary.api.ApiException;

@GraphQLApi
@ApiBoundary
public class AuditApi {

    @Inject
    Caller caller;
    @Inject
    AuditService audit;

    @Query("auditLog")
    @Description("Every change of access to a child's diary and every read by a trusted person, newest first. "
            + "For the child's parents (direct access) only.")
    public @NonNull AuditEventView.Connection auditLog(@Name("childId") @Id @NonNull String childId,
            @Name("first") Integer first, @Name("after") String after) throws ApiException {
        return audit.log(caller.accountId(), childId, first, after);
    }
}
