package org.concurrencylab.export;


import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.WorkloadKind;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Function;

/// The run file: a whole [RunResult] as JSON (spec, wallNanos, tasks, errors, lanes, segments
/// with times in ns from the run's start, outcomes, stats), readable back.
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

    public static RunResult read(Path file) throws IOException {
        try {
            return readFlat(MAPPER.readTree(file.toFile())).toResult();
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException("cannot read the run file " + file + ": " + Exports.oneLine(e.getOriginalMessage()), e);
        }
    }

    public static RunResult fromJson(String json) throws IOException {
        return readFlat(MAPPER.readTree(json)).toResult();
    }

    /// The run file's tree as a [Flat]; a spec parameter the file leaves out takes its default.
    private static Flat readFlat(JsonNode tree) throws IOException {
        return MAPPER.treeToValue(tree, Flat.class);
    }

    private static Flat flatten(RunResult r) {
        return new Flat(FORMAT, r.spec(), r.wallNanos(), r.tasks(), r.errors(), r.cancelled(), r.lanes(),
                r.segments(), r.outcomes(), r.stats(), r.carriers(), r.counter(), r.samples(), r.runtime());
    }

    /// The JSON layout: the run's fields at the top level, as the command line documents them.
    record Flat(int format, org.concurrencylab.core.run.RunSpec spec, long wallNanos, int tasks, int errors,
                boolean cancelled, java.util.List<org.concurrencylab.core.trace.Lane> lanes,
                java.util.List<org.concurrencylab.core.trace.Segment> segments,
                java.util.List<org.concurrencylab.core.model.TaskOutcome> outcomes,
                org.concurrencylab.core.run.RunStats stats, int carriers,
                org.concurrencylab.core.run.CounterResult counter,
                java.util.List<org.concurrencylab.core.run.SystemSample> samples,
                @JsonInclude(JsonInclude.Include.NON_EMPTY) String runtime) {
        RunResult toResult() throws IOException {
            if (format > FORMAT) throw new IOException("this run file is from a newer version (format " + format + ")");
            if (spec == null || lanes == null || segments == null || stats == null) {
                throw new IOException("not a Concurrency Lab run file (spec, lanes, segments or stats missing)");
            }
            return new RunResult(spec, wallNanos, tasks, errors, cancelled, lanes, segments,
                    outcomes == null ? java.util.List.of() : outcomes, stats, carriers, counter, samples, runtime);
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
