package org.attache.graphql;

/** Page sizes for every connection: a default when 'first' is absent and a cap that keeps responses bounded. */
public final class Paging {

    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;

    private Paging() {
    }

    public static int pageSize(Integer first) {
        if (first == null) {
            return DEFAULT_PAGE_SIZE;
        }
        if (first < 0 || first > MAX_PAGE_SIZE) {
            throw ApiException.invalid("first", "first must be between 0 and " + MAX_PAGE_SIZE + ", got " + first + ".");
        }
        return first;
    }
}
