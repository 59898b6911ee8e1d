package org.concurrencylab.python;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import org.concurrencylab.core.io.StrictFields;
import org.concurrencylab.core.trace.State;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

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
        StrictFields<Unreadable> m = parse(line);
        HarnessEvent event = switch (m.text("type")) {
            case "hello" -> new HarnessEvent.Hello(m.number("pid"), m.number("time"), m.text("python"));
            case "pong" -> new HarnessEvent.Pong(m.number("id"), m.number("time"));
            case "ready" -> new HarnessEvent.Ready(m.text("variant"), m.text("program"), m.textOrNull("startMethod"));
            case "main" -> new HarnessEvent.Main(m.number("time"));
            case "began" -> new HarnessEvent.Began(m.text("lane"), m.integer("task"), m.constant("state", State.class, "state"), m.text("label"), m.number("time"));
            case "ended" -> new HarnessEvent.Ended(m.textOrNull("lane"), m.integer("task"), m.constant("state", State.class, "state"), m.number("start"),
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

    /// One flat JSON object on `line`, its fields to be taken one by one ([StrictFields]).
    private static StrictFields<Unreadable> parse(String line) throws Unreadable {
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
            return new StrictFields<>(object, Unreadable::new);
        } catch (Unreadable e) {
            throw e;
        } catch (IOException e) {
            throw new Unreadable("not JSON: " + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
    }
}
