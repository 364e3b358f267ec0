package org.attache.persistence;

import org.attache.api.ApiException;
import org.attache.api.Ids;

import io.quarkus.hibernate.orm.panache.Panache;

/** Looking records up by the opaque ids clients send. */
public final class Records {

    private Records() {
    }

    /** The record, or null when the id names none (including ids that are not numbers at all). */
    public static <T> T find(Class<T> type, String id) {
        Long key = Ids.tryParse(id);
        return key == null ? null : Panache.getEntityManager().find(type, key);
    }

    /** The record an operation addresses: NOT_FOUND, naming the argument, when it does not exist. */
    public static <T> T require(Class<T> type, String id, String field, String what) {
        T record = find(type, id);
        if (record == null) {
            throw ApiException.notFound(field, "No " + what + " has the id '" + id + "'.");
        }
        return record;
    }

    /** A record an input refers to: a missing one makes the input invalid (VALIDATION), naming the input field. */
    public static <T> T referenced(Class<T> type, String id, String field, String what) {
        T record = find(type, id);
        if (record == null) {
            throw ApiException.invalid(field, field + " refers to no " + what + ": no " + what + " has the id '" + id + "'.");
        }
        return record;
    }
}
