package org.attache.award;

import java.util.List;

import org.attache.api.PageInfo;
import org.attache.persistence.Page;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A page of awards, most recent first.")
public class AwardConnection {

    static final String CURSOR = "award";

    @Description("An award and the cursor to continue after it.")
    public record AwardEdge(
            @NonNull @Description("Pass it as after, with the same filter, to list the awards after this one.") String cursor,
            @NonNull @Description("The award.") Award node) {
    }

    private final List<AwardEdge> edges;
    private final PageInfo pageInfo;
    @Ignore
    private final Page<Award> page;

    AwardConnection(Page<Award> page) {
        this.page = page;
        this.edges = page.edges(AwardEdge::new);
        this.pageInfo = page.pageInfo();
    }

    @Description("The page's rows, each with the cursor to continue after it.")
    public @NonNull List<@NonNull AwardEdge> getEdges() {
        return edges;
    }

    @Description("The page's rows, as edges[].node, for clients that need no per-row cursor.")
    public @NonNull List<@NonNull Award> getNodes() {
        return page.rows();
    }

    @Description("Whether more rows follow, and the cursors to page on with.")
    public @NonNull PageInfo getPageInfo() {
        return pageInfo;
    }

    /** Runs the COUNT query; served by a resolver in the API class because it blocks, which a getter may not. */
    int totalCount() {
        return page.totalCount();
    }
}
