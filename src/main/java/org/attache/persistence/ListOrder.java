package org.attache.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The order of a list, written once for both read paths: each key as the entity's attribute, for the resolvers' HQL,
 * and as its column, for the one-statement path's SQL.
 */
public final class ListOrder {

    private record Key(String attribute, String column, String direction) {
    }

    private final List<Key> keys;

    private ListOrder(List<Key> keys) {
        this.keys = keys;
    }

    public static ListOrder ascending(String attribute, String column) {
        return new ListOrder(List.of()).then(attribute, column, "");
    }

    public static ListOrder descending(String attribute, String column) {
        return new ListOrder(List.of()).then(attribute, column, " desc");
    }

    public ListOrder thenAscending(String attribute, String column) {
        return then(attribute, column, "");
    }

    public ListOrder thenDescending(String attribute, String column) {
        return then(attribute, column, " desc");
    }

    /** Rows without a value for this key come after the others. */
    public ListOrder thenAscendingNullsLast(String attribute, String column) {
        return then(attribute, column, " nulls last");
    }

    /** The order by clause's keys in HQL, over an alias of the entity. */
    public String hql(String alias) {
        return join(Key::attribute, alias);
    }

    /** The order by clause's keys in SQL, over an alias of the entity's table. */
    public String sql(String alias) {
        return join(Key::column, alias);
    }

    private ListOrder then(String attribute, String column, String direction) {
        List<Key> more = new ArrayList<>(keys);
        more.add(new Key(attribute, column, direction));
        return new ListOrder(List.copyOf(more));
    }

    private String join(Function<Key, String> name, String alias) {
        return keys.stream().map(key -> alias + "." + name.apply(key) + key.direction()).collect(Collectors.joining(", "));
    }
}
