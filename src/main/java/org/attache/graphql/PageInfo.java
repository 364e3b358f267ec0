package org.attache.graphql;

import java.util.List;
import java.util.function.Function;

import org.eclipse.microprofile.graphql.Description;

@Description("Where a page ends and whether another follows (Relay cursor connections).")
public record PageInfo(
        @Description("True when a next page exists; ask for it with after: endCursor.") boolean hasNextPage,
        @Description("The cursor of the page's last edge; for an empty page, the cursor it was asked after (null for"
                + " the first page), so that a loop going on with after: endCursor never starts over.") String endCursor) {

    public static <E> PageInfo of(boolean hasNextPage, List<E> edges, Function<E, String> cursor, String after) {
        return new PageInfo(hasNextPage, edges.isEmpty() ? after : cursor.apply(edges.get(edges.size() - 1)));
    }
}
