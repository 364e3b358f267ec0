package org.attache;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;

import org.eclipse.microprofile.graphql.NonNull;

/** What the schema makes of an input record's components, read from the record as SmallRye reads it. */
public final class InputTypes {

    private InputTypes() {
    }

    /** @NonNull reaches a record's field and accessor, not its component (the annotation does not target them). */
    public static boolean required(RecordComponent component) {
        return component.isAnnotationPresent(NonNull.class) || component.getAccessor().isAnnotationPresent(NonNull.class)
                || Arrays.stream(component.getDeclaringRecord().getDeclaredFields())
                        .anyMatch(field -> field.getName().equals(component.getName())
                                && field.isAnnotationPresent(NonNull.class));
    }

    /** Whether the create input requires this field: in an update, null for it is refused. */
    public static boolean required(Class<? extends Record> type, String name) {
        return Arrays.stream(type.getRecordComponents()).anyMatch(c -> c.getName().equals(name) && required(c));
    }
}
