package org.concurrencylab.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.export.Exports;
import org.concurrencylab.export.RunJson;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/// Every run kept, one run file ([RunJson]: spec, result, full trace) per run in one folder
/// (by default `history` in the lab's [AppHome]).
///
/// - Files are written atomically (a temporary file, then a rename), so a crash or a kill in
///   the middle of a save leaves the old state, never a broken file.
/// - Ids are unique across processes: a save takes its id by creating the run's name file,
///   which fails if it exists (`CREATE_NEW`, atomic in the file system), so two windows or
///   commands saving into one folder at the same millisecond take two ids and never write over
///   each other's runs. The run file follows under the id taken; a name file without its run
///   (a save cut short) is never listed.
/// - Loading never fails because of one file: a damaged, cut-short or foreign file is skipped
///   and reported in one line; the others load.
/// - A run's name lives next to it in `<id>.meta.json` (`{name, savedAt}`), so renaming does not
///   rewrite the run.
/// - Deleting moves the run to the `trash` subfolder, from where [#restore] brings it back
///   (undo) until [#emptyTrash] (the window empties it when it starts).
///
/// Thread-safety: thread-safe (one lock per store); do the file work off the UI thread.
public final class RunHistory {
    public static final String TRASH = "trash";
    static final String RUN_SUFFIX = ".json";
    static final String META_SUFFIX = ".meta.json";
    public static final int MAX_NAME_LENGTH = 200;

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Path folder;
    private final Clock clock;

    /// What [#load] found.
    ///
    /// @param entries  the runs, newest first
    /// @param problems one line per file that was skipped or only partly read
    public record Loaded(List<HistoryEntry> entries, List<String> problems) {
        public Loaded {
            entries = List.copyOf(entries);
            problems = List.copyOf(problems);
        }
    }

    public RunHistory(Path folder) {
        this(folder, Clock.systemUTC());
    }

    /// A store in `folder` whose save times come from `clock`.
    private final RunSummaries summaries;

    public RunHistory(Path folder, Clock clock) {
        this.folder = folder.toAbsolutePath().normalize();
        this.clock = clock;
        this.summaries = new RunSummaries(this.folder);
    }

    /// The store in the history folder of `home`.
    public static RunHistory in(AppHome home) {
        return new RunHistory(home.history());
    }

    public Path folder() {
        return folder;
    }

    /// Keeps `result` under an id no other save takes, in this process or another; makes the
    /// folder if needed.
    public synchronized HistoryEntry save(RunResult result) throws IOException {
        return save(result, null);
    }

    /// Keeps `result` as one run of the series `series` (a comparison or a sweep, named with the
    /// time it started), or of none when null: the history lists a series' runs together.
    public synchronized HistoryEntry save(RunResult result, String series) throws IOException {
        Files.createDirectories(folder);
        Instant now = clock.instant();
        String id = takeId(now, result.spec(), series);
        try {
            RunJson.write(result, runFile(folder, id));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(metaFile(folder, id)); // the id goes back
            throw e;
        }
        summaries.write(runFile(folder, id), id, result);
        return HistoryEntry.of(id, null, now, result, series);
    }

