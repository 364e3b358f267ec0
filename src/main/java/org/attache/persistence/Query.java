package org.attache.persistence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.hibernate.orm.panache.Panache;

/**
 * A filtered, keyset-paginated HQL query over one entity (alias {@code e}), built from the conditions a filter sets.
 * Conditions only ever hold named parameters, never client text.
 */
public final class Query<T> {

    private final Class<T> type;
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new HashMap<>();
    private String keyset;
    private final Map<String, Object> keysetParameters = new HashMap<>();

    private Query(Class<T> type) {
        this.type = type;
    }

    public static <T> Query<T> of(Class<T> type) {
        return new Query<>(type);
    }

    /** Adds a condition; a null value means the filter field was not set and the condition is skipped. */
    public Query<T> where(String condition, String parameter, Object value) {
        if (value != null) {
            conditions.add(condition);
            parameters.put(parameter, value);
        }
        return this;
    }

    /** The "after the cursor" condition; it narrows the page but not totalCount. */
    public Query<T> after(String condition, Map<String, Object> values) {
        this.keyset = condition;
        this.keysetParameters.putAll(values);
        return this;
    }

    public Page<T> page(String orderBy, int pageSize) {
        var em = Panache.getEntityManager();
        String from = " from " + type.getSimpleName() + " e";
        List<String> pageConditions = new ArrayList<>(conditions);
        if (keyset != null) {
            pageConditions.add(keyset);
        }
        var rowsQuery = em.createQuery("select e" + from + where(pageConditions) + " order by " + orderBy, type)
                .setMaxResults(pageSize + 1);
        parameters.forEach(rowsQuery::setParameter);
        keysetParameters.forEach(rowsQuery::setParameter);
        List<T> rows = rowsQuery.getResultList();
        boolean hasNext = rows.size() > pageSize;
        return new Page<>(hasNext ? rows.subList(0, pageSize) : rows, hasNext, () -> count(from));
    }

    private int count(String from) {
        var countQuery = Panache.getEntityManager().createQuery("select count(e)" + from + where(conditions), Long.class);
        parameters.forEach(countQuery::setParameter);
        return Math.toIntExact(countQuery.getSingleResult());
    }

    private static String where(List<String> conditions) {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }
}
