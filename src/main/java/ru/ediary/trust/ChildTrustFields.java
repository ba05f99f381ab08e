package ru.ediary.trust;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.Source;
import ru.ediary.access.ChildReaders.Reader;
import ru.ediary.access.ChildView;
import ru.ediary.access.ReadChildren;
import ru.ediary.account.Caller;
import ru.ediary.api.ApiBoundary;
import ru.ediary.api.ApiException;

@GraphQLApi
@ApiBoundary
public class ChildTrustFields {

    @Inject
    Caller caller;
    @Inject
    ReadChildren answered;
    @Inject
    TrustedAccessService grants;

    @Name("trustedPersons")
    @Description("The child's live trusted persons; filled for the child's parents only, empty for other readers.")
    @Transactional
    public List<List<TrustedAccessView>> trustedPersons(@Source List<ChildView> children) throws ApiException {
        if (caller.isSchoolSystem()) {
            return children.stream().map(c -> List.<TrustedAccessView>of()).toList();
        }
        // the root query that answered with a child already said whether the caller is its parent
        List<UUID> mine = new ArrayList<>();
        List<UUID> unknown = new ArrayList<>();
        for (ChildView child : children) {
            UUID id = UUID.fromString(child.id());
            var reader = answered.of(child.id());
            if (reader.isEmpty()) {
                unknown.add(id);
            } else if (reader.get() == Reader.PARENT && !mine.contains(id)) {
                mine.add(id);
            }
        }
        var byChild = grants.liveGrantsForParent(caller.accountId(), mine, unknown);
        return children.stream().map(c -> byChild.getOrDefault(UUID.fromString(c.id()), List.of())).toList();
    }
}
