package org.attache.live;

import java.util.HashSet;
import java.util.Set;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * One committed change as the database announced it (V7__change_feed.sql): ids only. The same instance, with the
 * record it names loaded once, reaches every subscription of this replica.
 */
public final class ChangeNotice {

    private final String entity;
    private final ChangeKind kind;
    private final long id;
    private final Set<Long> visits;
    private final Set<String> countries;
    private volatile Object current;

    ChangeNotice(String entity, ChangeKind kind, long id, Set<Long> visits, Set<String> countries) {
        this.entity = entity;
        this.kind = kind;
        this.id = id;
        this.visits = visits;
        this.countries = countries;
    }

    /** Reads a notification's payload; an IllegalArgumentException for one that is not a change. */
    static ChangeNotice parse(String payload) {
        try {
            JsonObject json = new JsonObject(payload);
            Set<Long> visits = new HashSet<>();
            for (Object visit : json.getJsonArray("visits", new JsonArray())) {
                visits.add(((Number) visit).longValue());
            }
            Set<String> countries = new HashSet<>();
            for (Object country : json.getJsonArray("countries", new JsonArray())) {
                countries.add((String) country);
            }
            return new ChangeNotice(json.getString("entity"), ChangeKind.valueOf(json.getString("change")),
                    json.getLong("id"), Set.copyOf(visits), Set.copyOf(countries));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a change: " + payload, e);
        }
    }

    /** The table of the changed record: delegation, agenda_item or award. */
    public String entity() {
        return entity;
    }

    public ChangeKind kind() {
        return kind;
    }

    public long id() {
        return id;
    }

    /** Whether the change concerns this visit (before or after it). */
    public boolean concernsVisit(long visit) {
        return visits.contains(visit);
    }

    /** Whether the change concerns this country (before or after it); a null country means any. */
    public boolean concernsCountry(String country) {
        return country == null || countries.contains(country);
    }

    /** The record as it was loaded when the change arrived; null once deleted (also by a later change). */
    public <T> T current(Class<T> type) {
        return type.cast(current);
    }

    void loaded(Object record) {
        current = record;
    }
}
