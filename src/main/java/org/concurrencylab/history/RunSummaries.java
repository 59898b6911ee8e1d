package org.concurrencylab.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.export.ParamJson;
import org.concurrencylab.export.RunJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/// What the history's list needs of a run (its spec, wall time and counts), kept beside the run
/// file in the hidden folder [#FOLDER], so that opening the window does not read every trace in
/// full: a class's history of 5,000-page runs holds hundreds of megabytes (measured: 112 runs,
/// 689 MB, about 4 s of a core read at each start, while the first run of the session ran).
///
/// A summary counts only while its run file has the size and modification time it had when the
/// summary was written, and only in the version of the lab that wrote it, for the same run-file
/// format: a file changed, copied in or damaged since, or a history opened by another version, is
/// read and checked in full, as every file was before, and summarized again. A summary that cannot be written or read is
/// not a problem: the run is then read in full.
///
/// Thread-safety: called under the history's lock; each run has its own file, so two processes
/// that share a history folder do not meet here.
final class RunSummaries {
    static final String FOLDER = ".summaries";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    /// The version of the lab that writes the summaries: another one reads the runs in full.
    private static final String WRITER = Optional.ofNullable(RunSummaries.class.getPackage().getImplementationVersion())
            .orElse("development build") + " / run format " + RunJson.FORMAT;

    private final Path dir;

    RunSummaries(Path historyFolder) {
        this.dir = historyFolder.resolve(FOLDER);
    }

    /// A run as the list shows it.
    record Summary(RunSpec spec, long wallNanos, int tasks, int errors, boolean cancelled) {}

    /// The summary of the run `id` stored in `runFile`, if one is kept and the file is unchanged since.
    Optional<Summary> read(Path runFile, String id) {
        Path file = dir.resolve(id + ".json");
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            JsonNode node = MAPPER.readTree(file.toFile());
            BasicFileAttributes run = Files.readAttributes(runFile, BasicFileAttributes.class);
            if (node == null || !WRITER.equals(node.path("writer").asText()) || node.path("size").asLong(-1) != run.size()
                    || node.path("modified").asLong(-1) != run.lastModifiedTime().to(TimeUnit.NANOSECONDS)) {
                return Optional.empty();
            }
            return Optional.of(new Summary(ParamJson.specFromJson(node.path("spec")), node.path("wallNanos").asLong(),
                    node.path("tasks").asInt(), node.path("errors").asInt(), node.path("cancelled").asBoolean()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /// Keeps the summary of `result`, which `runFile` holds as it is now.
    void write(Path runFile, String id, RunResult result) {
        Path file = dir.resolve(id + ".json");
        try {
            Files.createDirectories(dir);
            BasicFileAttributes run = Files.readAttributes(runFile, BasicFileAttributes.class);
            ObjectNode node = MAPPER.createObjectNode();
            node.put("writer", WRITER);
            node.put("size", run.size());
            node.put("modified", run.lastModifiedTime().to(TimeUnit.NANOSECONDS));
            node.set("spec", ParamJson.specToJson(result.spec()));
            node.put("wallNanos", result.wallNanos());
            node.put("tasks", result.tasks());
            node.put("errors", result.errors());
            node.put("cancelled", result.cancelled());
            Path tmp = Files.createTempFile(dir, ".summary-", ".tmp");
            try {
                MAPPER.writeValue(tmp.toFile(), node);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | RuntimeException e) {
            // not kept: the next start reads the run in full
        }
    }

    void remove(String id) {
        try {
            Files.deleteIfExists(dir.resolve(id + ".json"));
        } catch (IOException e) {
            // an orphan summary is never used: it matches no run file
        }
    }
}
