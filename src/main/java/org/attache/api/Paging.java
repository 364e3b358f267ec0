package org.attache.api;

/**
 * Page sizes for every connection: a default when 'first' is absent and a cap that keeps responses bounded; and the
 * longest text a list is searched by.
 */
public final class Paging {

    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;
    /** Longest search text a list accepts: a search is a few words, not a document. */
    public static final int MAX_SEARCH_TEXT = 500;

    private Paging() {
    }

    public static int pageSize(Integer first) {
        return pageSize(first, DEFAULT_PAGE_SIZE);
    }

    /** As {@link #pageSize(Integer)}, for a list with a default of its own (such as a top-ten). */
    public static int pageSize(Integer first, int defaultSize) {
        if (first == null) {
            return defaultSize;
        }
        if (first < 0 || first > MAX_PAGE_SIZE) {
            throw ApiException.invalid("first", "first must be between 0 and " + MAX_PAGE_SIZE + ", got " + first + ".");
        }
        return first;
    }
}
