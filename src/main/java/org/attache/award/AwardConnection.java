package org.attache.award;

import java.util.List;

import org.attache.graphql.Cursor;
import org.attache.graphql.PageInfo;
import org.attache.persistence.Page;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A page of awards, most recent first.")
public record AwardConnection(
        @NonNull List<@NonNull AwardEdge> edges,
        @NonNull PageInfo pageInfo,
        @Description("How many awards match the filter, across all pages.") int totalCount) {

    static final String CURSOR = "award";

    @Description("An award and the cursor to continue after it.")
    public record AwardEdge(@NonNull String cursor, @NonNull Award node) {
    }

    static AwardConnection of(Page<Award> page) {
        List<AwardEdge> edges = page.rows().stream()
                .map(a -> new AwardEdge(Cursor.encode(CURSOR, a.conferredOn, a.id), a))
                .toList();
        String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
        return new AwardConnection(edges, new PageInfo(page.hasNextPage(), end), page.totalCount());
    }
}
