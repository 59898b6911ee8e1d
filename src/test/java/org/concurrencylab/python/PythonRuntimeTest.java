package org.concurrencylab.python;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/// Finding Python: what a real interpreter says of itself, and a clear reason, never an
/// exception, when there is none or it is broken, too old, or silent.
@Timeout(60)
class PythonRuntimeTest {

    @Test
    void the_python_on_the_path_says_what_it_is() {
        PythonInfo python = Pythons.require();

        assertThat(python.major()).isEqualTo(3);
        assertThat(python.minor()).isGreaterThanOrEqualTo(PythonInfo.MIN_MINOR);
        assertThat(python.version()).matches("3\\.\\d+\\.\\d+");
        assertThat(python.summary()).matches("(CPython|PyPy|GraalPy|\\w+) 3\\.\\d+(t)?(, GIL o(n|ff))? · requests [✓✗] · aiohttp [✓✗]");
        if (!python.freeThreaded()) assertThat(python.gilEnabled()).isTrue();
        assertThat(PythonRuntime.at(python.executable())).isEqualTo(new PythonRuntime.Found(python));
    }

    @Test
    void no_python_on_the_path_says_how_to_get_one() {
        assertThat(PythonRuntime.find("")).isEqualTo(new PythonRuntime.Missing(
                "python3 was not found on the PATH; install Python 3.9+ from python.org or your package manager, or set its path"));
    }

    @Test
    void a_path_with_no_interpreter_says_so(@TempDir Path dir) throws Exception {
        assertThat(PythonRuntime.at(dir.resolve("python3"))).isEqualTo(
                new PythonRuntime.Missing("there is no Python interpreter at " + dir.resolve("python3")));
        Path plain = Files.writeString(dir.resolve("python"), "not a program");
        assertThat(((PythonRuntime.Missing) PythonRuntime.at(plain)).reason()).endsWith("is not executable");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void a_broken_interpreter_gives_its_last_words(@TempDir Path dir) throws Exception {
        Path broken = script(dir, "echo 'ModuleNotFoundError: No module named encodings' >&2; exit 1");
        assertThat(PythonRuntime.at(broken)).isEqualTo(new PythonRuntime.Missing(
                broken + " is not a working Python (exit code 1): ModuleNotFoundError: No module named encodings"));
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void something_that_is_no_python_says_what_it_answered(@TempDir Path dir) throws Exception {
        Path other = script(dir, "echo 'Usage: frobnicate [FILE]'");
        assertThat(PythonRuntime.at(other)).isEqualTo(new PythonRuntime.Missing(
                other + " is not a Python 3 interpreter: it answered 'Usage: frobnicate [FILE]' to the probe"));
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void a_python_too_old_is_refused(@TempDir Path dir) throws Exception {
        Path old = script(dir, "echo '{\"implementation\": \"cpython\", \"version\": \"3.8.10\", \"freeThreaded\": false, "
                + "\"gil\": true, \"requests\": true, \"aiohttp\": false}'");
        assertThat(PythonRuntime.at(old)).isEqualTo(new PythonRuntime.Missing(
                old + " is Python 3.8.10; the twin programs need Python 3.9 or newer"));
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void an_interpreter_that_does_not_answer_is_given_up_and_killed(@TempDir Path dir) throws Exception {
        Path silent = script(dir, "exec sleep 60");
        long before = ProcessHandle.current().descendants().count();
        assertThat(PythonRuntime.at(silent, Duration.ofMillis(500)))
                .isEqualTo(new PythonRuntime.Missing(silent + " did not answer within 0.5 s"));
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (ProcessHandle.current().descendants().count() > before && System.nanoTime() < deadline) Thread.sleep(10);
        assertThat(ProcessHandle.current().descendants().filter(p -> p.info().command().orElse("").contains("sleep")))
                .as("the probe is killed").isEmpty();
    }

    @Test
    void a_free_threaded_build_says_its_gil_is_off() {
        PythonInfo free = new PythonInfo(Path.of("python3.13t"), "cpython", "3.13.1", true, false, false, true);
        assertThat(free.summary()).isEqualTo("CPython 3.13t, GIL off · requests ✗ · aiohttp ✓");
        assertThat(free.parallelThreads()).isTrue();
        PythonInfo usual = new PythonInfo(Path.of("python3"), "cpython", "3.11.7", false, true, true, false);
        assertThat(usual.summary()).isEqualTo("CPython 3.11 · requests ✓ · aiohttp ✗");
    }

    private static Path script(Path dir, String body) throws Exception {
        Path file = dir.resolve("python3");
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }
}
