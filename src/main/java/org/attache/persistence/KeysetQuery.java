package org.attache.persistence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hibernate.Session;
import org.hibernate.query.NativeQuery;

import io.quarkus.hibernate.orm.panache.Panache;

/**
 * A filtered, keyset-paginated SQL query over one entity's table (alias {@code e}), built from the conditions a
 * filter sets. SQL rather than HQL because filters use PostgreSQL features HQL cannot name (full-text search,
 * accent folding). Conditions only ever hold named parameters, never client text.
 */
public final class KeysetQuery<T> {

    private final Class<T> type;
    private final String table;
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new HashMap<>();
    private String keyset;
    private final Map<String, Object> keysetParameters = new HashMap<>();
    private String sortKey;

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

    /** The "after the cursor" condition; it narrows the page but not totalCount. */
    public KeysetQuery<T> after(String condition, Map<String, Object> values) {
        this.keyset = condition;
        this.keysetParameters.putAll(values);
        return this;
    }

    /**
     * A computed value to sort by (a relevance rank, a lower-cased name); it is returned with each row so that cursors
     * carry the value exactly as the database compares it.
     */
    public KeysetQuery<T> sortKey(String expression) {
        this.sortKey = expression;
        return this;
    }

    public Page<T> page(String orderBy, int pageSize) {
        NativeQuery<?> query = session().createNativeQuery(sql("{e.*}", orderBy, pageSize + 1), Object.class).addEntity("e",
                type);
        // Hibernate cannot match a dynamic entity mapping to its cached plan: every run would add a plan to the cache.
        query.setQueryPlanCacheable(false);
        query.setReadOnly(true);
        if (sortKey != null) {
            query.addScalar("sort_key");
        }
        pageParameters().forEach(query::setParameter);
        List<T> rows = new ArrayList<>();
        List<Object> sortKeys = new ArrayList<>();
        for (Object row : query.getResultList()) {
            if (sortKey == null) {
                rows.add(type.cast(row));
            } else {
                rows.add(type.cast(((Object[]) row)[0]));
                sortKeys.add(((Object[]) row)[1]);
            }
        }
        boolean hasNext = rows.size() > pageSize;
        return new Page<>(hasNext ? rows.subList(0, pageSize) : rows, sortKey == null ? null : sortKeys, hasNext,
                this::count);
    }

    /** The page's rows (all columns, alias e) as SQL with named parameters ({@link #pageParameters}). */
    public String pageSql(String orderBy, int limit) {
        return sql("e.*", orderBy, limit);
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

    private String sql(String columns, String orderBy, int limit) {
        List<String> pageConditions = new ArrayList<>(conditions);
        if (keyset != null) {
            pageConditions.add(keyset);
        }
        return "select " + columns + (sortKey == null ? "" : ", " + sortKey + " as sort_key")
                + " from " + table + " e" + where(pageConditions) + " order by " + orderBy + " limit " + limit;
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
