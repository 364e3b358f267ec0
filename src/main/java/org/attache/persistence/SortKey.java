package org.attache.persistence;

import java.util.function.Function;

import org.attache.api.Cursor;
import org.attache.api.SqlText;

/**
 * One key a list is ordered by, written once for everything that needs it: the SQL to order and compare by, the
 * text a cursor carries (made by the database, so it is the value exactly as compared), and how that text reads back
 * into the value bound when a page continues after a cursor (a client's text: anything else is a foreign cursor).
 */
public record SortKey(Sql expression, Sql text, Function<String, Object> read) {

    /** The row's id, the last key of every list: it makes the order total. */
    public static final SortKey ID = new SortKey(Sql.of("e.id"), Sql.of("e.id"), Cursor::longKey);

    /** A date column; its text is ISO-8601, the DateStyle the JDBC driver sets. */
    public static SortKey date(String column) {
        return new SortKey(Sql.of(column), Sql.of(column), Cursor::dateKey);
    }

    /** A timestamptz column, written as the API writes a DateTime. */
    public static SortKey time(String column) {
        return new SortKey(Sql.of(column), Sql.of(SqlText.isoTimestamp(column)), Cursor::timeKey);
    }

    /**
     * A real (a relevance rank, whose expression may hold parameters); PostgreSQL writes its shortest exact decimal
     * form, which Float reads back.
     */
    public static SortKey rank(Sql expression) {
        return new SortKey(expression, Sql.sql("cast(", expression, " as text)"), Cursor::rankKey);
    }

    /** A text expression, compared as the database compares it. */
    public static SortKey text(String expression) {
        return new SortKey(Sql.of(expression), Sql.of(expression), key -> key);
    }
}
