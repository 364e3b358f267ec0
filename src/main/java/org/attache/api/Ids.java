package org.attache.api;

/** IDs are opaque strings to clients and numbers to the database. */
public final class Ids {

    private Ids() {
    }

    /** The numeric id, or null when the string cannot be one. */
    public static Long tryParse(String id) {
        if (id == null || id.isEmpty() || id.length() > 18) {
            return null;
        }
        for (int i = 0; i < id.length(); i++) {
            if (id.charAt(i) < '0' || id.charAt(i) > '9') {
                return null;
            }
        }
        return Long.parseLong(id);
    }
}
