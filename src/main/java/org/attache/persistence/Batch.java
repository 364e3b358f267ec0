package org.attache.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import io.quarkus.hibernate.orm.panache.Panache;

/**
 * Loads one nested field for a whole list of parents in a single statement, so a GraphQL response costs a number of
 * queries that depends on its shape, never on how many rows it holds. Every query selects (parent id, value) pairs.
 */
public final class Batch {

    private Batch() {
    }

    private static List<Long> ids(Collection<? extends VersionedEntity> parents) {
        return new ArrayList<>(new LinkedHashSet<>(parents.stream().map(p -> p.id).toList()));
    }

    /** One value per parent (null where it has none), in the parents' order. */
    public static <T> List<T> one(List<? extends VersionedEntity> parents, String hql, Class<T> type) {
        Map<Long, T> byParent = new HashMap<>();
        for (Object[] row : rows(parents, hql, Map.of())) {
            byParent.put((Long) row[0], type.cast(row[1]));
        }
        return parents.stream().map(p -> byParent.get(p.id)).toList();
    }

    /** A list per parent (empty where it has none), in the parents' order; the query's order is kept within each. */
    public static <T> List<List<T>> many(List<? extends VersionedEntity> parents, String hql, Class<T> type) {
        return many(parents, hql, type, Map.of());
    }

    /** As {@link #many(List, String, Class)}, with more named parameters than {@code :ids}. */
    public static <T> List<List<T>> many(List<? extends VersionedEntity> parents, String hql, Class<T> type,
            Map<String, Object> parameters) {
        Map<Long, List<T>> byParent = new HashMap<>();
        for (Object[] row : rows(parents, hql, parameters)) {
            byParent.computeIfAbsent((Long) row[0], id -> new ArrayList<>()).add(type.cast(row[1]));
        }
        return parents.stream().map(p -> byParent.getOrDefault(p.id, List.of())).toList();
    }

    private static List<Object[]> rows(List<? extends VersionedEntity> parents, String hql, Map<String, Object> parameters) {
        if (parents.isEmpty()) {
            return List.of();
        }
        var query = Panache.getEntityManager().createQuery(hql, Object[].class).setParameter("ids", ids(parents));
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }
}
