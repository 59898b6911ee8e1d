package org.concurrencylab.python;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/// One of the article's programs run as a learner runs it, `python3 threads_cpu.py`, with no
/// harness: the bench's baseline for what recording a CPython run costs. The program's own
/// timing line ("20 sums in 4.85 s") is its wall, the same span the harness reports as a run's.
/// The program is written once, to a folder of its own, and run as often as asked.
///
/// Thread-safety: one run at a time.
public final class BareProgram implements AutoCloseable {
    private static final Pattern TIMING = Pattern.compile("(\\d+) (?:sums|fibs) in (\\d+\\.\\d+) s");

    private final PythonInfo python;
    private final TwinProgram program;
    private final Path dir;
    private final Path file;

    private BareProgram(PythonInfo python, TwinProgram program, Path dir, Path file) {
        this.python = python;
        this.program = program;
        this.dir = dir;
        this.file = file;
    }

    /// Writes `program`, as the Code tab shows it, to a new folder, ready to run.
    public static BareProgram write(PythonInfo python, TwinProgram program) throws IOException {
        if (program.workload() != TwinWorkload.CPU && program.workload() != TwinWorkload.FIB) {
            throw new IllegalArgumentException("only the sums and fibs print a timing the bench reads, not "
                    + program.workload());
        }
        Path dir = Files.createTempDirectory("concurrencylab-bare-");
        return new BareProgram(python, program, dir, Files.writeString(dir.resolve(program.fileName()), program.code()));
    }

    /// How many processes `multiprocessing.Pool()` makes in `python`: `os.cpu_count()`, which
    /// the process-pool programs leave to the pool; a recorded run compared with them uses as many.
    public static int poolSize(PythonInfo python) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(python.executable().toString(), "-c",
                "import os; print(os.cpu_count() or 1)").redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0 || !text.matches("\\d+")) {
            process.destroyForcibly();
            throw new IOException("could not ask " + python.summary() + " for its core count: " + text);
        }
        return Integer.parseInt(text);
    }

    /// Runs the program with the inputs written in it (the lab's defaults) and returns its own
    /// timing, in seconds, of the `expectedTasks` sums or fibs; throws when it fails, runs past
    /// `timeoutSeconds` or prints no timing.
    public double seconds(int expectedTasks, long timeoutSeconds) throws IOException, InterruptedException {
        Path output = dir.resolve("output.txt");
        Process process = new ProcessBuilder(python.executable().toString(), file.toString())
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new IOException(program.fileName() + " ran past " + timeoutSeconds + " s");
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        Matcher m = TIMING.matcher(text);
        if (process.exitValue() != 0 || !m.find()) {
            throw new IOException(program.fileName() + " exited with " + process.exitValue() + ": " + text.strip());
        }
        if (Integer.parseInt(m.group(1)) != expectedTasks) {
            throw new IOException(program.fileName() + " timed " + m.group(1) + " results, not " + expectedTasks);
        }
        return Double.parseDouble(m.group(2));
    }

    /// Deletes the program's folder; a file that cannot be deleted stays in the temporary folder,
    /// which does not change what was measured.
    @Override
    public void close() {
        List<Path> all;
        try (Stream<Path> walk = Files.walk(dir)) {
            all = walk.sorted(Comparator.reverseOrder()).toList();
        } catch (IOException e) {
            return;
        }
        for (Path p : all) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // left behind: see above
            }
        }
    }
}
