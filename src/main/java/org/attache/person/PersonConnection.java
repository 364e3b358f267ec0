package org.attache.person;

import java.util.List;

import org.attache.api.PageInfo;
import org.attache.persistence.Page;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A page of persons, by name.")
public class PersonConnection {

    static final String CURSOR = "person";

    @Description("A person and the cursor to continue after it.")
    public record PersonEdge(
            @NonNull @Description("Pass it as after, with the same search and country, to list the persons after this"
                    + " one.") String cursor,
            @NonNull @Description("The person.") Person node) {
    }

    private final List<PersonEdge> edges;
    private final PageInfo pageInfo;
    @Ignore
    private final Page<Person> page;

    PersonConnection(Page<Person> page) {
        this.page = page;
        this.edges = page.edges(PersonEdge::new);
        this.pageInfo = page.pageInfo();
    }

    @Description("The page's rows, each with the cursor to continue after it.")
    public @NonNull List<@NonNull PersonEdge> getEdges() {
        return edges;
    }

    @Description("The page's rows, as edges[].node, for clients that need no per-row cursor.")
    public @NonNull List<@NonNull Person> getNodes() {
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
