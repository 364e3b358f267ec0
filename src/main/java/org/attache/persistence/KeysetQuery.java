package org.attache.persistence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.attache.api.Cursor;
import org.attache.api.Paging;
import org.hibernate.Session;
import org.hibernate.query.NativeQuery;

import io.quarkus.hibernate.orm.panache.Panache;

/**
 * A filtered, keyset-paginated SQL query over one entity's table (alias {@code e}), built from the conditions a
 * filter sets and the keys it is ordered by; planned once, then run as a page by the resolvers or written into the
 * one-statement read path's SQL. SQL rather than HQL because filters use PostgreSQL features HQL cannot name
 * (full-text search, accent folding). Conditions only ever hold parameters ({@link Sql}), never client text.
 */
public final class KeysetQuery<T> {

    private final Class<T> type;
    private final String table;
    private final List<Sql> conditions = new ArrayList<>();
    private Sql keyset;
    private Sql orderBy;
    private Sql cursor;
    private String after;
    private int pageSize = Paging.pageSize(null);

    private KeysetQuery(Class<T> type, String table) {
        this.type = type;
        this.table = table;
    }

    public static <T> KeysetQuery<T> of(Class<T> type, String table) {
        return new KeysetQuery<>(type, table);
    }

    /**
     * Adds a condition whose every placeholder ({@code ?}) takes the value; a null value means the filter field was not
     * set and the condition is skipped.
     */
    public KeysetQuery<T> where(String condition, Object value) {
        if (value != null) {
            conditions.add(Sql.each(condition, value));
        }
        return this;
    }

    /** Adds a condition that always applies. */
    public KeysetQuery<T> where(String condition) {
        conditions.add(Sql.of(condition));
        return this;
    }

    /**
     * Orders the list by these keys, all one way, the last of them unique ({@link SortKey#ID}); every row's cursor
     * carries its keys under the list's kind ({@link Cursor#kind}), and a page after a cursor of that kind starts right
     * after its row (the condition narrows the page but not totalCount). A cursor of another list is a client error.
     */
    public KeysetQuery<T> orderBy(String kind, boolean ascending, String after, SortKey... keys) {
        String direction = ascending ? " asc" : " desc";
        this.orderBy = Sql.join(", ", Arrays.stream(keys).map(key -> Sql.sql(key.expression(), direction)).toList());
        // Cursor.sql writes the keys' texts in order inside its expression: their values keep that order.
        this.cursor = Sql.of(Cursor.sql(kind, Arrays.stream(keys).map(key -> key.text().text()).toList()),
                Arrays.stream(keys).flatMap(key -> key.text().values().stream()).toArray());
        this.after = after;
        if (after != null) {
            String[] texts = Cursor.decode(after, kind, keys.length);
            Object[] values = new Object[keys.length];
            for (int i = 0; i < keys.length; i++) {
                values[i] = keys[i].read().apply(texts[i]);
            }
            keyset = Sql.sql("(", Sql.join(", ", Arrays.stream(keys).map(SortKey::expression).toList()), ") "
                    + (ascending ? ">" : "<") + " (", Sql.join(", ", Arrays.stream(values).map(Sql::value).toList()), ")");
        }
        return this;
    }

    /** The page size, as {@link Paging#pageSize} made it from the client's first. */
    public KeysetQuery<T> pageSize(int size) {
        this.pageSize = size;
        return this;
    }

    public Page<T> page() {
        Sql page = pageSql(pageSize + 1);
        NativeQuery<?> query = session().createNativeQuery(page.numbered(), Object.class).addEntity("e", type);
        // Hibernate cannot match a dynamic entity mapping to its cached plan: every run would add a plan to the cache.
        query.setQueryPlanCacheable(false);
        query.setReadOnly(true);
        query.addScalar("cursor");
        page.bind(query);
        List<T> rows = new ArrayList<>();
        List<String> cursors = new ArrayList<>();
        for (Object row : query.getResultList()) {
            rows.add(type.cast(((Object[]) row)[0]));
            cursors.add((String) ((Object[]) row)[1]);
        }
        boolean hasNext = rows.size() > pageSize;
        return new Page<>(hasNext ? rows.subList(0, pageSize) : rows, cursors, hasNext, after, this::count);
    }

    /** The page's rows, at most limit of them: every column (alias e) and each row's cursor (column {@code cursor}). */
    public Sql pageSql(int limit) {
        List<Sql> pageConditions = new ArrayList<>(conditions);
        if (keyset != null) {
            pageConditions.add(keyset);
        }
        return Sql.sql("select e.*, ", cursor, " as cursor from " + table + " e", where(pageConditions), " order by ",
                orderBy, " limit " + limit);
    }

    /** The size of the whole filtered list, cursor aside. */
    public Sql countSql() {
        return Sql.sql("select count(*) from " + table + " e", where(conditions));
    }

    /** The order of the list, over the columns of alias e. */
    public Sql orderBy() {
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
        Sql count = countSql();
        var countQuery = session().createNativeQuery(count.numbered(), Long.class);
        count.bind(countQuery);
        return Math.toIntExact(countQuery.getSingleResult());
    }

    private static Session session() {
        return Panache.getEntityManager().unwrap(Session.class);
    }

    private static Sql where(List<Sql> conditions) {
        return conditions.isEmpty() ? Sql.of("") : Sql.sql(" where ", Sql.join(" and ", conditions));
    }
}
