package org.attache.person;

import java.util.List;
import java.util.Locale;

import org.attache.graphql.Cursor;
import org.attache.graphql.PageInfo;
import org.attache.persistence.Page;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A page of persons, by name.")
public record PersonConnection(
        @NonNull List<@NonNull PersonEdge> edges,
        @NonNull PageInfo pageInfo,
        @Description("How many persons match, across all pages.") int totalCount) {

    static final String CURSOR = "person";

    @Description("A person and the cursor to continue after it.")
    public record PersonEdge(@NonNull String cursor, @NonNull Person node) {
    }

    static PersonConnection of(Page<Person> page) {
        List<PersonEdge> edges = page.rows().stream()
                .map(p -> new PersonEdge(Cursor.encode(CURSOR, p.fullName.toLowerCase(Locale.ROOT), p.id), p))
                .toList();
        String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
        return new PersonConnection(edges, new PageInfo(page.hasNextPage(), end), page.totalCount());
    }
}
