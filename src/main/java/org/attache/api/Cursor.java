package org.attache.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Opaque keyset cursors: the sort key of the last row a client saw, so the next page starts right after it even
 * when rows were inserted or deleted meanwhile (an offset would repeat or skip rows).
 */
public final class Cursor {

    private static final String SEPARATOR = "\u001F";

    private Cursor() {
    }

    /**
     * The kind of cursor a list's page hands out: the list and its order, with a digest of its filter, so that a
     * cursor is refused by the same list filtered otherwise (it would point into a different sequence of rows). Only
     * letters, digits and {@code :#_}, so that {@link #sql} may write it into SQL as it is.
     */
    public static String kind(String listAndOrder, Object... filter) {
        StringBuilder canonical = new StringBuilder();
        for (Object part : filter) {
            canonical.append(part == null ? "" : part.toString()).append(SEPARATOR);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return listAndOrder + "#" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The cursor of a row as a PostgreSQL text expression, from the kind and the texts of the row's sort keys: base64url
     * without padding of the kind and the keys, separated by U+001F. The database writes every cursor, for the
     * resolvers' pages and the one-statement reads alike, so that both hand out the same text.
     */
    public static String sql(String kind, List<String> keyTexts) {
        StringBuilder raw = new StringBuilder("'" + kind + "'");
        for (String key : keyTexts) {
            raw.append(" || chr(31) || ").append(key);
        }
        return SqlText.base64Url(raw.toString());
    }

    /** The keys of a cursor made by {@link #sql} for the same kind of list; anything else is a client error. */
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
        return ApiException.invalid("after",
                "The cursor in 'after' does not come from this list; use an endCursor it returned.");
    }
}
