package org.concurrencylab.worker;

import org.concurrencylab.core.run.RunParams;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.io.StrictFields;
import org.concurrencylab.core.trace.State;
import org.concurrencylab.core.workload.Step;
import org.concurrencylab.core.workload.TaskPlan;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/// The line protocol between the app and its worker processes: one JSON object per line, UTF-8,
/// on the child's stdin ([Command]s) and stdout ([Event]s). The messages are records; task plans
/// travel as data.
///
/// A conversation: the child warms up and sends [Ready]; the parent sends a few [Ping]s to align
/// the clocks; each run then begins with [Reset] → [Ready], and goes on one task at a time: [Run]
/// → [Began]/[Ended] for each state the task goes through → [Outcome]; a race run ends with
/// [Count] → [Counted]. The child exits on [Exit] or when its stdin ends. Times are nanoseconds
/// of the child's own clock; the parent maps them onto its run clock with the offset its ping
/// handshake measured.
///
/// On the wire every object names its kind in `type` (messages) or `step` (steps), e.g.
/// `{"type":"run","plan":{"id":3,"name":"…","steps":[{"step":"compute","kind":"SUM_OF_SQUARES","n":5000003}]}}`.
/// The mapping is written out here, on Jackson's streaming parser and generator (jackson-core,
/// which jackson-databind is built on), rather than by data binding: every child pays for it at
/// every start. Measured on the 2-core machine, binding these records with an `ObjectMapper` (and
/// a mix-in for the steps) made a worker process ready about 120 ms later with the AOT cache
/// (320 ms instead of 200 ms) and about 240 ms later without it (510 ms instead of 270 ms).
/// Reading is strict: an unknown kind, a missing, doubled or unknown field, or a value out of
/// range makes the message unreadable.
///
/// Thread-safety: stateless; the factory is thread-safe.
final class Protocol {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private Protocol() {}

    /// Parent → child.
    sealed interface Command permits Ping, Run, Reset, Count, Exit {}

    /// Asks for a [Pong] with the child's clock, at once.
    record Ping(long id) implements Command {}

    /// Runs one task plan.
    record Run(TaskPlan plan) implements Command {}

    /// A new run begins: the child starts a fresh counter and a fresh trace, warms its HTTP client
    /// first if `http` and it has not yet, and answers [Ready]. The run's downloads use the
    /// timeouts and the deadline given (on the wire they may be left out: the defaults of [RunSpec]).
    record Reset(boolean http, int connectTimeoutMs, int readTimeoutMs, int deadlineMs) implements Command {
        Reset {
            if (connectTimeoutMs < 1 || connectTimeoutMs > RunParams.MAX_TIMEOUT_MS
                    || readTimeoutMs < 1 || readTimeoutMs > RunParams.MAX_TIMEOUT_MS) {
                throw new IllegalArgumentException("timeouts must be between 1 and " + RunParams.MAX_TIMEOUT_MS
                        + " ms, were " + connectTimeoutMs + " and " + readTimeoutMs);
            }
            if (deadlineMs < 1 || deadlineMs > RunParams.MAX_DEADLINE_MS) {
                throw new IllegalArgumentException("the deadline must be between 1 and " + RunParams.MAX_DEADLINE_MS
                        + " ms, was " + deadlineMs);
            }
        }

        /// A reset with the default timeouts and deadline.
        Reset(boolean http) {
            this(http, RunParams.DEFAULT_CONNECT_TIMEOUT_MS, RunParams.DEFAULT_READ_TIMEOUT_MS, RunParams.DEFAULT_DEADLINE_MS);
        }
    }

    /// Asks what the child's own counter reads for `mode`.
    record Count(Step.CounterMode mode) implements Command {}

    /// Asks the child to exit now.
    record Exit() implements Command {}

    /// Child → parent.
    sealed interface Event permits Ready, Pong, Began, Ended, Outcome, Counted {}

    /// The child has started and warmed up (everything before this is start-up), or is ready for
    /// a new run after a [Reset].
    ///
    /// @param pid         the child's process id
    /// @param time        the child's clock when it became ready
    /// @param warmupNanos how long the warm-up just done took (0 if there was none)
    record Ready(long pid, long time, long warmupNanos) implements Event {}

    /// The answer to [Ping] `id`, with the child's clock when it answered.
    record Pong(long id, long time) implements Event {}

    /// The child's worker entered `state` for `task` at `time` and is still in it.
    record Began(int task, State state, String label, long time) implements Event {}

