package org.concurrencylab.python;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import org.concurrencylab.core.trace.State;

import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/// Reads the relay's lines into [HarnessEvent]s, strictly, on Jackson's streaming parser (as
/// the worker processes' protocol does).
///
/// Thread-safety: stateless; the factory is thread-safe.
final class HarnessLines {
    /// A line that is no event.
    static final class Unreadable extends IOException {
        Unreadable(String message) {
            super(message);
        }
    }

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private HarnessLines() {}

    /// The event on `line`.
    ///
    /// @throws Unreadable if it is none
    static HarnessEvent read(String line) throws Unreadable {
        Fields m = Fields.parse(line);
        HarnessEvent event = switch (m.text("type")) {
            case "hello" -> new HarnessEvent.Hello(m.number("pid"), m.number("time"), m.text("python"));
            case "pong" -> new HarnessEvent.Pong(m.number("id"), m.number("time"));
            case "ready" -> new HarnessEvent.Ready(m.text("variant"), m.text("program"), m.textOrNull("startMethod"));
            case "main" -> new HarnessEvent.Main(m.number("time"));
            case "began" -> new HarnessEvent.Began(m.text("lane"), m.integer("task"), m.state("state"), m.text("label"), m.number("time"));
            case "ended" -> new HarnessEvent.Ended(m.textOrNull("lane"), m.integer("task"), m.state("state"), m.number("start"),
                    m.number("end"), m.text("label"), m.textOrNull("error"));
            case "outcome" -> new HarnessEvent.Outcome(m.text("lane"), m.integer("task"), m.bool("ok"), m.textOrNull("result"),
                    m.textOrNull("error"), m.numberOrNull("count"));
            case "gil" -> new HarnessEvent.Gil(m.text("lane"), m.integer("task"), m.number("wall"), m.number("cpu"), m.number("runq"),
                    m.number("wait"), m.number("drawn"), m.bool("sampled"), m.number("period"));
            case "print" -> new HarnessEvent.Print(m.text("text"));
            case "done" -> new HarnessEvent.Done(m.number("time"), m.number("wall"), m.numberOrNull("counter"));
            case "failed" -> new HarnessEvent.Failed(m.text("where"), m.text("error"), m.text("trace"));
            case "exit" -> new HarnessEvent.Exit(m.integer("code"), m.text("stderr"));
            default -> throw new Unreadable("unknown event type '" + m.text("type") + "'");
        };
        m.done();
        return event;
    }

    /// The fields of one flat JSON object, taken one by one; [#done] refuses any left over.
    private static final class Fields {
        private final Map<String, Object> values;
        private final Set<String> taken = new HashSet<>();

        private Fields(Map<String, Object> values) {
            this.values = values;
        }

        static Fields parse(String line) throws Unreadable {
            try (JsonParser in = JSON.createParser(line)) {
                if (in.nextToken() != JsonToken.START_OBJECT) throw new Unreadable("not a JSON object");
                Map<String, Object> object = new LinkedHashMap<>();
                for (JsonToken token = in.nextToken(); token != JsonToken.END_OBJECT; token = in.nextToken()) {
                    if (token != JsonToken.FIELD_NAME) throw new Unreadable("not a JSON object");
                    String name = in.currentName();
                    if (object.containsKey(name)) throw new Unreadable("field '" + name + "' appears twice");
                    object.put(name, switch (in.nextToken()) {
                        case VALUE_STRING -> in.getText();
                        case VALUE_NUMBER_INT -> in.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                                ? in.getBigIntegerValue() : in.getLongValue();
                        case VALUE_TRUE -> Boolean.TRUE;
                        case VALUE_FALSE -> Boolean.FALSE;
                        case VALUE_NULL -> null;
                        default -> throw new Unreadable("field '" + name + "' is not a string, a whole number or a boolean");
                    });
                }
                if (in.nextToken() != null) throw new Unreadable("more than one JSON value on a line");
                return new Fields(object);
            } catch (Unreadable e) {
                throw e;
            } catch (IOException e) {
                throw new Unreadable("not JSON: " + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
            }
        }

        private Object take(String name, boolean nullable) throws Unreadable {
            taken.add(name);
            if (!values.containsKey(name)) throw new Unreadable("field '" + name + "' is missing");
            Object value = values.get(name);
            if (value == null && !nullable) throw new Unreadable("field '" + name + "' is null");
            return value;
        }

        long number(String name) throws Unreadable {
            if (take(name, false) instanceof Long value) return value;
            throw new Unreadable("field '" + name + "' is not a whole number of 64 bits");
        }

        Long numberOrNull(String name) throws Unreadable {
            Object value = take(name, true);
            if (value == null || value instanceof Long) return (Long) value;
            throw new Unreadable("field '" + name + "' is not a whole number of 64 bits");
        }

        int integer(String name) throws Unreadable {
            long value = number(name);
            if (value != (int) value) throw new Unreadable("field '" + name + "' is out of range: " + value);
            return (int) value;
        }

        boolean bool(String name) throws Unreadable {
            if (take(name, false) instanceof Boolean value) return value;
            throw new Unreadable("field '" + name + "' is not true or false");
        }

        String text(String name) throws Unreadable {
            if (take(name, false) instanceof String value) return value;
            throw new Unreadable("field '" + name + "' is not a string");
        }

        String textOrNull(String name) throws Unreadable {
            Object value = take(name, true);
            if (value == null || value instanceof String) return (String) value;
            throw new Unreadable("field '" + name + "' is not a string");
        }

        State state(String name) throws Unreadable {
            String value = text(name);
            try {
                return State.valueOf(value);
            } catch (IllegalArgumentException e) {
                throw new Unreadable("field '" + name + "' has an unknown state '" + value + "'");
            }
        }

        void done() throws Unreadable {
            for (String name : values.keySet()) {
                if (!taken.contains(name)) throw new Unreadable("unknown field '" + name + "'");
            }
        }
    }
}
