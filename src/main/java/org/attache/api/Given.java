package org.attache.api;

import java.util.Map;
import java.util.Set;

import graphql.schema.DataFetchingEnvironment;
import io.smallrye.graphql.api.Context;

/**
 * The fields an update's input writes out, explicit nulls included. graphql-java leaves a field the client did not
 * write out of the argument's map, and that is what tells "keep" (absent) from "clear" (null): the record SmallRye
 * builds from the map holds null for both.
 */
public final class Given {

    /** Every field: a create, where what is left out is simply not there. */
    public static final Given ALL = new Given(null);

    private final Set<String> fields;

    private Given(Set<String> fields) {
        this.fields = fields;
    }

    /** The fields of the named input argument of the field being resolved (SmallRye's context is the resolver's). */
    public static Given in(Context context, String argument) {
        Object value = context.unwrap(DataFetchingEnvironment.class).getArgument(argument);
        return new Given(
                value instanceof Map<?, ?> map ? Set.copyOf(map.keySet().stream().map(String::valueOf).toList()) : Set.of());
    }

    public boolean has(String field) {
        return fields == null || fields.contains(field);
    }

    /** What the input gives the field, or its current value when the input leaves it out. */
    public <T> T or(String field, T given, T current) {
        return has(field) ? given : current;
    }
}