    /// The child's worker was in `state` for `task` from `start` to `end`; `error` is null unless
    /// the state failed. Every state a task goes through ends with one of these, announced by a
    /// [Began] first if it lasted long enough to be seen while open.
    record Ended(int task, State state, long start, long end, String label, String error) implements Event {}

    /// How a task ended (`result` when ok, else `error`).
    record Outcome(int task, boolean ok, String result, String error) implements Event {}

    /// What the child's own counter reads for `mode`.
    record Counted(Step.CounterMode mode, long value) implements Event {}

    /// A line that is not a message of the protocol.
    static final class BadMessage extends IOException {
        BadMessage(String message) {
            super(message);
        }
    }

    /// Loads and runs the codec once, so that the first messages of a run are not read cold.
    static void warm() {
        try {
            readEvent(write(new Ended(0, State.WORK, 0, 1, "warm-up", null)));
            readCommand(write(new Run(new TaskPlan(0, "warm-up", List.of(new Step.Sleep(0))))));
        } catch (IOException e) {
            throw new IllegalStateException("the protocol cannot read its own messages", e);
        }
    }

    /// One line of JSON, without the line break.
    static String write(Object message) {
        StringWriter text = new StringWriter(128);
        try (JsonGenerator out = JSON.createGenerator(text)) {
            out.writeStartObject();
            switch (message) {
                case Ping(long id) -> {
                    out.writeStringField("type", "ping");
                    out.writeNumberField("id", id);
                }
                case Run(TaskPlan plan) -> {
                    out.writeStringField("type", "run");
                    out.writeFieldName("plan");
                    writePlan(out, plan);
                }
                case Reset(boolean http, int connectTimeoutMs, int readTimeoutMs, int deadlineMs) -> {
                    out.writeStringField("type", "reset");
                    out.writeBooleanField("http", http);
                    out.writeNumberField("connectTimeoutMs", connectTimeoutMs);
                    out.writeNumberField("readTimeoutMs", readTimeoutMs);
                    out.writeNumberField("deadlineMs", deadlineMs);
                }
                case Count(Step.CounterMode mode) -> {
                    out.writeStringField("type", "count");
                    out.writeStringField("mode", mode.name());
                }
                case Exit() -> out.writeStringField("type", "exit");
                case Ready(long pid, long time, long warmupNanos) -> {
                    out.writeStringField("type", "ready");
                    out.writeNumberField("pid", pid);
                    out.writeNumberField("time", time);
                    out.writeNumberField("warmupNanos", warmupNanos);
                }
                case Pong(long id, long time) -> {
                    out.writeStringField("type", "pong");
                    out.writeNumberField("id", id);
                    out.writeNumberField("time", time);
                }
                case Began(int task, State state, String label, long time) -> {
                    out.writeStringField("type", "began");
                    out.writeNumberField("task", task);
                    out.writeStringField("state", state.name());
                    out.writeStringField("label", label);
                    out.writeNumberField("time", time);
                }
                case Ended(int task, State state, long start, long end, String label, String error) -> {
                    out.writeStringField("type", "ended");
                    out.writeNumberField("task", task);
                    out.writeStringField("state", state.name());
                    out.writeNumberField("start", start);
                    out.writeNumberField("end", end);
                    out.writeStringField("label", label);
                    out.writeStringField("error", error);
                }
                case Outcome(int task, boolean ok, String result, String error) -> {
                    out.writeStringField("type", "outcome");
                    out.writeNumberField("task", task);
                    out.writeBooleanField("ok", ok);
                    out.writeStringField("result", result);
                    out.writeStringField("error", error);
                }
                case Counted(Step.CounterMode mode, long value) -> {
                    out.writeStringField("type", "counted");
                    out.writeStringField("mode", mode.name());
                    out.writeNumberField("value", value);
                }
                default -> throw new IllegalArgumentException("not a protocol message: " + message);
            }
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("a protocol message could not be written: " + message, e);
        }
        return text.toString();
    }

