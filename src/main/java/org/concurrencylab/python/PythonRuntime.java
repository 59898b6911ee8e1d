package org.concurrencylab.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.concurrencylab.core.io.StderrTail;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/// Finds a Python interpreter and asks it, in one short probe process, what it is: its version
/// and implementation, whether its GIL is on, and whether `requests` and `aiohttp` import.
///
/// Never throws for a missing or broken interpreter: the answer is then a [Missing] with a
/// reason a user can act on.
public final class PythonRuntime {
    /// How long the probe may take; importing aiohttp cold takes a few hundred ms.
    public static final Duration PROBE_TIMEOUT = Duration.ofSeconds(20);
    /// The names looked for on the PATH, in order.
    static final List<String> NAMES = isWindows() ? List.of("python3.exe", "python.exe") : List.of("python3");

    static final String NOT_FOUND = "python3 was not found on the PATH; install Python 3." + PythonInfo.MIN_MINOR
            + "+ from python.org or your package manager, or set its path";

    private static final String PROBE = """
            import json, sys, sysconfig
            def imports(name):
                try:
                    __import__(name)
                    return True
                except Exception:
                    return False
            gil = sys._is_gil_enabled() if hasattr(sys, "_is_gil_enabled") else True
            print(json.dumps({"implementation": sys.implementation.name,
                              "version": "%d.%d.%d" % sys.version_info[:3],
                              "freeThreaded": bool(sysconfig.get_config_var("Py_GIL_DISABLED")),
                              "gil": bool(gil), "requests": imports("requests"), "aiohttp": imports("aiohttp")}))
            """;
    private static final ObjectMapper JSON = new ObjectMapper();

    private PythonRuntime() {}

    /// What a look for Python found.
    public sealed interface Lookup permits Found, Missing {
        /// Whether a usable interpreter was found.
        default boolean found() {
            return this instanceof Found;
        }
    }

    /// A usable interpreter.
    public record Found(PythonInfo info) implements Lookup {
        public Found {
            Objects.requireNonNull(info, "info");
        }
    }

    /// No usable interpreter, and why, in words for the user.
    public record Missing(String reason) implements Lookup {
        public Missing {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /// `python3` on the PATH.
    public static Lookup find() {
        return find(System.getenv("PATH"));
    }

    /// The interpreter at `executable` (a path, or a bare name looked up on the PATH).
    public static Lookup at(Path executable) {
        return at(executable, PROBE_TIMEOUT);
    }

    /// The interpreter at `executable`, given `timeout` to answer.
    public static Lookup at(Path executable, Duration timeout) {
        Objects.requireNonNull(executable, "executable");
        if (executable.getNameCount() == 1 && !executable.isAbsolute() && !Files.exists(executable)) {
            Path onPath = onPath(executable.toString(), System.getenv("PATH"));
            if (onPath == null) return new Missing(executable + " was not found on the PATH; install Python 3."
                    + PythonInfo.MIN_MINOR + "+ or set the full path of the interpreter");
            executable = onPath;
        }
        if (!Files.isRegularFile(executable)) return new Missing("there is no Python interpreter at " + executable);
        if (!Files.isExecutable(executable)) return new Missing(executable + " is not executable");
        return probe(executable, timeout);
    }

    static Lookup find(String path) {
        for (String name : NAMES) {
            Path found = onPath(name, path);
            if (found != null) return probe(found, PROBE_TIMEOUT);
        }
        return new Missing(NOT_FOUND);
    }

    /// The first executable `name` in the directories of `path`, or null.
    static Path onPath(String name, String path) {
        if (path == null || path.isBlank()) return null;
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) continue;
            try {
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) return candidate;
            } catch (InvalidPathException ignored) {
                // a PATH entry that is no path: skip it
            }
        }
        return null;
    }

    private static Lookup probe(Path executable, Duration timeout) {
        Process process;
        try {
            process = new ProcessBuilder(executable.toString(), "-c", PROBE).start();
        } catch (IOException e) {
            return new Missing(executable + " could not be started: " + e.getMessage());
        }
        try {
            process.getOutputStream().close();
            CompletableFuture<byte[]> out = drain(process.getInputStream());
            CompletableFuture<byte[]> err = drain(process.getErrorStream());
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                return new Missing(executable + " did not answer within " + seconds(timeout));
            }
            String stdout = text(out);
            String stderr = text(err);
            if (process.exitValue() != 0) {
                return new Missing(executable + " is not a working Python (exit code " + process.exitValue() + ")"
                        + (stderr.isBlank() ? "" : ": " + lastLine(stderr)));
            }
            return parse(executable, stdout);
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            return new Missing("the look for Python was interrupted");
        } catch (IOException | UncheckedIOException e) {
            kill(process);
            return new Missing(executable + " could not be asked what it is: " + e.getMessage());
        }
    }

    static Lookup parse(Path executable, String stdout) {
        JsonNode answer;
        try {
            answer = JSON.readTree(lastLine(stdout));
        } catch (IOException e) {
            answer = null;
        }
        if (answer == null || !answer.isObject() || !answer.path("version").isTextual()) {
            return new Missing(executable + " is not a Python 3 interpreter: it answered '"
                    + abbreviate(stdout) + "' to the probe");
        }
        PythonInfo info;
        try {
            info = new PythonInfo(executable, answer.path("implementation").asText("cpython"), answer.path("version").asText(),
                    answer.path("freeThreaded").asBoolean(false), answer.path("gil").asBoolean(true),
                    answer.path("requests").asBoolean(false), answer.path("aiohttp").asBoolean(false));
        } catch (IllegalArgumentException e) {
            return new Missing(executable + " gave an unreadable version: " + e.getMessage());
        }
        if (info.major() != 3 || info.minor() < PythonInfo.MIN_MINOR) {
            return new Missing(executable + " is Python " + info.version() + "; the twin programs need Python 3."
                    + PythonInfo.MIN_MINOR + " or newer");
        }
        return new Found(info);
    }

    private static CompletableFuture<byte[]> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buffer = new byte[4096];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    if (out.size() < 64 * 1024) out.write(buffer, 0, n);
                }
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, runnable -> Thread.ofPlatform().daemon(true).name("python-probe").start(runnable));
    }

    private static String text(CompletableFuture<byte[]> bytes) throws InterruptedException, IOException {
        try {
            return new String(bytes.get(5, TimeUnit.SECONDS), StandardCharsets.UTF_8);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("its output could not be read", e);
        }
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static String lastLine(String text) {
        List<String> lines = new ArrayList<>(text.strip().lines().toList());
        return lines.isEmpty() ? "" : lines.getLast().strip();
    }

    static String abbreviate(String text) {
        return StderrTail.oneLine(text);
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }
}
