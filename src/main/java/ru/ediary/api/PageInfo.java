package ru.ediary.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;

@Type("PageInfo")
@Description("Relay page information. Pass endCursor as `after` for the next page.")
public record PageInfo(boolean hasNextPage, String endCursor) {
}
