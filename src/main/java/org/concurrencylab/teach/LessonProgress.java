package org.concurrencylab.teach;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.OptionalInt;

/// Where the learner is in the lessons, what they predicted and what their runs measured, kept
/// in `lessons.json` in a folder of the user's (the app passes its settings folder).
///
/// Every change is saved at once, atomically (a temporary file, then a rename), so a crash
/// never leaves half a file. A file that cannot be read (damaged, or from an unknown format) is
/// set aside as `lessons-damaged.json` and the lessons start afresh; [#loadProblem] says so. A
/// save that fails keeps the progress in memory and says why in [#saveProblem].
///
/// Thread-safety: thread-safe (every method is synchronized).
public final class LessonProgress implements Results {
    public static final String FILE_NAME = "lessons.json";
    public static final String DAMAGED_NAME = "lessons-damaged.json";
    /// Bumped when the layout of the file changes incompatibly.
    public static final int FORMAT = 1;

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .addModule(new SimpleModule("concurrency-lab-lessons")
                    .addSerializer(Instant.class, new JsonSerializer<>() {
                        @Override
                        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                            gen.writeString(value.toString());
                        }
                    })
                    .addDeserializer(Instant.class, new JsonDeserializer<>() {
                        @Override
                        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                            try {
                                return Instant.parse(p.getValueAsString());
                            } catch (DateTimeParseException | NullPointerException e) {
                                return ctxt.reportInputMismatch(Instant.class, "not a time: " + p.getText());
                            }
                        }
                    }))
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /// The file's top level.
    record ProgressFile(int format, int lesson, int step, Map<String, StepProgress> steps) {}

    /// One step's prediction (null: none made) and recorded runs.
    record StepProgress(Integer prediction, List<RunRecord> runs) {
        StepProgress {
            runs = runs == null ? List.of() : List.copyOf(runs);
        }
    }

    /// Where the learner is: lesson number (1-based) and step index (0-based) within it.
    public record Position(int lesson, int step) {
        public static final Position START = new Position(1, 0);
    }

    private final Path file;
    private final Executor saver;
    private final Map<String, StepProgress> steps = new LinkedHashMap<>();
    private Position position = Position.START;
    private String loadProblem;
    private String saveProblem;

    private LessonProgress(Path file, Executor saver) {
        this.file = file;
        this.saver = saver;
    }

    /// Reads the progress kept in `folder` (none yet if there is no file), saving each change
    /// before the changing call returns. Never throws for a bad file: see [#loadProblem].
    public static LessonProgress open(Path folder) {
        return open(folder, Runnable::run);
    }

    /// The same, with the saves done on `saver` (a window's I/O thread), in the order of the
    /// changes: a change is in memory at once, on disk soon after.
    public static LessonProgress open(Path folder, Executor saver) {
        Objects.requireNonNull(folder, "folder");
        LessonProgress progress = new LessonProgress(folder.resolve(FILE_NAME), Objects.requireNonNull(saver, "saver"));
        progress.load();
        return progress;
    }

    /// The file the progress is kept in.
    public Path file() {
        return file;
    }

    /// Why the file could not be read when opened (the lessons then started afresh); empty if it was fine.
    public synchronized Optional<String> loadProblem() {
        return Optional.ofNullable(loadProblem);
    }

    /// Why the latest change could not be saved; empty once a save works.
    public synchronized Optional<String> saveProblem() {
        return Optional.ofNullable(saveProblem);
    }

    @Override
    public synchronized List<RunRecord> runs(String stepId) {
        StepProgress s = steps.get(stepId);
        return s == null ? List.of() : s.runs();
    }

    /// The choice the learner predicted for `stepId`'s question, if they made one.
    public synchronized OptionalInt prediction(String stepId) {
        StepProgress s = steps.get(stepId);
        return s == null || s.prediction() == null ? OptionalInt.empty() : OptionalInt.of(s.prediction());
    }

    /// Keeps the learner's prediction for `stepId` (replacing an earlier one) and saves.
    public synchronized void predict(String stepId, int choice) {
        if (choice < 0) throw new IllegalArgumentException("choice must be >= 0: " + choice);
        steps.put(stepId, new StepProgress(choice, runs(stepId)));
        save();
    }

    /// Keeps the runs measured for `stepId` (replacing earlier ones) and saves.
    public synchronized void record(String stepId, List<RunRecord> runs) {
        StepProgress s = steps.get(stepId);
        steps.put(stepId, new StepProgress(s == null ? null : s.prediction(), runs));
        save();
    }

    public synchronized Position position() {
        return position;
    }

    /// Remembers where the learner is and saves.
    public synchronized void moveTo(Position where) {
        position = Objects.requireNonNull(where, "where");
        save();
    }

    /// Forgets every prediction and run and goes back to the first lesson.
    public synchronized void reset() {
        steps.clear();
        position = Position.START;
        save();
    }

    private void load() {
        if (!Files.exists(file)) return;
        ProgressFile read;
        try {
            read = MAPPER.readValue(file.toFile(), ProgressFile.class);
        } catch (NoSuchFileException gone) {
            return;
        } catch (IOException | RuntimeException e) {
            setAside("it could not be read (" + reason(e) + ")");
            return;
        }
        if (read == null || read.format() != FORMAT) {
            setAside(read == null ? "it is empty" : "it has format " + read.format() + ", not " + FORMAT);
            return;
        }
        if (read.steps() != null) {
            read.steps().forEach((id, s) -> {
                if (id != null && s != null) steps.put(id, s);
            });
        }
        position = read.lesson() >= 1 && read.step() >= 0 ? new Position(read.lesson(), read.step()) : Position.START;
    }

    /// Moves an unreadable file out of the way, so the next save does not destroy it.
    private void setAside(String why) {
        Path damaged = file.resolveSibling(DAMAGED_NAME);
        String kept;
        try {
            Files.move(file, damaged, StandardCopyOption.REPLACE_EXISTING);
            kept = "it was kept as " + damaged;
        } catch (IOException e) {
            kept = "it could not be set aside: " + reason(e);
        }
        loadProblem = "Your lesson progress in " + file + " was lost: " + why + "; the lessons start afresh and " + kept + ".";
    }

    /// Saves what the progress is now: a snapshot taken here, written on the saver.
    private void save() {
        ProgressFile out = new ProgressFile(FORMAT, position.lesson(), position.step(), new LinkedHashMap<>(steps));
        saver.execute(() -> write(out));
    }

    private void write(ProgressFile out) {
        String problem = null;
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".lessons-", ".json.tmp");
            try {
                MAPPER.writeValue(tmp.toFile(), out);
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | RuntimeException e) {
            problem = "Your lesson progress could not be saved to " + file + ": " + reason(e);
        }
        synchronized (this) {
            saveProblem = problem;
        }
    }

    private static String reason(Exception e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) return e.getClass().getSimpleName();
        // Jackson appends the source location on further lines; the first line says what is wrong
        return message.strip().lines().findFirst().orElse(message);
    }
}
