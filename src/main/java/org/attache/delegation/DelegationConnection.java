package org.attache.delegation;

import java.util.List;

import org.attache.api.PageInfo;
import org.attache.persistence.Page;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A page of visits.")
public class DelegationConnection {

    @Description("A visit and the cursor to continue after it.")
    public record DelegationEdge(
            @NonNull @Description("Pass it as after, with the same filter and orderBy, to list the visits after this"
                    + " one.") String cursor,
            @NonNull @Description("The visit.") Delegation node) {
    }

    private final List<DelegationEdge> edges;
    private final PageInfo pageInfo;
    @Ignore
    private final Page<Delegation> page;

    DelegationConnection(Page<Delegation> page) {
        this.page = page;
        this.edges = page.edges(DelegationEdge::new);
        this.pageInfo = page.pageInfo();
    }

    @Description("The page's rows, each with the cursor to continue after it.")
    public @NonNull List<@NonNull DelegationEdge> getEdges() {
        return edges;
    }

    @Description("The page's rows, as edges[].node, for clients that need no per-row cursor.")
    public @NonNull List<@NonNull Delegation> getNodes() {
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
