package ru.ediary.trust;

import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.Source;
import ru.ediary.access.ChildView;
import ru.ediary.account.Caller;
import ru.ediary.api.ApiBoundary;
import ru.ediary.api.ApiException;
import ru.ediary.api.Tx;

@GraphQLApi
@ApiBoundary
public class ChildTrustFields {

    @Inject
    Caller caller;
    @Inject
    TrustedAccessService grants;

    @Name("trustedPersons")
    @Description("The child's live trusted persons; filled for the child's parents only, empty for other readers.")
    public List<List<TrustedAccessView>> trustedPersons(@Source List<ChildView> children) throws ApiException {
        if (caller.isSchoolSystem()) {
            return children.stream().map(c -> List.<TrustedAccessView>of()).toList();
        }
        UUID me = caller.accountId();
        List<UUID> ids = children.stream().map(c -> UUID.fromString(c.id())).distinct().toList();
        var byChild = Tx.inNew(() -> grants.liveGrantsForParent(me, ids));
        return children.stream().map(c -> byChild.getOrDefault(UUID.fromString(c.id()), List.of())).toList();
    }
}