    private static void writePlan(JsonGenerator out, TaskPlan plan) throws IOException {
        out.writeStartObject();
        out.writeNumberField("id", plan.id());
        out.writeStringField("name", plan.name());
        out.writeArrayFieldStart("steps");
        for (Step step : plan.steps()) {
            out.writeStartObject();
            switch (step) {
                case Step.Fetch(URI uri) -> {
                    out.writeStringField("step", "fetch");
                    out.writeStringField("uri", uri.toString());
                }
                case Step.Parse(int rounds) -> {
                    out.writeStringField("step", "parse");
                    out.writeNumberField("rounds", rounds);
                }
                case Step.Compute(Step.ComputeKind kind, long n) -> {
                    out.writeStringField("step", "compute");
                    out.writeStringField("kind", kind.name());
                    out.writeNumberField("n", n);
                }
                case Step.Sleep(long millis) -> {
                    out.writeStringField("step", "sleep");
                    out.writeNumberField("millis", millis);
                }
                case Step.Crunch(long millis) -> {
                    out.writeStringField("step", "crunch");
                    out.writeNumberField("millis", millis);
                }
                case Step.Increment(int times, Step.CounterMode mode) -> {
                    out.writeStringField("step", "increment");
                    out.writeNumberField("times", times);
                    out.writeStringField("mode", mode.name());
                }
            }
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    static Command readCommand(String line) throws IOException {
        StrictFields<BadMessage> m = MessageFields.parse(JSON, line);
        Command command = switch (m.text("type")) {
            case "ping" -> new Ping(m.number("id"));
            case "run" -> new Run(readPlan(m.object("plan")));
            case "reset" -> readReset(m);
            case "count" -> new Count(m.constant("mode", Step.CounterMode.class, "value"));
            case "exit" -> new Exit();
            default -> throw new BadMessage("unknown command type '" + m.text("type") + "'");
        };
        m.done();
        return command;
    }

    static Event readEvent(String line) throws IOException {
        StrictFields<BadMessage> m = MessageFields.parse(JSON, line);
        Event event = switch (m.text("type")) {
            case "ready" -> new Ready(m.number("pid"), m.number("time"), m.number("warmupNanos"));
            case "pong" -> new Pong(m.number("id"), m.number("time"));
            case "began" -> new Began(m.integer("task"), m.constant("state", State.class, "value"), m.text("label"), m.number("time"));
            case "ended" -> new Ended(m.integer("task"), m.constant("state", State.class, "value"), m.number("start"), m.number("end"),
                    m.text("label"), m.textOrNull("error"));
            case "outcome" -> new Outcome(m.integer("task"), m.bool("ok"), m.textOrNull("result"), m.textOrNull("error"));
            case "counted" -> new Counted(m.constant("mode", Step.CounterMode.class, "value"), m.number("value"));
            default -> throw new BadMessage("unknown event type '" + m.text("type") + "'");
        };
        m.done();
        return event;
    }

    private static Reset readReset(StrictFields<BadMessage> m) throws IOException {
        boolean http = m.bool("http");
        int connect = (m.has("connectTimeoutMs") ? m.integer("connectTimeoutMs") : RunParams.DEFAULT_CONNECT_TIMEOUT_MS);
        int read = (m.has("readTimeoutMs") ? m.integer("readTimeoutMs") : RunParams.DEFAULT_READ_TIMEOUT_MS);
        int deadline = (m.has("deadlineMs") ? m.integer("deadlineMs") : RunParams.DEFAULT_DEADLINE_MS);
        try {
            return new Reset(http, connect, read, deadline);
        } catch (IllegalArgumentException e) {
            throw new BadMessage("the reset is invalid: " + e.getMessage());
        }
    }

    private static TaskPlan readPlan(StrictFields<BadMessage> m) throws IOException {
        List<Step> steps = new ArrayList<>();
        for (Object item : m.array("steps")) {
            if (!(item instanceof Map<?, ?> map)) throw new BadMessage("a step is not an object");
            StrictFields<BadMessage> s = MessageFields.of(map);
            try {
                steps.add(switch (s.text("step")) {
                    case "fetch" -> new Step.Fetch(new URI(s.text("uri")));
                    case "parse" -> new Step.Parse(s.integer("rounds"));
                    case "compute" -> new Step.Compute(s.constant("kind", Step.ComputeKind.class, "value"), s.number("n"));
                    case "sleep" -> new Step.Sleep(s.number("millis"));
                    case "crunch" -> new Step.Crunch(s.number("millis"));
                    case "increment" -> new Step.Increment(s.integer("times"), s.constant("mode", Step.CounterMode.class, "value"));
                    default -> throw new BadMessage("unknown step '" + s.text("step") + "'");
                });
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw new BadMessage("a step is invalid: " + e.getMessage());
            }
            s.done();
        }
        try {
            TaskPlan plan = new TaskPlan(m.integer("id"), m.text("name"), steps);
            m.done();
            return plan;
        } catch (IllegalArgumentException e) {
            throw new BadMessage("the plan is invalid: " + e.getMessage());
        }
    }
}
