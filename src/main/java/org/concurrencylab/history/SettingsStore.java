package org.concurrencylab.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.WorkloadKind;
import org.concurrencylab.core.workload.Step;
import org.concurrencylab.export.Exports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/// Keeps [Settings] in a JSON file (by default `settings.json` in the lab's [AppHome]).
///
/// Saving is atomic (a temporary file, then a rename). Loading never fails: no file gives the
/// defaults; a file that is not JSON gives the defaults and says so; a field that is missing or
/// out of range takes its default and the others are kept.
///
/// Thread-safety: thread-safe.
public final class SettingsStore {
    public static final int FORMAT = 1;
    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final Path file;

    /// What [#load] found.
    ///
    /// @param settings the settings to use
    /// @param problems one line per thing that could not be read (empty when all was well)
    public record Loaded(Settings settings, List<String> problems) {
        public Loaded {
            problems = List.copyOf(problems);
        }
    }

    public SettingsStore(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    /// The store at the settings file of `home`.
    public static SettingsStore in(AppHome home) {
        return new SettingsStore(home.settings());
    }

    public Path file() {
        return file;
    }

    public synchronized Loaded load() {
        Settings d = Settings.defaults();
        if (!Files.exists(file)) return new Loaded(d, List.of());
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
            if (root == null || !root.isObject()) throw new IOException("not a JSON object");
        } catch (IOException e) {
            return new Loaded(d, List.of("The settings in " + file + " could not be read (" + Exports.oneLine(e.getMessage())
                    + "); using the defaults"));
        }
        List<String> problems = new ArrayList<>();
        Reader r = new Reader(root, problems);
        Settings read = new Settings(
                r.choice("workload", d.workload(), WorkloadKind::byId),
                r.choice("model", d.model(), ModelKind::byId),
                r.integer("workers", d.workers(), 1, org.concurrencylab.core.model.ThreadPoolModel.MAX_WORKERS),
                r.integer("processes", d.processes(), 1, org.concurrencylab.core.model.ThreadPoolModel.MAX_WORKERS),
                r.integer("downloadTasks", d.downloadTasks(), 1, 1_000_000),
                r.integer("cpuTasks", d.cpuTasks(), 1, org.concurrencylab.core.workload.SumOfSquares.MAX_COUNT),
                r.integer("raceTasks", d.raceTasks(), 1, 1_000_000),
                r.number("base", d.base(), 0, org.concurrencylab.core.workload.SumOfSquares.MAX_BASE),
                r.integer("latencyMs", d.latencyMs(), 0, org.concurrencylab.sites.SiteConfig.MAX_LATENCY_MS),
                r.text("urls", d.urls()),
                r.integer("maxConnections", d.maxConnections(), 1, org.concurrencylab.core.run.RunSpec.MAX_CONNECTIONS),
                r.bool("gil", d.gil()),
                r.integer("switchMs", d.switchMs(), 1, org.concurrencylab.core.run.RunSpec.MAX_SWITCH_MS),
                r.integer("increments", d.increments(), 1, org.concurrencylab.core.run.RunSpec.MAX_INCREMENTS),
                r.choice("counterMode", d.counterMode(), id -> Arrays.stream(Step.CounterMode.values())
                        .filter(m -> m.id().equalsIgnoreCase(id)).findFirst()),
                r.integer("cpuMs", d.cpuMs(), 1, org.concurrencylab.core.run.RunSpec.MAX_CPU_MS),
                r.integer("connectTimeoutMs", d.connectTimeoutMs(), 1, org.concurrencylab.core.run.RunSpec.MAX_TIMEOUT_MS),
                r.integer("readTimeoutMs", d.readTimeoutMs(), 1, org.concurrencylab.core.run.RunSpec.MAX_TIMEOUT_MS),
                r.bool("warmup", d.warmup()),
                r.bool("dark", d.dark()),
                r.bool("colorBlind", d.colorBlind()));
        return new Loaded(read, problems);
    }

    /// Writes `settings` atomically; makes the folder if needed.
    public synchronized void save(Settings s) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("workload", s.workload().id());
        root.put("model", s.model().id());
        root.put("workers", s.workers());
        root.put("processes", s.processes());
        root.put("downloadTasks", s.downloadTasks());
        root.put("cpuTasks", s.cpuTasks());
        root.put("raceTasks", s.raceTasks());
        root.put("base", s.base());
        root.put("latencyMs", s.latencyMs());
        root.put("urls", s.urls());
        root.put("maxConnections", s.maxConnections());
        root.put("gil", s.gil());
        root.put("switchMs", s.switchMs());
        root.put("increments", s.increments());
        root.put("counterMode", s.counterMode().id());
        root.put("cpuMs", s.cpuMs());
        root.put("connectTimeoutMs", s.connectTimeoutMs());
        root.put("readTimeoutMs", s.readTimeoutMs());
        root.put("warmup", s.warmup());
        root.put("dark", s.dark());
        root.put("colorBlind", s.colorBlind());
        Files.createDirectories(file.getParent());
        Path dir = Exports.checkWritable(file);
        Path tmp = Files.createTempFile(dir, ".settings-", ".tmp");
        try {
            MAPPER.writeValue(tmp.toFile(), root);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /// Reads fields one by one, each falling back to its default with a note.
    private record Reader(JsonNode root, List<String> problems) {
        int integer(String field, int fallback, long min, long max) {
            return (int) number(field, fallback, min, max);
        }

        long number(String field, long fallback, long min, long max) {
            JsonNode n = root.get(field);
            if (n == null || n.isNull()) return fallback;
            if (n.canConvertToLong() && n.isIntegralNumber() && n.asLong() >= min && n.asLong() <= max) return n.asLong();
            problems.add("settings: " + field + " = " + n + " is not a whole number from " + min + " to " + max + "; using " + fallback);
            return fallback;
        }

        boolean bool(String field, boolean fallback) {
            JsonNode n = root.get(field);
            if (n == null || n.isNull()) return fallback;
            if (n.isBoolean()) return n.asBoolean();
            problems.add("settings: " + field + " = " + n + " is not true or false; using " + fallback);
            return fallback;
        }

        String text(String field, String fallback) {
            JsonNode n = root.get(field);
            if (n == null || n.isNull()) return fallback;
            if (n.isTextual()) return n.asText();
            problems.add("settings: " + field + " = " + n + " is not text; using the default");
            return fallback;
        }

        <E> E choice(String field, E fallback, Function<String, Optional<E>> byId) {
            JsonNode n = root.get(field);
            if (n == null || n.isNull()) return fallback;
            Optional<E> value = n.isTextual() ? byId.apply(n.asText()) : Optional.empty();
            if (value.isPresent()) return value.get();
            problems.add("settings: unknown " + field + " " + n + "; using the default");
            return fallback;
        }
    }
}
