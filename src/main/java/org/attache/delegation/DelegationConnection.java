package org.attache.delegation;

import java.util.List;

import org.attache.graphql.Cursor;
import org.attache.graphql.PageInfo;
import org.attache.persistence.Page;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A page of visits.")
public record DelegationConnection(
        @NonNull List<@NonNull DelegationEdge> edges,
        @NonNull PageInfo pageInfo,
        @Description("How many visits match the filter, across all pages.") int totalCount) {

    /** Cursors name their sort order: one from another order would point at the wrong place. */
    static String cursorKind(DelegationOrder order) {
        return "delegation:" + order;
    }

    @Description("A visit and the cursor to continue after it.")
    public record DelegationEdge(@NonNull String cursor, @NonNull Delegation node) {
    }

    static DelegationConnection of(Page<Delegation> page, DelegationOrder order) {
        List<DelegationEdge> edges = page.rows().stream()
                .map(d -> new DelegationEdge(Cursor.encode(cursorKind(order), d.startDate, d.id), d))
                .toList();
        String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
        return new DelegationConnection(edges, new PageInfo(page.hasNextPage(), end), page.totalCount());
    }
}
