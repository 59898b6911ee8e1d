package org.concurrencylab.racelab;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/// Reads a level file: JSON, bound by Jackson to the records below, then checked field by field
/// so that a mistake gives one clear sentence naming the file and the place. The format:
///
/// ```json
/// {
///   "id": "lost-update",                      // the file's name without .json
///   "title": "One update lost",
///   "intro": "Two or three sentences.",
///   "rules": "threads",                       // or "event-loop"
///   "language": "java",                       // or "python": the language of the lines
///   "shared": {"counter": 0},                 // shared variables and their starting values
///   "expect": {"counter": 2},                 // optional: what they end at when no update is lost
///   "invariants": ["balance >= 0"],           // optional: checked after every step
///   "toggles": [{"id": "await", "label": "await between the read and the write", "on": false}],
///   "programs": {
///     "increment": [                          // a program: its source lines, in order
///       {"line": "counter = counter + 1", "toggle": "await", "steps": [
///         {"label": "top", "do": "load r <- counter", "jvm": ["getfield counter"], "python": ["LOAD_GLOBAL counter"]}
///       ]}
///     ]
///   },
///   "threads": [{"name": "thread 1", "program": "increment"}, {"name": "thread 2", "program": "increment"}],
///   "goal": {"text": "Lose an update.", "reach": ["finished", "lostUpdates >= 1"]},
///   "always": ["finished"],                   // optional: what every interleaving ends with
///   "solution": {"toggles": [], "steps": [1, 2, 1, 1, 2, 2]}  // thread numbers, 1 for the first
/// }
/// ```
///
/// A line's `toggle` and `steps`, a step's `label`, `jvm` and `python` are optional. Steps are
/// written as [Assembly] reads them; a jump names a label, or `end`.
///
/// Thread-safety: stateless; the mapper is thread-safe.
final class LevelReader {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
    private static final Set<String> LANGUAGES = Set.of("java", "python");
    private static final int MIN_THREADS = 2;
    /// Beyond this many toggles only the default and all-on programs are checked when reading.
    private static final int CHECKED_TOGGLES = 4;

    record LevelFile(String id, String title, String intro, String rules, String language, LinkedHashMap<String, Integer> shared,
                     LinkedHashMap<String, Integer> expect, List<String> invariants, List<ToggleFile> toggles,
                     LinkedHashMap<String, List<LineFile>> programs, List<ThreadFile> threads, GoalFile goal,
                     List<String> always, SolutionFile solution) {}

    record ToggleFile(String id, String label, Boolean on) {}

    record LineFile(String line, String toggle, List<StepFile> steps) {}

    record StepFile(String label, @JsonProperty("do") String does, List<String> jvm, List<String> python) {}

    record ThreadFile(String name, String program) {}

    record GoalFile(String text, List<String> reach) {}

    record SolutionFile(List<String> toggles, List<Integer> steps) {}

    private LevelReader() {}

