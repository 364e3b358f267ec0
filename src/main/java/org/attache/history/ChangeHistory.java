package org.attache.history;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.attache.api.ApiException;
import org.attache.persistence.Sql;
import org.attache.security.Actor;
import org.attache.security.Roles;
import org.hibernate.Hibernate;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The append-only history of changes made through the API. Services report each change through {@link #created},
 * {@link #updated} or {@link #deleted}; the entry is written in the change's own transaction, so a change that rolls
 * back leaves no entry and a committed change always has one. States are taken in SQL (attache_snapshot, V6), after
 * Hibernate has flushed, so they are what the database holds.
 */
@ApplicationScoped
public class ChangeHistory {

    /** Who may read the history, on both read paths (HistoryApi's @RolesAllowed, sqlread). */
    public static final String READER = Roles.ADMIN;

    /** The entity names clients use in {@code history(entity:)}; attache_snapshot knows each of them. */
    public static final Set<String> ENTITIES = Set.of("Delegation", "AgendaItem", "Award", "Person", "Topic", "Agreement");

    private static final String INSERT = "insert into change_history (entity, entity_id, operation, actor, before, after)"
            + " values (:entity, :id, :operation, :actor, %s, %s)";

    @Inject
    EntityManager em;

    @Inject
    Actor actor;

    /** Records a record just persisted, with its state as stored. */
    public void created(Object record) {
        write(record, ChangeOperation.CREATE, null);
    }

    /**
     * Runs an update mutation's change: not at all when its input, merged over the record's current values, equals
     * them. Then nothing is written: no new version (which would make another editor's next update a conflict) and
     * no history entry that records no change.
     */
    public <T, I> T updated(T record, I current, I input, Runnable update) {
        return input.equals(current) ? record : updated(record, update);
    }

    /** Runs an update of an existing record and records its state before and after. */
    public <T> T updated(T record, Runnable update) {
        String before = snapshot(record);
        update.run();
        write(record, ChangeOperation.UPDATE, before);
        return record;
    }

    /** Deletes the record and records the state it had. */
    public void deleted(PanacheEntityBase record) {
        String before = snapshot(record);
        record.delete();
        write(record, ChangeOperation.DELETE, before);
    }

    /** The order of a record's changes: the order they were written in. */
    public static final String ORDER = "id";

    /**
     * The changes to one record, oldest first, once the entity is checked: rows of (operation, actor, changed_at,
     * before, after, id, entity, entity_id), before and after as JSON text. Both read paths run it.
     */
    public Sql listing(String entity, String key) {
        if (!ENTITIES.contains(entity)) {
            throw ApiException.invalid("entity",
                    "entity must be one of " + String.join(", ", ENTITIES.stream().sorted().toList()));
        }
        return Sql.of("select h.operation, h.actor, h.changed_at, h.before::text as before, h.after::text as after,"
                + " h.id, h.entity, h.entity_id from change_history h where h.entity = ? and h.entity_id = ? order by h."
                + ORDER, entity, key);
    }

    /** Every change to one record, oldest first; a deleted record keeps its history. */
    public List<Change> of(String entity, String key) {
        return listing(entity, key).rows().stream()
                .map(r -> new Change(entity, key, ChangeOperation.valueOf((String) r[0]), (String) r[1],
                        ((Instant) r[2]).atOffset(ZoneOffset.UTC), (String) r[3], (String) r[4]))
                .toList();
    }

    private String snapshot(Object record) {
        em.flush();
        return (String) em.createNativeQuery("select attache_snapshot(:entity, :id)::text")
                .setParameter("entity", entity(record))
                .setParameter("id", key(record))
                .getSingleResult();
    }

    private void write(Object record, ChangeOperation operation, String before) {
        // The "after" state is read by the insert itself, after the flush has sent the change to the database.
        em.flush();
        String after = operation == ChangeOperation.DELETE ? "null" : "attache_snapshot(:entity, :id)";
        var insert = em.createNativeQuery(INSERT.formatted(before == null ? "null" : "cast(:before as jsonb)", after))
                .setParameter("entity", entity(record))
                .setParameter("id", key(record))
                .setParameter("operation", operation.name())
                .setParameter("actor", actor.name());
        if (before != null) {
            insert.setParameter("before", before);
        }
        insert.executeUpdate();
    }

    /** The entity's class name is the name clients use (ENTITIES); a lazy proxy is named for the class it stands for. */
    private static String entity(Object record) {
        return Hibernate.getClass(record).getSimpleName();
    }

    private String key(Object record) {
        return em.getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(record).toString();
    }
}
