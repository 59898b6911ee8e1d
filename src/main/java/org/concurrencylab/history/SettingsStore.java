package org.concurrencylab.history;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.RunParams;
import org.concurrencylab.core.run.SettingValues;
import org.concurrencylab.core.run.WorkloadKind;
import org.concurrencylab.export.Exports;
import org.concurrencylab.export.ParamJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/// Keeps [Settings] in a JSON file (by default `settings.json` in the lab's [AppHome]): one
/// object with the workload, the model, the look, the Python interpreter, and every run parameter by its setting key, as
/// the [table][RunParams] names them.
///
/// Saving is atomic (a temporary file, then a rename). Loading never fails: no file gives the
/// defaults; a file that is not JSON gives the defaults and says so; a value that is missing or
/// cannot run (out of the table's range) takes its default and the others are kept.
///
/// Thread-safety: thread-safe.
public final class SettingsStore {
    public static final int FORMAT = 1;
    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final TypeReference<LinkedHashMap<String, JsonNode>> FIELDS = new TypeReference<>() {};

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
        Map<String, JsonNode> fields;
        try {
            fields = MAPPER.readValue(file.toFile(), FIELDS);
            if (fields == null) throw new IOException("not a JSON object");
        } catch (IOException e) {
            return new Loaded(d, List.of("The settings in " + file + " could not be read (" + Exports.oneLine(e.getMessage())
                    + "); using the defaults"));
        }
        List<String> problems = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        for (String key : RunParams.settingKeys()) {
            JsonNode node = fields.get(key);
            if (node == null || node.isNull()) continue;
            SettingValues.Keyed keyed = SettingValues.keyed(key).orElseThrow();
            try {
                values.put(key, SettingValues.check(key, ParamJson.fromJson(keyed.param(), node)));
            } catch (IllegalArgumentException e) {
                problems.add("settings: " + key + " = " + node + " cannot run (" + e.getMessage() + "); using the default");
            }
        }
        Settings read = new Settings(
                choice(fields, "workload", d.workload(), WorkloadKind::byId, problems),
                choice(fields, "model", d.model(), ModelKind::byId, problems),
                new SettingValues(values),
                bool(fields, "dark", d.dark(), problems),
                bool(fields, "colorBlind", d.colorBlind(), problems),
                text(fields, "python", problems));
        return new Loaded(read, problems);
    }

    /// Writes `settings` atomically; makes the folder if needed.
    public synchronized void save(Settings s) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("workload", s.workload().id());
        root.put("model", s.model().id());
        s.values().values().forEach((key, value) ->
                root.set(key, ParamJson.toJson(SettingValues.keyed(key).orElseThrow().param(), value)));
        root.put("dark", s.dark());
        root.put("colorBlind", s.colorBlind());
        if (!s.python().isEmpty()) root.put("python", s.python());
        Files.createDirectories(file.getParent());
        Exports.writeAtomically(file, out -> MAPPER.writeValue(out, root));
    }

    private static String text(Map<String, JsonNode> fields, String field, List<String> problems) {
        JsonNode n = fields.get(field);
        if (n == null || n.isNull()) return "";
        if (n.isTextual()) return n.asText();
        problems.add("settings: " + field + " = " + n + " is not a path; using python3 on the PATH");
        return "";
    }

    private static boolean bool(Map<String, JsonNode> fields, String field, boolean fallback, List<String> problems) {
        JsonNode n = fields.get(field);
        if (n == null || n.isNull()) return fallback;
        if (n.isBoolean()) return n.asBoolean();
        problems.add("settings: " + field + " = " + n + " is not true or false; using " + fallback);
        return fallback;
    }

    private static <E> E choice(Map<String, JsonNode> fields, String field, E fallback, Function<String, Optional<E>> byId,
                                List<String> problems) {
        JsonNode n = fields.get(field);
        if (n == null || n.isNull()) return fallback;
        Optional<E> value = n.isTextual() ? byId.apply(n.asText()) : Optional.empty();
        if (value.isPresent()) return value.get();
        problems.add("settings: unknown " + field + " " + n + "; using the default");
        return fallback;
    }
}
