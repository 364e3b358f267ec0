package org.attache.persistence;

import java.util.List;
import java.util.function.IntSupplier;

/**
 * One page of a keyset-paginated list. The size of the whole filtered list costs a COUNT query, so it is only run
 * when asked for (a client that does not select totalCount does not pay for it) and at most once.
 */
public final class Page<T> {

    private final List<T> rows;
    private final List<Object> sortKeys;
    private final boolean hasNextPage;
    private final IntSupplier count;
    private Integer totalCount;

    Page(List<T> rows, List<Object> sortKeys, boolean hasNextPage, IntSupplier count) {
        this.rows = rows;
        this.sortKeys = sortKeys;
        this.hasNextPage = hasNextPage;
        this.count = count;
    }

    public List<T> rows() {
        return rows;
    }

    /** The computed sort key of the row at this index (see {@link KeysetQuery#sortKey}). */
    public Object sortKey(int index) {
        return sortKeys.get(index);
    }

    public boolean hasNextPage() {
        return hasNextPage;
    }

    public int totalCount() {
        if (totalCount == null) {
            totalCount = count.getAsInt();
        }
        return totalCount;
    }
}
