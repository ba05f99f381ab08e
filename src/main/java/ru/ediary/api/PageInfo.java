package ru.ediary.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;

@Type("PageInfo")
@Description("Relay page information. Pass endCursor as `after` for the next page.")
public record PageInfo(@Description("Whether another page follows this one.") boolean hasNextPage,
        @Description("Cursor of the last item of this page; null when the page is empty.") String endCursor) {
}
