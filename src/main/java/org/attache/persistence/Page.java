package org.attache.persistence;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.IntSupplier;
import java.util.stream.IntStream;

import org.attache.api.PageInfo;

/**
 * One page of a keyset-paginated list. The size of the whole filtered list costs a COUNT query, so it is only run
 * when asked for (a client that does not select totalCount does not pay for it) and at most once.
 */
public final class Page<T> {

    private final List<T> rows;
    private final List<String> cursors;
    private final boolean hasNextPage;
    private final String after;
    private final IntSupplier count;
    private Integer totalCount;

    Page(List<T> rows, List<String> cursors, boolean hasNextPage, String after, IntSupplier count) {
        this.rows = rows;
        this.cursors = cursors;
        this.hasNextPage = hasNextPage;
        this.after = after;
        this.count = count;
    }

    public List<T> rows() {
        return rows;
    }

    /** The cursor of the row at this index, as the database wrote it ({@link KeysetQuery#orderBy}). */
    public String cursor(int index) {
        return cursors.get(index);
    }

    /** The page's rows as a connection's edges, each with its cursor. */
    public <E> List<E> edges(BiFunction<String, T, E> edge) {
        return IntStream.range(0, rows.size()).mapToObj(i -> edge.apply(cursors.get(i), rows.get(i))).toList();
    }

    /**
     * A page asked for after a cursor has edges before it; an empty page ends at the cursor it was asked after, so
     * that a loop going on with after: endCursor never starts over.
     */
    public PageInfo pageInfo() {
        boolean empty = rows.isEmpty();
        return new PageInfo(hasNextPage, after != null, empty ? null : cursors.get(0),
                empty ? after : cursors.get(rows.size() - 1));
    }

    public int totalCount() {
        if (totalCount == null) {
            totalCount = count.getAsInt();
        }
        return totalCount;
    }
}