    /// Reads every run in the folder (none if there is no folder yet).
    public synchronized Loaded load() {
        List<HistoryEntry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(folder)) return new Loaded(entries, problems);
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            return new Loaded(entries, List.of("Cannot list the history folder " + folder + ": " + Exports.oneLine(e.getMessage())));
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            // hidden files are temporary files of saves in progress (or cut short by a crash);
            // names are read with their run
            if (name.startsWith(".") || name.endsWith(META_SUFFIX)) continue;
            if (!name.endsWith(RUN_SUFFIX)) {
                problems.add("Skipped " + name + ": not a run file");
                continue;
            }
            String id = name.substring(0, name.length() - RUN_SUFFIX.length());
            RunSummaries.Summary summary = summaries.read(file, id).orElse(null);
            if (summary == null) {
                RunResult result;
                try {
                    result = RunJson.read(file);
                } catch (IOException | RuntimeException e) {
                    problems.add("Skipped " + name + ": " + reason(e, file));
                    continue;
                }
                summaries.write(file, id, result);
                summary = new RunSummaries.Summary(result.spec(), result.wallNanos(), result.tasks(), result.errors(),
                        result.cancelled());
            }
            Meta meta = readMeta(file, id, problems);
            entries.add(new HistoryEntry(id, meta.name(), meta.savedAt(), summary.spec(), summary.wallNanos(), summary.tasks(),
                    summary.errors(), summary.cancelled(), meta.series()));
        }
        entries.sort(Comparator.comparing(HistoryEntry::savedAt).thenComparing(HistoryEntry::id).reversed());
        return new Loaded(entries, problems);
    }

    /// The whole run of `entry`: spec, result and trace.
    public synchronized RunResult open(HistoryEntry entry) throws IOException {
        Path file = runFile(folder, entry.id());
        if (!Files.exists(file)) throw new NoSuchFileException(file.toString(), null, "the run is no longer in the history");
        return RunJson.read(file);
    }

    /// Gives `entry` the name `name` (blank: back to the experiment's name).
    public synchronized HistoryEntry rename(HistoryEntry entry, String name) throws IOException {
        String clean = name == null || name.isBlank() ? null : name.strip().replaceAll("\\s+", " ");
        if (clean != null && clean.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("a name has at most " + MAX_NAME_LENGTH + " characters");
        }
        if (!Files.exists(runFile(folder, entry.id()))) {
            throw new NoSuchFileException(entry.id(), null, "the run is no longer in the history");
        }
        writeMeta(metaFile(folder, entry.id()), clean, entry.savedAt(), entry.series());
        return entry.withName(clean);
    }

    /// Moves `entry` to the trash; [#restore] brings it back.
    public synchronized void delete(HistoryEntry entry) throws IOException {
        summaries.remove(entry.id());
        Path trash = folder.resolve(TRASH);
        Files.createDirectories(trash);
        Files.move(runFile(folder, entry.id()), runFile(trash, entry.id()), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        Path meta = metaFile(folder, entry.id());
        if (Files.exists(meta)) {
            Files.move(meta, metaFile(trash, entry.id()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /// Brings `entry` back from the trash (undoes [#delete]).
    public synchronized HistoryEntry restore(HistoryEntry entry) throws IOException {
        Path trash = folder.resolve(TRASH);
        Path run = runFile(trash, entry.id());
        if (!Files.exists(run)) throw new NoSuchFileException(run.toString(), null, "the run is no longer in the trash");
        Files.move(run, runFile(folder, entry.id()), StandardCopyOption.ATOMIC_MOVE);
        Path meta = metaFile(trash, entry.id());
        if (Files.exists(meta)) Files.move(meta, metaFile(folder, entry.id()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return entry;
    }

    /// Deletes everything in the trash for good; returns how many runs went.
    public synchronized int emptyTrash() throws IOException {
        Path trash = folder.resolve(TRASH);
        if (!Files.isDirectory(trash)) return 0;
        int runs = 0;
        try (Stream<Path> list = Files.list(trash)) {
            for (Path p : list.toList()) {
                String name = p.getFileName().toString();
                if (Files.isRegularFile(p) && Files.deleteIfExists(p) && name.endsWith(RUN_SUFFIX) && !name.endsWith(META_SUFFIX)) runs++;
            }
        }
        return runs;
    }

    /// Takes "20260301-140509-123-download-threads" (or "…-2", "…-3" if taken), unique in the
    /// folder and its trash, by creating its name file with the name unset and the save time.
    private String takeId(Instant now, RunSpec spec, String series) throws IOException {
        String base = ID_TIME.format(now) + "-" + spec.workload().id() + "-" + spec.model().id() + (spec.gil() ? "-gil" : "");
        Path trash = folder.resolve(TRASH);
        for (int n = 1; ; n++) {
            String id = n == 1 ? base : base + "-" + n;
            // a run of an earlier version may have no name file: its run file holds the id too
            if (Files.exists(runFile(folder, id)) || Files.exists(runFile(trash, id)) || Files.exists(metaFile(trash, id))) continue;
            try (OutputStream out = Files.newOutputStream(metaFile(folder, id), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                MAPPER.writeValue(out, metaNode(null, now, series));
                return id;
            } catch (FileAlreadyExistsException taken) {
                // another save, here or in another process, took it first
            }
        }
    }

    static Path runFile(Path dir, String id) {
        return dir.resolve(id + RUN_SUFFIX);
    }

    static Path metaFile(Path dir, String id) {
        return dir.resolve(id + META_SUFFIX);
    }

    private record Meta(String name, Instant savedAt, String series) {}

    /// The run's name, save time and series; a missing or damaged name file costs only the name
    /// and the series (the time then comes from the run file).
    private static Meta readMeta(Path runFile, String id, List<String> problems) {
        Path file = metaFile(runFile.getParent(), id);
        Instant fallback = lastModified(runFile);
        if (!Files.exists(file)) return new Meta(null, fallback, null);
        try {
            JsonNode node = MAPPER.readTree(file.toFile());
            if (node == null || !node.isObject()) throw new IOException("not a JSON object");
            String name = node.path("name").isTextual() ? node.path("name").asText() : null;
            Instant at = node.path("savedAt").isTextual() ? Instant.parse(node.path("savedAt").asText()) : fallback;
            String series = node.path("series").isTextual() ? node.path("series").asText() : null;
            return new Meta(name, at, series);
        } catch (IOException | DateTimeParseException e) {
            problems.add("Could not read the name of " + id + " (" + file.getFileName() + "): " + Exports.oneLine(e.getMessage())
                    + "; the run is listed without it");
            return new Meta(null, fallback, null);
        }
    }

    private static Instant lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    private static ObjectNode metaNode(String name, Instant savedAt, String series) {
        ObjectNode node = MAPPER.createObjectNode();
        if (name != null) node.put("name", name);
        else node.putNull("name");
        node.put("savedAt", savedAt.toString());
        if (series != null) node.put("series", series);
        return node;
    }

    private static void writeMeta(Path file, String name, Instant savedAt, String series) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), ".meta-", ".tmp");
        try {
            MAPPER.writeValue(tmp.toFile(), metaNode(name, savedAt, series));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /// Why a run file could not be read, in one line without its path (the line names the file).
    private static String reason(Exception e, Path file) {
        String message = Exports.oneLine(e.getMessage() == null ? e.toString() : e.getMessage());
        String prefix = "cannot read the run file " + file + ": ";
        if (message.startsWith(prefix)) message = message.substring(prefix.length());
        // the parser's note of where a structure began says nothing to a user
        return message.replaceAll("\\s*\\(start marker at \\[Source:[^\\]]*\\]\\)", "")
                .replaceAll("\\s*at \\[Source:[^\\]]*\\]", "").strip();
    }
}
