package org.concurrencylab.python;

import org.concurrencylab.core.model.ModelKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/// The harness's own unit tests (`src/test/python`: the relay and its sampler driven with
/// made-up samples, what instrumenting a program imports), run on the tests' Python; and the harness started the way a careful user's
/// Python may start it.
class HarnessUnitTest {
    private static final Path TESTS = Path.of("src/test/python");
    private static final Path HARNESS = Path.of("src/main/resources/org/concurrencylab/python");

    @Test
    void the_harness_s_python_unit_tests_pass() throws Exception {
        PythonInfo python = Pythons.require();
        ProcessBuilder process = new ProcessBuilder(python.executable().toString(), "-m", "unittest", "discover",
                "-s", TESTS.toString(), "-v").redirectErrorStream(true);
        process.environment().put("PYTHONPATH", HARNESS.toAbsolutePath().toString());
        Result r = finish(process);
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out()).contains("OK").containsPattern("Ran [1-9]\\d* tests");
    }

    @Test
    void the_harness_finds_its_package_when_the_script_s_folder_is_not_on_the_path(@TempDir Path dir) throws Exception {
        PythonInfo python = Pythons.require();
        assumeTrue(python.major() > 3 || python.minor() >= 11,
                () -> "skipped: -P (no script folder on the path) is Python 3.11 and later, not " + python.summary());
        Path harness = HarnessFiles.writeHarness(dir);
        TwinProgram program = new TwinProgram(ModelKind.SYNC, TwinWorkload.CPU);
        Path file = Files.writeString(dir.resolve(program.fileName()), program.code());
        ProcessBuilder process = new ProcessBuilder(python.executable().toString(), "-P", harness.toString(), "check",
                file.toString()).redirectErrorStream(true);
        Result r = finish(process);
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out()).contains("\"ok\": true").doesNotContain("ModuleNotFoundError");
    }

    private record Result(int code, String out) {}

    private static Result finish(ProcessBuilder builder) throws IOException, InterruptedException {
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), out);
    }
}
