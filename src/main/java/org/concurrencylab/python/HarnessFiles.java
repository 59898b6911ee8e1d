package org.concurrencylab.python;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.concurrencylab.core.model.ModelKind;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/// The files of one twin run, in a directory of their own: the harness, the program exactly as
/// the Code tab shows it (under its own name, so its tracebacks name it), its standard-library
/// variant when it has one, and the run's config for the harness. Deleted on [#close].
///
/// Thread-safety: not thread-safe; made and closed by one run.
final class HarnessFiles implements AutoCloseable {
    /// Where the harness is on the class path.
    static final String HARNESS = "/org/concurrencylab/python/harness.py";
    /// The package beside it, with the harness's parts, by module.
    static final String PACKAGE = "concurrencylab_harness";
    static final List<String> MODULES = List.of("__init__", "common", "check", "tracer", "tasks", "instrument",
            "sampler", "relay");
    /// The drawing's sampling period, for the GIL (see the harness's `Sampler`): a fifth of its
    /// 5 ms switch interval, where several threads of one process take turns at it.
    static final double SAMPLE_MS = 1.0;
    /// The period where each process computes on one thread (the synchronous loop, the event
    /// loop, a pool's processes), which waits for no GIL: only its waits for a core are drawn,
    /// whose lengths the kernel gives whatever the period (their places to within half of it).
    /// Five times as long takes a fifth of what sampling every millisecond took from the cores
    /// the program computes on.
    static final double ONE_THREAD_SAMPLE_MS = 5.0;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final Path harness;
    private final Path program;
    private final Path config;

    private HarnessFiles(Path dir, Path harness, Path program, Path config) {
        this.dir = dir;
        this.harness = harness;
        this.program = program;
        this.config = config;
    }

    /// Writes the files of `request`'s run; `code`, when not null, replaces the program's text
    /// (tests run deliberately broken programs this way).
    static HarnessFiles write(TwinRequest request, String code) throws IOException {
        Path dir = Files.createTempDirectory("concurrencylab-python-");
        try {
            TwinProgram twin = request.program();
            Path harness = writeHarness(dir);
            Path program = Files.writeString(dir.resolve(twin.fileName()), code != null ? code : twin.code());
            Path stdlib = null;
            if (twin.stdlibFileName().isPresent()) {
                stdlib = Files.writeString(dir.resolve(twin.stdlibFileName().get()), twin.stdlibCode().orElseThrow());
            }
            Path config = dir.resolve("config.json");
            Files.writeString(config, JSON.writeValueAsString(config(request, program, stdlib)));
            return new HarnessFiles(dir, harness, program, config);
        } catch (IOException | RuntimeException e) {
            delete(dir);
            throw e;
        }
    }

    /// Writes `harness.py` and its package into `dir`; returns the entry script.
    static Path writeHarness(Path dir) throws IOException {
        Path harness = Files.writeString(dir.resolve("harness.py"), harnessCode());
        Path parts = Files.createDirectories(dir.resolve(PACKAGE));
        for (String module : MODULES) Files.writeString(parts.resolve(module + ".py"), moduleCode(module));
        return harness;
    }

    static String harnessCode() {
        return resource(HARNESS);
    }

    /// The text of one of the package's modules.
    static String moduleCode(String module) {
        return resource(HARNESS.replace("harness.py", PACKAGE + "/" + module + ".py"));
    }

    private static String resource(String name) {
        try (InputStream in = HarnessFiles.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("the harness's " + name + " is not on the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + name, e);
        }
    }

    /// The sampling period of `request`'s run, in ms: [#SAMPLE_MS] for a pool of several threads,
    /// [#ONE_THREAD_SAMPLE_MS] for the rest.
    static double samplePeriodMs(TwinRequest request) {
        boolean turns = request.program().model() == ModelKind.THREADS && request.workers() > 1;
        return turns ? SAMPLE_MS : ONE_THREAD_SAMPLE_MS;
    }

    private static ObjectNode config(TwinRequest request, Path program, Path stdlib) {
        ObjectNode c = JSON.createObjectNode();
        c.put("model", request.program().model().id());
        c.put("workload", request.program().workload().id());
        c.put("workers", request.workers());
        c.put("connections", request.maxConnections());
        c.put("connect_timeout", request.connectTimeout().toMillis() / 1000.0);
        c.put("read_timeout", request.readTimeout().toMillis() / 1000.0);
        c.put("sample_ms", samplePeriodMs(request));
        c.put("variant", request.variant().wire());
        c.put("program", program.toString());
        c.put("stdlib", stdlib == null ? null : stdlib.toString());
        c.put("start_method", request.startMethod().wire());
        switch (request.inputs()) {
            case TwinInputs.Sums sums -> {
                ArrayNode numbers = c.putArray("numbers");
                sums.numbers().forEach(numbers::add);
            }
            case TwinInputs.Fibs fibs -> {
                ArrayNode numbers = c.putArray("numbers");
                fibs.numbers().forEach(numbers::add);
            }
            case TwinInputs.Pages pages -> {
                ArrayNode urls = c.putArray("pages");
                pages.pages().forEach(u -> urls.add(u.toString()));
            }
            case TwinInputs.PagesAndParse pages -> {
                ArrayNode urls = c.putArray("pages");
                pages.pages().forEach(u -> urls.add(u.toString()));
                c.put("cpu_ms", pages.cpuMs());
            }
            case TwinInputs.Race race -> {
                c.put("tasks", race.tasks());
                c.put("times", race.increments());
                c.put("mode", race.mode().name());
            }
        }
        return c;
    }

    Path dir() {
        return dir;
    }

    Path harness() {
        return harness;
    }

    /// The program file, as it will run.
    Path program() {
        return program;
    }

    Path config() {
        return config;
    }

    @Override
    public void close() {
        delete(dir);
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a file still held open (on Windows) stays behind in the temp directory
                }
            });
        } catch (IOException ignored) {
            // the directory is already gone
        }
    }
}