    /// Reads the level file called `file` (its name, for messages and the id check) from `in`.
    ///
    /// @throws LevelFormatException naming the file and its problem
    static Level read(String file, InputStream in) throws LevelFormatException {
        byte[] bytes;
        try {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new LevelFormatException(file, "cannot be read: " + e.getMessage());
        }
        if (new String(bytes, StandardCharsets.UTF_8).isBlank()) throw new LevelFormatException(file, "is empty");
        LevelFile level;
        try {
            level = MAPPER.readValue(bytes, LevelFile.class);
        } catch (UnrecognizedPropertyException e) {
            String parent = at(e.getPath().subList(0, e.getPath().size() - 1));
            throw new LevelFormatException(file, "unknown field \"" + e.getPropertyName() + "\"" + parent + " (the fields there: " + e.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", ")) + ")");
        } catch (JacksonException e) {
            throw new LevelFormatException(file, "not a level file" + (e instanceof JsonMappingException m ? at(m.getPath()) : "")
                    + where(e) + ": " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new LevelFormatException(file, "cannot be read: " + e.getMessage());
        }
        if (level == null) throw new LevelFormatException(file, "is empty");
        try {
            return new Checker(file, level).level();
        } catch (IllegalArgumentException e) {
            throw new LevelFormatException(file, e.getMessage());
        }
    }

    private static String at(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : references) {
            if (ref.getFieldName() != null) path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            else if (ref.getIndex() >= 0) path.append('[').append(ref.getIndex()).append(']');
        }
        return path.isEmpty() ? "" : " at " + path;
    }

    private static String where(JacksonException e) {
        JsonLocation location = e.getLocation();
        return location == null || location.getLineNr() < 0 ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static String firstLine(String message) {
        if (message == null) return "unreadable";
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    /// Checks a bound file and builds the level; every problem is an IllegalArgumentException
    /// whose message says where.
    private record Checker(String file, LevelFile f) {

        Level level() {
            String id = required(f.id(), "id");
            String expectedId = file.replaceFirst("^.*/", "").replaceFirst("\\.json$", "");
            if (!id.equals(expectedId)) {
                throw new IllegalArgumentException("its id is \"" + id + "\" but the file is called " + expectedId
                        + ".json: a level's id is its file's name");
            }
            Rules rules = Rules.byId(required(f.rules(), "rules")).orElseThrow(() -> new IllegalArgumentException(
                    "rules must be \"threads\" or \"event-loop\", not \"" + f.rules() + "\""));
            String language = required(f.language(), "language");
            if (!LANGUAGES.contains(language)) throw new IllegalArgumentException("language must be java or python, not \"" + language + "\"");
            Map<String, Integer> shared = values(f.shared(), "shared");
            if (shared.isEmpty()) throw new IllegalArgumentException("\"shared\" names no variable");
            Map<String, Integer> expected = f.expect() == null ? Map.of() : values(f.expect(), "expect");
            List<Condition.Measure> invariants = new ArrayList<>();
            for (String text : list(f.invariants())) {
                if (!(condition(text, "invariants") instanceof Condition.Measure measure)) {
                    throw new IllegalArgumentException("invariant \"" + text + "\" must compare a measure with a number");
                }
                invariants.add(measure);
            }
            List<Toggle> toggles = toggles();
            Map<String, Program> programs = programs(toggles);
            List<ThreadSpec> threads = threads(programs);
            Goal goal = goal();
            List<Condition> always = list(f.always()).stream().map(c -> condition(c, "always")).toList();
            Solution solution = solution(toggles, threads.size());
            Level level = new Level(id, required(f.title(), "title"), required(f.intro(), "intro"), rules, language, shared,
                    expected, invariants, toggles, threads, goal, always, solution);
            for (Set<String> on : combinations(toggles)) level.machine(on);
            return level;
        }

        private List<Toggle> toggles() {
            List<Toggle> toggles = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (ToggleFile t : list(f.toggles())) {
                String id = required(t.id(), "a toggle", "id");
                if (!ids.add(id)) throw new IllegalArgumentException("two toggles are called " + id);
                toggles.add(new Toggle(id, required(t.label(), "toggle " + id, "label"), Boolean.TRUE.equals(t.on())));
            }
            return toggles;
        }

        private Map<String, Program> programs(List<Toggle> toggles) {
            if (f.programs() == null || f.programs().isEmpty()) throw new IllegalArgumentException("\"programs\" is missing");
            Set<String> toggleIds = toggles.stream().map(Toggle::id).collect(Collectors.toSet());
            Set<String> used = new HashSet<>();
            Map<String, Program> programs = new LinkedHashMap<>();
            for (Map.Entry<String, List<LineFile>> entry : f.programs().entrySet()) {
                Program program = program(entry.getKey(), list(entry.getValue()), toggleIds);
                used.addAll(program.toggles());
                programs.put(entry.getKey(), program);
            }
            for (String toggle : toggleIds) {
                if (!used.contains(toggle)) throw new IllegalArgumentException("toggle " + toggle + " is on no line of any program");
            }
            return programs;
        }

        private Program program(String name, List<LineFile> lines, Set<String> toggleIds) {
            String where = "program " + name;
            if (lines.isEmpty()) throw new IllegalArgumentException(where + " has no line");
            Map<String, Integer> labels = new HashMap<>();
            int index = 0;
            for (int i = 0; i < lines.size(); i++) {
                for (StepFile step : list(lines.get(i).steps())) {
                    if (step.label() != null) {
                        if (step.label().equals(Assembly.END)) {
                            throw new IllegalArgumentException(where + ": \"end\" is the label past the last step; call this one otherwise");
                        }
                        if (labels.put(step.label(), index) != null) {
                            throw new IllegalArgumentException(where + ": two steps are labelled " + step.label());
                        }
                    }
                    index++;
                }
            }
            labels.put(Assembly.END, index);
            List<Line> source = new ArrayList<>();
            List<Instruction> instructions = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                LineFile line = lines.get(i);
                String at = where + ", line " + (i + 1);
                String text = required(line.line(), at, "line");
                at += " (\"" + text + "\")";
                if (line.toggle() != null && !toggleIds.contains(line.toggle())) {
                    throw new IllegalArgumentException(at + ": toggle " + line.toggle() + " is not one of the level's toggles");
                }
                source.add(new Line(text, line.toggle()));
                List<StepFile> steps = list(line.steps());
                for (int s = 0; s < steps.size(); s++) {
                    StepFile step = steps.get(s);
                    String stepAt = at + ", step " + (s + 1);
                    String does = required(step.does(), stepAt, "do");
                    Op op;
                    try {
                        op = Assembly.parse(does, labels);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(stepAt + ": " + e.getMessage());
                    }
                    instructions.add(new Instruction(op, i, list(step.jvm()), list(step.python())));
                }
            }
            if (instructions.isEmpty()) throw new IllegalArgumentException(where + " has no step");
            return new Program(source, instructions);
        }

        private List<ThreadSpec> threads(Map<String, Program> programs) {
            List<ThreadFile> files = list(f.threads());
            if (files.size() < MIN_THREADS || files.size() > Machine.MAX_THREADS) {
                throw new IllegalArgumentException("a level has " + MIN_THREADS + " to " + Machine.MAX_THREADS + " threads, this one has "
                        + files.size());
            }
            List<ThreadSpec> threads = new ArrayList<>();
            Set<String> used = new HashSet<>();
            for (int i = 0; i < files.size(); i++) {
                ThreadFile t = files.get(i);
                String name = required(t.name(), "thread " + (i + 1), "name");
                String program = required(t.program(), name, "program");
                if (!programs.containsKey(program)) {
                    throw new IllegalArgumentException(name + " runs program " + program + ", which is not under \"programs\" (they are: "
                            + String.join(", ", programs.keySet()) + ")");
                }
                used.add(program);
                threads.add(new ThreadSpec(name, programs.get(program)));
            }
            for (String program : programs.keySet()) {
                if (!used.contains(program)) throw new IllegalArgumentException("no thread runs program " + program);
            }
            return threads;
        }

        private Goal goal() {
            if (f.goal() == null) throw new IllegalArgumentException("\"goal\" is missing");
            List<Condition> reach = list(f.goal().reach()).stream().map(c -> condition(c, "goal")).toList();
            if (reach.isEmpty()) throw new IllegalArgumentException("the goal has no condition to \"reach\"");
            return new Goal(required(f.goal().text(), "the goal", "text"), reach);
        }

        private Solution solution(List<Toggle> toggles, int threads) {
            if (f.solution() == null) throw new IllegalArgumentException("\"solution\" is missing");
            Set<String> on = new LinkedHashSet<>(list(f.solution().toggles()));
            for (String toggle : on) {
                if (toggles.stream().noneMatch(t -> t.id().equals(toggle))) {
                    throw new IllegalArgumentException("the solution turns on toggle " + toggle + ", which the level does not offer");
                }
            }
            List<Integer> schedule = new ArrayList<>();
            for (Integer step : list(f.solution().steps())) {
                if (step == null || step < 1 || step > threads) {
                    throw new IllegalArgumentException("the solution's steps are thread numbers from 1 to " + threads + ", not " + step);
                }
                schedule.add(step - 1);
            }
            return new Solution(on, schedule);
        }

        private static Condition condition(String text, String where) {
            try {
                return Condition.parse(Objects.requireNonNullElse(text, "null"));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage());
            }
        }

        private static Map<String, Integer> values(LinkedHashMap<String, Integer> values, String field) {
            if (values == null) throw new IllegalArgumentException("\"" + field + "\" is missing");
            for (Map.Entry<String, Integer> e : values.entrySet()) {
                if (e.getValue() == null) throw new IllegalArgumentException(field + ": " + e.getKey() + " has no value");
                if (!e.getKey().matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    throw new IllegalArgumentException(field + ": \"" + e.getKey() + "\" is not a name (letters, digits and _)");
                }
            }
            return values;
        }

        private static String required(String value, String field) {
            if (value == null || value.isBlank()) throw new IllegalArgumentException("\"" + field + "\" is missing");
            return value;
        }

        private static String required(String value, String where, String field) {
            if (value == null || value.isBlank()) throw new IllegalArgumentException(where + ": \"" + field + "\" is missing");
            return value;
        }

        private static <T> List<T> list(List<T> list) {
            return list == null ? List.of() : list;
        }

        /// The toggle settings to check the level under: every one, or for many toggles none and
        /// all.
        private static List<Set<String>> combinations(List<Toggle> toggles) {
            List<Set<String>> all = new ArrayList<>();
            if (toggles.size() > CHECKED_TOGGLES) {
                all.add(Set.of());
                all.add(toggles.stream().map(Toggle::id).collect(Collectors.toSet()));
                return all;
            }
            for (int mask = 0; mask < 1 << toggles.size(); mask++) {
                Set<String> on = new HashSet<>();
                for (int i = 0; i < toggles.size(); i++) if ((mask & 1 << i) != 0) on.add(toggles.get(i).id());
                all.add(on);
            }
            return all;
        }
    }
}
