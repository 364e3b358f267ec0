package org.attache.persistence;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.persistence.Query;

import io.quarkus.hibernate.orm.panache.Panache;

/**
 * A piece of SQL and the values of its parameters in the order they stand: every {@code ?} in the text is a parameter,
 * never an operator or part of a literal. Pieces are put together with {@link #sql} and keep their values in step, so
 * a parameter is never named, renamed or looked for again in the text. A service writes its statement once this way;
 * the resolvers run it ({@link #rows}), the one-statement read path (sqlread) builds it into its own statement.
 */
public final class Sql {

    private static final Sql EMPTY = new Sql("", List.of());

    private final String text;
    private final List<Object> values;

    private Sql(String text, List<Object> values) {
        this.text = text;
        this.values = values;
    }

    /** Text with a placeholder per value, in order; values may be null (SQL null). */
    public static Sql of(String text, Object... values) {
        if (placeholders(text) != values.length) {
            throw new IllegalArgumentException(values.length + " values for the placeholders of: " + text);
        }
        List<Object> list = new ArrayList<>(values.length);
        Collections.addAll(list, values);
        return new Sql(text, Collections.unmodifiableList(list));
    }

    /** Text whose every placeholder takes this one value (a condition that names it twice). */
    public static Sql each(String text, Object value) {
        return of(text, Collections.nCopies(placeholders(text), value).toArray());
    }

    /** One parameter. */
    public static Sql value(Object value) {
        return new Sql("?", Collections.singletonList(value));
    }

    /** The parts in order: text (without placeholders) as it is, pieces with their values. */
    public static Sql sql(Object... parts) {
        StringBuilder text = new StringBuilder();
        List<Object> values = new ArrayList<>();
        for (Object part : parts) {
            append(part, text, values);
        }
        return new Sql(text.toString(), Collections.unmodifiableList(values));
    }

    /** The pieces with the delimiter (text) between them. */
    public static Sql join(String delimiter, List<Sql> pieces) {
        if (pieces.isEmpty()) {
            return EMPTY;
        }
        StringBuilder text = new StringBuilder();
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            if (i > 0) {
                append(delimiter, text, values);
            }
            append(pieces.get(i), text, values);
        }
        return new Sql(text.toString(), Collections.unmodifiableList(values));
    }

    /** The text, with JDBC's placeholders ({@code ?}). */
    public String text() {
        return text;
    }

    public List<Object> values() {
        return values;
    }

    /** The text with JPA's numbered placeholders ({@code ?1, ?2...}), which native queries bind by position. */
    public String numbered() {
        StringBuilder numbered = new StringBuilder(text.length() + 2 * values.size());
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            numbered.append(c);
            if (c == '?') {
                numbered.append(++n);
            }
        }
        return numbered.toString();
    }

    /** Its rows, in the current transaction. */
    @SuppressWarnings("unchecked")
    public List<Object[]> rows() {
        return bind(Panache.getEntityManager().createNativeQuery(numbered())).getResultList();
    }

    /** The query, made from {@link #numbered}, with its values bound by position. */
    public <Q extends Query> Q bind(Q query) {
        for (int i = 0; i < values.size(); i++) {
            query.setParameter(i + 1, values.get(i));
        }
        return query;
    }

    @Override
    public String toString() {
        return text + " " + values;
    }

    private static void append(Object part, StringBuilder text, List<Object> values) {
        if (part instanceof Sql piece) {
            text.append(piece.text);
            values.addAll(piece.values);
        } else if (part instanceof String plain && placeholders(plain) == 0) {
            text.append(plain);
        } else {
            throw new IllegalArgumentException("not SQL text without placeholders, nor a piece: " + part);
        }
    }

    private static int placeholders(String text) {
        int count = 0;
        for (int i = text.indexOf('?'); i >= 0; i = text.indexOf('?', i + 1)) {
            count++;
        }
        return count;
    }
}
