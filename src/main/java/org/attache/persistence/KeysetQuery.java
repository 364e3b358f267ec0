package org.attache.persistence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.attache.api.Cursor;
import org.attache.api.Paging;
import org.hibernate.Session;
import org.hibernate.query.NativeQuery;

import io.quarkus.hibernate.orm.panache.Panache;

/**
 * A filtered, keyset-paginated SQL query over one entity's table (alias {@code e}), built from the conditions a
 * filter sets and the keys it is ordered by; planned once, then run as a page by the resolvers or written into the
 * one-statement read path's SQL. SQL rather than HQL because filters use PostgreSQL features HQL cannot name
 * (full-text search, accent folding). Conditions only ever hold named parameters, never client text.
 */
public final class KeysetQuery<T> {

    private final Class<T> type;
    private final String table;
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new HashMap<>();
    private final Map<String, Object> keysetParameters = new HashMap<>();
    private String keyset;
    private String orderBy;
    private String cursor;
    private String after;
    private int pageSize = Paging.pageSize(null);

    private KeysetQuery(Class<T> type, String table) {
        this.type = type;
        this.table = table;
    }

    public static <T> KeysetQuery<T> of(Class<T> type, String table) {
        return new KeysetQuery<>(type, table);
    }

    /** Adds a condition; a null value means the filter field was not set and the condition is skipped. */
    public KeysetQuery<T> where(String condition, String parameter, Object value) {
        if (value != null) {
            conditions.add(condition);
            parameters.put(parameter, value);
        }
        return this;
    }

    /** Adds a condition that always applies. */
    public KeysetQuery<T> where(String condition) {
        conditions.add(condition);
        return this;
    }

    /**
     * Orders the list by these keys, all one way, the last of them unique ({@link SortKey#ID}); every row's cursor
     * carries its keys under the list's kind ({@link Cursor#kind}), and a page after a cursor of that kind starts right
     * after its row (the condition narrows the page but not totalCount). A cursor of another list is a client error.
     */
    public KeysetQuery<T> orderBy(String kind, boolean ascending, String after, SortKey... keys) {
        String direction = ascending ? " asc" : " desc";
        this.orderBy = Arrays.stream(keys).map(key -> key.expression() + direction).collect(Collectors.joining(", "));
        this.cursor = Cursor.sql(kind, Arrays.stream(keys).map(SortKey::text).toList());
        this.after = after;
        if (after != null) {
            String[] values = Cursor.decode(after, kind, keys.length);
            List<String> names = new ArrayList<>();
            for (int i = 0; i < keys.length; i++) {
                keysetParameters.put("after" + i, keys[i].read().apply(values[i]));
                names.add(":after" + i);
            }
            keyset = "(" + Arrays.stream(keys).map(SortKey::expression).collect(Collectors.joining(", ")) + ") "
                    + (ascending ? ">" : "<") + " (" + String.join(", ", names) + ")";
        }
        return this;
    }

    /** The page size, as {@link Paging#pageSize} made it from the client's first. */
    public KeysetQuery<T> pageSize(int size) {
        this.pageSize = size;
        return this;
    }

    public Page<T> page() {
        NativeQuery<?> query = session().createNativeQuery(pageSql(pageSize + 1), Object.class).addEntity("e", type);
        // Hibernate cannot match a dynamic entity mapping to its cached plan: every run would add a plan to the cache.
        query.setQueryPlanCacheable(false);
        query.setReadOnly(true);
        query.addScalar("cursor");
        pageParameters().forEach(query::setParameter);
        List<T> rows = new ArrayList<>();
        List<String> cursors = new ArrayList<>();
        for (Object row : query.getResultList()) {
            rows.add(type.cast(((Object[]) row)[0]));
            cursors.add((String) ((Object[]) row)[1]);
        }
        boolean hasNext = rows.size() > pageSize;
        return new Page<>(hasNext ? rows.subList(0, pageSize) : rows, cursors, hasNext, after, this::count);
    }

    /**
     * The page's rows, at most limit of them, as SQL with named parameters ({@link #pageParameters}): every column
     * (alias e) and each row's cursor (column {@code cursor}).
     */
    public String pageSql(int limit) {
        List<String> pageConditions = new ArrayList<>(conditions);
        if (keyset != null) {
            pageConditions.add(keyset);
        }
        return "select e.*, " + cursor + " as cursor from " + table + " e" + where(pageConditions) + " order by " + orderBy
                + " limit " + limit;
    }

    /** The size of the whole filtered list, cursor aside, as SQL with named parameters. */
    public String countSql() {
        return "select count(*) from " + table + " e" + where(conditions);
    }

    /** The values of the page's (and the count's) named parameters. */
    public Map<String, Object> pageParameters() {
        Map<String, Object> all = new HashMap<>(parameters);
        all.putAll(keysetParameters);
        return all;
    }

    /** The order of the list, over the columns of alias e. */
    public String orderBy() {
        return orderBy;
    }

    public int pageSize() {
        return pageSize;
    }

    /** The cursor the page continues after; null for the first page. */
    public String after() {
        return after;
    }

    private int count() {
        var countQuery = session().createNativeQuery(countSql(), Long.class);
        parameters.forEach(countQuery::setParameter);
        return Math.toIntExact(countQuery.getSingleResult());
    }

    private static Session session() {
        return Panache.getEntityManager().unwrap(Session.class);
    }

    private static String where(List<String> conditions) {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }
}
