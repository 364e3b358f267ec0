package org.attache.security;

/**
 * The roles a token's {@code groups} claim grants. Each role includes the ones below it ({@link RoleHierarchy}), so an
 * API class says only the least role an operation needs.
 */
public final class Roles {

    /** Reads everything except the change history. */
    public static final String VIEWER = "viewer";
    /** Also records and edits visits, agenda items, awards and people. */
    public static final String EDITOR = "editor";
    /** Also deletes records, manages topics and reads the change history. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
