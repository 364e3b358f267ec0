package org.attache.pressrelease;

import java.util.List;

import org.attache.api.PageInfo;
import org.attache.persistence.Page;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A page of imported press releases, most recent first.")
public class PressReleaseImportConnection {

    static final String CURSOR = "import";

    @Description("An import and the cursor to continue after it.")
    public record PressReleaseImportEdge(
            @NonNull @Description("Pass it as after, with the same status, to list the imports after this one.") String cursor,
            @NonNull @Description("The import.") PressReleaseImport node) {
    }

    private final List<PressReleaseImportEdge> edges;
    private final PageInfo pageInfo;
    @Ignore
    private final Page<PressReleaseImport> page;

    PressReleaseImportConnection(Page<PressReleaseImport> page) {
        this.page = page;
        this.edges = page.edges(PressReleaseImportEdge::new);
        this.pageInfo = page.pageInfo();
    }

    @Description("The page's rows, each with the cursor to continue after it.")
    public @NonNull List<@NonNull PressReleaseImportEdge> getEdges() {
        return edges;
    }

    @Description("The page's rows, as edges[].node, for clients that need no per-row cursor.")
    public @NonNull List<@NonNull PressReleaseImport> getNodes() {
        return page.rows();
    }

    @Description("Whether more rows follow, and the cursors to page on with.")
    public @NonNull PageInfo getPageInfo() {
        return pageInfo;
    }

    int totalCount() {
        return page.totalCount();
    }
}
