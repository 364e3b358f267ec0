package org.attache.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.hibernate.ReadOnlyMode;
import org.hibernate.Session;
import org.hibernate.jpa.HibernateHints;

import io.quarkus.hibernate.orm.panache.Panache;

/**
 * Loads one nested field for a whole list of parents in a single statement, so a GraphQL response costs a number of
 * queries that depends on its shape, never on how many rows it holds. Every query selects (parent id, value) pairs.
 * What it loads is read-only: nothing to snapshot at load or to dirty-check when the resolver's transaction ends.
 */
public final class Batch {

    private Batch() {
    }

    private static List<Long> ids(Collection<? extends VersionedEntity> parents) {
        return new ArrayList<>(new LinkedHashSet<>(parents.stream().map(p -> p.id).toList()));
    }

    /**
     * The entity each parent refers to through a many-to-one (null where it refers to none), in the parents' order.
     * Entities in the second-level cache (countries) cost no SQL; the others are loaded together in one statement.
     */
    public static <P, T> List<T> referenced(List<P> parents, Function<P, ?> association, Class<T> type) {
        var util = Panache.getEntityManager().getEntityManagerFactory().getPersistenceUnitUtil();
        List<Object> ids = parents.stream().map(p -> {
            Object reference = association.apply(p);
            return reference == null ? null : util.getIdentifier(reference); // reads a proxy's id without loading it
        }).toList();
        Map<Object, T> byId = byId(type, ids.stream().filter(Objects::nonNull).distinct().toList());
        return ids.stream().map(id -> id == null ? null : byId.get(id)).toList();
    }

    /** The entities with these ids (distinct), loaded together in one statement, by id; missing ids are absent. */
    public static <T> Map<Object, T> byId(Class<T> type, List<?> ids) {
        Map<Object, T> byId = new HashMap<>();
        if (!ids.isEmpty()) {
            Session session = Panache.getEntityManager().unwrap(Session.class);
            for (T entity : session.findMultiple(type, ids, ReadOnlyMode.READ_ONLY)) {
                if (entity != null) {
                    byId.put(session.getIdentifier(entity), entity);
                }
            }
        }
        return byId;
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
        var query = Panache.getEntityManager().createQuery(hql, Object[].class).setParameter("ids", ids(parents))
                .setHint(HibernateHints.HINT_READ_ONLY, true);
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }
}
