package org.attache.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The order of a list, written once for both read paths: each key an attribute of the entity, as the resolvers' HQL
 * names it; the one-statement path writes the attribute's column, which Hibernate's mapping gives it.
 */
public final class ListOrder {

    private record Key(String attribute, String direction) {
    }

    private final List<Key> keys;

    private ListOrder(List<Key> keys) {
        this.keys = keys;
    }

    public static ListOrder ascending(String attribute) {
        return new ListOrder(List.of()).then(attribute, "");
    }

    public static ListOrder descending(String attribute) {
        return new ListOrder(List.of()).then(attribute, " desc");
    }

    public ListOrder thenAscending(String attribute) {
        return then(attribute, "");
    }

    public ListOrder thenDescending(String attribute) {
        return then(attribute, " desc");
    }

    /** Rows without a value for this key come after the others. */
    public ListOrder thenAscendingNullsLast(String attribute) {
        return then(attribute, " nulls last");
    }

    /** The order by clause's keys in HQL, over an alias of the entity. */
    public String hql(String alias) {
        return sql(alias, UnaryOperator.identity());
    }

    /** The order by clause's keys in SQL, over an alias of the entity's table: each attribute as that column. */
    public String sql(String alias, UnaryOperator<String> column) {
        return keys.stream().map(key -> alias + "." + column.apply(key.attribute()) + key.direction())
                .collect(Collectors.joining(", "));
    }

    private ListOrder then(String attribute, String direction) {
        List<Key> more = new ArrayList<>(keys);
        more.add(new Key(attribute, direction));
        return new ListOrder(List.copyOf(more));
    }
}
