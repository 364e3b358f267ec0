package org.attache.agreement;

import java.util.List;

import org.attache.api.PageInfo;
import org.attache.persistence.Page;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A page of documents signed, most recently recorded first.")
public class AgreementConnection {

    static final String CURSOR = "agreement";

    @Description("A document signed and the cursor to continue after it.")
    public record AgreementEdge(
            @NonNull @Description("Pass it as after, with the same filter, to list the documents after this one.") String cursor,
            @NonNull @Description("The document signed.") Agreement node) {
    }

    private final List<AgreementEdge> edges;
    private final PageInfo pageInfo;
    @Ignore
    private final Page<Agreement> page;

    AgreementConnection(Page<Agreement> page) {
        this.page = page;
        this.edges = page.edges(AgreementEdge::new);
        this.pageInfo = page.pageInfo();
    }

    @Description("The page's rows, each with the cursor to continue after it.")
    public @NonNull List<@NonNull AgreementEdge> getEdges() {
        return edges;
    }

    @Description("The page's rows, as edges[].node, for clients that need no per-row cursor.")
    public @NonNull List<@NonNull Agreement> getNodes() {
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
