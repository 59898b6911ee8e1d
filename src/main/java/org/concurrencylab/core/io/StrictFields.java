package org.concurrencylab.core.io;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/// The fields of one JSON object read from another process (a worker's message, a line of the
/// Python harness), read strictly: each is taken once by name and kind; a field missing, null
/// where it may not be, of the wrong kind, or left over ([#done]) makes the message unreadable,
/// with a sentence that names the field. Numbers are whole numbers of 64 bits (`Long`); anything
/// else a parser put in the map (a `BigInteger`, a `Double`) is of the wrong kind.
///
/// @param <E> the exception a reader throws for an unreadable message, made from its sentence
///
/// Thread-safety: one reader per message.
public final class StrictFields<E extends IOException> {
    private static final String WHOLE = "a whole number of 64 bits";
    private final Map<?, ?> values;
    private final Function<String, E> unreadable;
    private final Set<Object> taken = new HashSet<>();

    /// The fields of `values`, an object as a JSON parser read it into maps, lists, strings,
    /// longs, booleans and nulls.
    public StrictFields(Map<?, ?> values, Function<String, E> unreadable) {
        this.values = values;
        this.unreadable = unreadable;
    }

    private Object take(String name, boolean nullable) throws E {
        taken.add(name);
        if (!values.containsKey(name)) throw unreadable.apply("field '" + name + "' is missing");
        Object value = values.get(name);
        if (value == null && !nullable) throw unreadable.apply("field '" + name + "' is null");
        return value;
    }

    /// Whether the object has the field `name` (taken or not).
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /// The field's value as `type` (null only where `nullable`), else unreadable: "field 'x' is
    /// not `what`".
    private <T> T typed(String name, boolean nullable, Class<T> type, String what) throws E {
        Object value = take(name, nullable);
        if (value == null || type.isInstance(value)) return type.cast(value);
        throw unreadable.apply("field '" + name + "' is not " + what);
    }

    public long number(String name) throws E {
        return typed(name, false, Long.class, WHOLE);
    }

    public Long numberOrNull(String name) throws E {
        return typed(name, true, Long.class, WHOLE);
    }

    public int integer(String name) throws E {
        long value = number(name);
        if (value != (int) value) throw unreadable.apply("field '" + name + "' is out of range: " + value);
        return (int) value;
    }

    public boolean bool(String name) throws E {
        return typed(name, false, Boolean.class, "true or false");
    }

    public String text(String name) throws E {
        return typed(name, false, String.class, "a string");
    }

    public String textOrNull(String name) throws E {
        return typed(name, true, String.class, "a string");
    }

    /// The constant of `type` named by the field: "field 'state' has an unknown `noun` 'X'".
    public <C extends Enum<C>> C constant(String name, Class<C> type, String noun) throws E {
        String value = text(name);
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw unreadable.apply("field '" + name + "' has an unknown " + noun + " '" + value + "'");
        }
    }

    /// The object in the field, read as strictly.
    public StrictFields<E> object(String name) throws E {
        return new StrictFields<>(typed(name, false, Map.class, "an object"), unreadable);
    }

    public List<?> array(String name) throws E {
        return typed(name, false, List.class, "an array");
    }

    /// Fails on a field nobody took: a message with more than its kind has is not understood.
    public void done() throws E {
        for (Object name : values.keySet()) {
            if (!taken.contains(name)) throw unreadable.apply("unknown field '" + name + "'");
        }
    }
}
