package org.attache.api;

/**
 * PostgreSQL expressions that write a value as the API writes it in Java, for text that either side may produce: the
 * one-statement read path builds whole answers in SQL, and cursors are made by the database for both paths.
 */
public final class SqlText {

    private SqlText() {
    }

    /**
     * A text expression encoded as {@code Base64.getUrlEncoder().withoutPadding()} encodes its UTF-8 bytes: base64 made
     * URL-safe, without its padding and the line breaks PostgreSQL puts every 76 characters.
     */
    public static String base64Url(String text) {
        return "rtrim(translate(encode(convert_to(" + text + ", 'UTF8'), 'base64'), '+/' || chr(10), '-_'), '=')";
    }

    /**
     * A timestamptz as the API's DateTime writes it (ISO_OFFSET_DATE_TIME of the UTC value, as Hibernate reads it):
     * seconds always, the fraction only as far as it has digits, then Z.
     */
    public static String isoTimestamp(String expression) {
        String utc = "(" + expression + ") at time zone 'UTC'";
        return "to_char(" + utc + ", 'YYYY-MM-DD\"T\"HH24:MI:SS') || coalesce('.' || nullif(rtrim(to_char(" + utc
                + ", 'US'), '0'), ''), '') || 'Z'";
    }
}
