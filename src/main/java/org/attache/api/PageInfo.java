package org.attache.api;

import org.eclipse.microprofile.graphql.Description;

@Description("Where a page starts and ends, and whether pages come before and after it (Relay cursor connections).")
public record PageInfo(
        @Description("True when a next page exists; ask for it with after: endCursor.") boolean hasNextPage,
        @Description("True when the page was asked for after a cursor: edges come before it. Lists page forward only"
                + " (first/after).") boolean hasPreviousPage,
        @Description("The cursor of the page's first edge; null for an empty page.") String startCursor,
        @Description("The cursor of the page's last edge; for an empty page, the cursor it was asked after (null for"
                + " the first page), so that a loop going on with after: endCursor never starts over.") String endCursor) {
}
