package org.concurrencylab.worker;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.concurrencylab.core.io.StrictFields;
import org.concurrencylab.worker.Protocol.BadMessage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/// One message of the [Protocol] read into its fields, strictly ([StrictFields]): a field doubled
/// makes it unreadable, as anything but one JSON object on the line does.
///
/// Thread-safety: stateless.
final class MessageFields {
    private MessageFields() {}

    /// Reads one JSON object, and nothing after it, into maps, lists, strings, longs, booleans
    /// and nulls.
    static StrictFields<BadMessage> parse(JsonFactory json, String line) throws IOException {
        try (JsonParser in = json.createParser(line)) {
            if (in.nextToken() != JsonToken.START_OBJECT) throw new BadMessage("not a JSON object");
            Map<String, Object> object = readObject(in);
            if (in.nextToken() != null) throw new BadMessage("more than one JSON value on a line");
            return of(object);
        }
    }

    /// The fields of an object read inside a message (a step of a plan).
    static StrictFields<BadMessage> of(Map<?, ?> values) {
        return new StrictFields<>(values, BadMessage::new);
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
}
