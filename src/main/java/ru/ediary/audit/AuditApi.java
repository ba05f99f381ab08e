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
    public @NonNull AuditEventView.Connection auditLog(
            @Name("childId") @Id @NonNull @Description("The child whose log to read.") String childId,
            @Name("first") @Description("Page size, 1–100; default 20.") Integer first,
            @Name("after") @Description("endCursor of the previous page; leave out for the first page.")
            String after) throws ApiException {
        return audit.log(caller.accountId(), childId, first, after);
    }
}
