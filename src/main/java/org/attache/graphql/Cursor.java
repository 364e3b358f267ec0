package org.attache.graphql;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * Opaque keyset cursors: the sort key of the last row a client saw, so the next page starts right after it even
 * when rows were inserted or deleted meanwhile (an offset would repeat or skip rows).
 */
public final class Cursor {

    private static final String SEPARATOR = "\u001F";

    private Cursor() {
    }

    /** SqlSelection.cursor writes the same text in SQL for visits ordered by start date: keep the two alike. */
    public static String encode(String kind, Object... keys) {
        StringBuilder raw = new StringBuilder(kind);
        for (Object key : keys) {
            raw.append(SEPARATOR).append(key);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The keys of a cursor made by {@link #encode} for the same kind of list; anything else is a client error. */
    public static String[] decode(String cursor, String kind, int keyCount) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split(SEPARATOR, -1);
            if (parts.length == keyCount + 1 && parts[0].equals(kind)) {
                String[] keys = new String[keyCount];
                System.arraycopy(parts, 1, keys, 0, keyCount);
                return keys;
            }
        } catch (IllegalArgumentException e) {
            // not base64: reported below like any other foreign cursor
        }
        throw foreign();
    }

    public static long longKey(String key) {
        Long value = Ids.tryParse(key);
        if (value == null) {
            throw foreign();
        }
        return value;
    }

    public static LocalDate dateKey(String key) {
        try {
            return LocalDate.parse(key);
        } catch (DateTimeParseException e) {
            throw foreign();
        }
    }

    public static OffsetDateTime timeKey(String key) {
        try {
            return OffsetDateTime.parse(key);
        } catch (DateTimeParseException e) {
            throw foreign();
        }
    }

    /** A relevance rank (PostgreSQL real); Float's decimal form reads back to the same value. */
    public static float rankKey(String key) {
        try {
            float rank = Float.parseFloat(key);
            if (Float.isFinite(rank)) {
                return rank;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw foreign();
    }

    private static ApiException foreign() {
        return ApiException.invalid("after", "The cursor in 'after' does not come from this list; use an endCursor it returned.");
    }
}
