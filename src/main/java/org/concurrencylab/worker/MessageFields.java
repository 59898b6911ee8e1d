package org.concurrencylab.worker;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.concurrencylab.worker.Protocol.BadMessage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/// The fields of one message of the [Protocol], read strictly: each is taken once by name and
/// kind; a field missing, doubled, of the wrong kind, or left over ([#done]) makes the message
/// unreadable.
///
/// Thread-safety: one reader per message.
final class MessageFields {
    /// Reads one JSON object, and nothing after it, into maps, lists, strings, longs, booleans
    /// and nulls.
    static MessageFields parse(JsonFactory json, String line) throws IOException {
        try (JsonParser in = json.createParser(line)) {
            if (in.nextToken() != JsonToken.START_OBJECT) throw new BadMessage("not a JSON object");
            Map<String, Object> object = readObject(in);
            if (in.nextToken() != null) throw new BadMessage("more than one JSON value on a line");
            return new MessageFields(object);
        }
    }

    private static Map<String, Object> readObject(JsonParser in) throws IOException {
        Map<String, Object> object = new LinkedHashMap<>();
        for (JsonToken token = in.nextToken(); token != JsonToken.END_OBJECT; token = in.nextToken()) {
            String name = in.currentName();
            if (object.containsKey(name)) throw new BadMessage("field '" + name + "' appears twice");
            in.nextToken();
            object.put(name, readValue(in));
        }
        return object;
    }

    private static Object readValue(JsonParser in) throws IOException {
        return switch (in.currentToken()) {
            case START_OBJECT -> readObject(in);
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (in.nextToken() != JsonToken.END_ARRAY) list.add(readValue(in));
                yield list;
            }
            case VALUE_STRING -> in.getText();
            case VALUE_NUMBER_INT -> in.getLongValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new BadMessage("unexpected " + in.currentToken() + " in a message");
        };
    }

    private final Map<?, ?> values;
    private final Set<String> taken = new HashSet<>();

    private MessageFields(Map<?, ?> values) {
        this.values = values;
    }

    /// The fields of an object read inside a message (a step of a plan).
    static MessageFields of(Map<?, ?> values) {
        return new MessageFields(values);
    }

    private Object take(String name, boolean nullable) throws BadMessage {
        taken.add(name);
        if (!values.containsKey(name)) throw new BadMessage("field '" + name + "' is missing");
        Object value = values.get(name);
        if (value == null && !nullable) throw new BadMessage("field '" + name + "' is null");
        return value;
    }

    long number(String name) throws BadMessage {
        if (take(name, false) instanceof Long value) return value;
        throw new BadMessage("field '" + name + "' is not a whole number");
    }

    int integer(String name) throws BadMessage {
        long value = number(name);
        if (value != (int) value) throw new BadMessage("field '" + name + "' is out of range: " + value);
        return (int) value;
    }

    /// The whole number `name`, or `otherwise` if the message leaves it out.
    int integerOr(String name, int otherwise) throws BadMessage {
        return values.containsKey(name) ? integer(name) : otherwise;
    }

    boolean bool(String name) throws BadMessage {
        if (take(name, false) instanceof Boolean value) return value;
        throw new BadMessage("field '" + name + "' is not true or false");
    }

    String text(String name) throws BadMessage {
        if (take(name, false) instanceof String value) return value;
        throw new BadMessage("field '" + name + "' is not a string");
    }

    String textOrNull(String name) throws BadMessage {
        Object value = take(name, true);
        if (value == null || value instanceof String) return (String) value;
        throw new BadMessage("field '" + name + "' is not a string");
    }

    <E extends Enum<E>> E constant(String name, Class<E> type) throws BadMessage {
        String value = text(name);
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new BadMessage("field '" + name + "' has an unknown value '" + value + "'");
        }
    }

    MessageFields object(String name) throws BadMessage {
        if (take(name, false) instanceof Map<?, ?> value) return new MessageFields(value);
        throw new BadMessage("field '" + name + "' is not an object");
    }

    List<?> array(String name) throws BadMessage {
        if (take(name, false) instanceof List<?> value) return value;
        throw new BadMessage("field '" + name + "' is not an array");
    }

    void done() throws BadMessage {
        for (Object name : values.keySet()) {
            if (!taken.contains(name)) throw new BadMessage("unknown field '" + name + "'");
        }
    }
}
