package org.concurrencylab.export;


import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.model.TaskOutcome;
import org.concurrencylab.core.run.CounterResult;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.RunStats;
import org.concurrencylab.core.run.SystemSample;
import org.concurrencylab.core.run.WorkloadKind;
import org.concurrencylab.core.trace.Lane;
import org.concurrencylab.core.trace.Segment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/// The run file: a whole [RunResult] as JSON (spec, wallNanos, tasks, errors, lanes, segments
/// with times in ns from the run's start, outcomes, stats), readable back. What is read is
/// checked ([RunFileCheck]) before it is handed on: a run read from a file is one the lab could
/// have made.
///
/// Thread-safety: thread-safe (the mapper is immutable once built).
public final class RunJson {
    /// Bumped when the layout of the file changes incompatibly.
    public static final int FORMAT = 1;

    /// Shared with the other JSON exports, so a run spec reads the same in each.
    static final JsonMapper MAPPER = JsonMapper.builder()
            .addModule(new SimpleModule("concurrency-lab")
                    .addSerializer(ModelKind.class, idSerializer(ModelKind::id))
                    .addDeserializer(ModelKind.class, idDeserializer(ModelKind.class, s -> ModelKind.byId(s).orElse(null)))
                    .addSerializer(WorkloadKind.class, idSerializer(WorkloadKind::id))
                    .addDeserializer(WorkloadKind.class, idDeserializer(WorkloadKind.class, s -> WorkloadKind.byId(s).orElse(null)))
                    .addSerializer(RunSpec.class, new JsonSerializer<>() {
                        @Override
                        public void serialize(RunSpec spec, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                            gen.writeTree(ParamJson.specToJson(spec));
                        }
                    })
                    .addDeserializer(RunSpec.class, new JsonDeserializer<>() {
                        @Override
                        public RunSpec deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                            JsonNode node = p.readValueAsTree();
                            try {
                                return ParamJson.specFromJson(node);
                            } catch (IllegalArgumentException e) {
                                return ctxt.reportInputMismatch(RunSpec.class, "the run spec: %s", e.getMessage());
                            }
                        }
                    }))
            .enable(SerializationFeature.INDENT_OUTPUT)
            // the same run always gives the same file (the stats' per-state map has no fixed order)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private RunJson() {}

    /// The file's top level: the format number, then the run.
    record RunFile(int format, String app, RunResult run) {}

    public static String toJson(RunResult result) {
        try {
            return MAPPER.writeValueAsString(flatten(result));
        } catch (IOException e) {
            throw new IllegalStateException("a run result could not be written as JSON", e);
        }
    }

    /// Writes `result` to `file` atomically: a crash mid-write never leaves a broken file.
    public static void write(RunResult result, Path file) throws IOException {
        Exports.writeAtomically(file, out -> MAPPER.writeValue(out, flatten(result)));
    }

    /// Reads the run file `file`; throws an [IOException] whose message is one line that names
    /// the file and says what is wrong with it ([RunFileCheck]), never a parser's internals.
    public static RunResult read(Path file) throws IOException {
        try {
            return checked(MAPPER.readValue(file.toFile(), Flat.class));
        } catch (IOException e) {
            throw new IOException("cannot read the run file " + file + ": " + reason(e), e);
        }
    }

    /// Reads a run from the text of a run file; the same checks as [#read].
    public static RunResult fromJson(String json) throws IOException {
        try {
            return checked(MAPPER.readValue(json, Flat.class));
        } catch (IOException e) {
            throw new IOException(reason(e), e);
        }
    }

    private static RunResult checked(Flat flat) throws IOException {
        if (flat == null) throw new IOException("not a Concurrency Lab run file (it holds null)");
        String problem = RunFileCheck.problem(flat);
        if (problem != null) throw new IOException(problem);
        return flat.toResult();
    }

    /// What `e` says is wrong, in one line: where in the file (`segments[3].lane`) and what.
    private static String reason(IOException e) {
        if (!(e instanceof JacksonException j)) return Exports.oneLine(e.getMessage());
        if (e instanceof MismatchedInputException m && m.getTargetType() == Flat.class && m.getPath().isEmpty()) {
            return "not a Concurrency Lab run file (" + (m.getOriginalMessage().contains("end-of-input") ? "it is empty"
                    : "it is not a JSON object") + ")";
        }
        String what = j.getOriginalMessage();
        if (e instanceof ValueInstantiationException v && v.getCause() != null && v.getCause().getMessage() != null) {
            what = v.getCause().getMessage();
        } else if (e instanceof InvalidFormatException f) {
            what = "'" + f.getValue() + "' is not " + (f.getTargetType().isEnum()
                    ? "one of " + Arrays.toString(f.getTargetType().getEnumConstants()) : "a " + f.getTargetType().getSimpleName());
        }
        what = ParserWords.plain(Exports.oneLine(what));
        String where = e instanceof JsonMappingException m ? where(m) : "";
        return where.isEmpty() ? what : where + ": " + what;
    }

    /// The place of a mapping problem, "segments[3].lane"; "" at the top and in the spec, whose
    /// own messages name the parameter.
    private static String where(JsonMappingException e) {
        List<JsonMappingException.Reference> path = e.getPath();
        if (path.isEmpty() || "spec".equals(path.getFirst().getFieldName())) return "";
        StringBuilder at = new StringBuilder();
        for (JsonMappingException.Reference r : path) {
            if (r.getFieldName() != null) at.append(at.isEmpty() ? "" : ".").append(r.getFieldName());
            else if (r.getIndex() >= 0) at.append('[').append(r.getIndex()).append(']');
        }
        return at.toString();
    }

    private static Flat flatten(RunResult r) {
        return new Flat(FORMAT, r.spec(), r.wallNanos(), r.tasks(), r.errors(), r.cancelled(), r.lanes(),
                r.segments(), r.outcomes(), r.stats(), r.carriers(), r.counter(), r.samples(), r.runtime());
    }

    /// The JSON layout: the run's fields at the top level, as the command line documents them.
    record Flat(int format, RunSpec spec, long wallNanos, int tasks, int errors, boolean cancelled, List<Lane> lanes,
                List<Segment> segments, List<TaskOutcome> outcomes, RunStats stats, int carriers, CounterResult counter,
                List<SystemSample> samples, @JsonInclude(JsonInclude.Include.NON_EMPTY) String runtime) {
        /// The run; call it once [RunFileCheck] found nothing wrong.
        RunResult toResult() {
            return new RunResult(spec, wallNanos, tasks, errors, cancelled, lanes, segments,
                    outcomes == null ? List.of() : outcomes, stats, carriers, counter, samples, runtime);
        }
    }

    private static <E extends Enum<E>> JsonSerializer<E> idSerializer(Function<E, String> id) {
        return new JsonSerializer<>() {
            @Override
            public void serialize(E value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(id.apply(value));
            }
        };
    }

    private static <E extends Enum<E>> JsonDeserializer<E> idDeserializer(Class<E> type, Function<String, E> byId) {
        return new JsonDeserializer<>() {
            @Override
            public E deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                String text = p.getValueAsString();
                E value = byId.apply(text);
                if (value == null) {
                    return ctxt.reportInputMismatch(type, "unknown %s '%s' (known: %s)", type.getSimpleName(), text,
                            Arrays.toString(type.getEnumConstants()));
                }
                return value;
            }
        };
    }
}
