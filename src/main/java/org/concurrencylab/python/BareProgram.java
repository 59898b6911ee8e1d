package org.concurrencylab.python;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/// One of the article's programs run as a learner runs it, `python3 threads_cpu.py`, with no
/// harness: the bench's baseline for what recording a CPython run costs. The program's own
/// timing line ("20 sums in 4.85 s") is its wall, the same span the harness reports as a run's.
///
/// Thread-safety: stateless.
public final class BareProgram {
    private static final Pattern TIMING = Pattern.compile("(\\d+) (?:sums|fibs) in (\\d+\\.\\d+) s");

    private BareProgram() {}

    /// Runs `program` with the inputs written in it (the lab's defaults) and returns its own
    /// timing, in seconds, of the `expectedTasks` sums or fibs; throws when it fails or prints no timing.
    public static double seconds(PythonInfo python, TwinProgram program, int expectedTasks, long timeoutSeconds)
            throws IOException, InterruptedException {
        if (program.workload() != TwinWorkload.CPU && program.workload() != TwinWorkload.FIB) {
            throw new IllegalArgumentException("only the sums and fibs print a timing the bench reads, not " + program.workload());
        }
        Path dir = Files.createTempDirectory("concurrencylab-bare-");
        Path file = Files.writeString(dir.resolve(program.fileName()), program.code());
        Path output = dir.resolve("output.txt");
        try {
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
                throw new IOException(program.fileName() + " summed " + m.group(1) + " numbers, not " + expectedTasks);
            }
            return Double.parseDouble(m.group(2));
        } finally {
            Files.deleteIfExists(output);
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }
}
