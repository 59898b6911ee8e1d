package org.concurrencylab.faults;

import org.concurrencylab.core.run.RunParams;

import org.concurrencylab.cli.Cli;
import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.WorkloadKind;
import org.concurrencylab.core.workload.Step;
import org.concurrencylab.export.Exports;
import org.concurrencylab.export.RunJson;
import org.concurrencylab.sites.SiteConfig;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/// Bad input, refused where it is given with one clear message that names what is wrong and
/// quotes the value: run settings out of range, malformed URLs, schemes that are not HTTP, export
/// paths that cannot be written, files that are not run files, and the same on the command line
/// (exit code 2, one line). Nothing is run for any of them.
@ExtendWith(FaultLedger.class)
@Timeout(60)
class BadInputTest {
    @TempDir
    static Path dir;

    private static final RunSpec DOWNLOAD = RunSpec.defaults(WorkloadKind.DOWNLOAD, ModelKind.THREADS);
    private static final RunSpec CPU = RunSpec.defaults(WorkloadKind.CPU, ModelKind.THREADS);
    private static final RunSpec RACE = RunSpec.defaults(WorkloadKind.RACE, ModelKind.THREADS);
    private static final RunSpec MIXED = RunSpec.defaults(WorkloadKind.MIXED, ModelKind.EVENTLOOP);

    /// A setting that must be refused with exactly `message`.
    record Refused(String name, Supplier<?> attempt, String message) {}

    private static DynamicTest refused(Refused r) {
        return DynamicTest.dynamicTest(r.name(), () -> FaultLedger.badInput(r.name(), () ->
                assertThatThrownBy(r.attempt()::get).isInstanceOf(IllegalArgumentException.class).hasMessage(r.message())));
    }

    @TestFactory
    Stream<DynamicTest> run_settings_out_of_range_are_refused_naming_the_field_and_the_value() {
        return Stream.of(
                new Refused("0 threads", () -> DOWNLOAD.withWorkers(0), "workers must be between 1 and 1024, was 0"),
                new Refused("-3 threads", () -> DOWNLOAD.withWorkers(-3), "workers must be between 1 and 1024, was -3"),
                new Refused("1,025 threads", () -> DOWNLOAD.withWorkers(1_025), "workers must be between 1 and 1024, was 1025"),
                new Refused("65 processes", () -> CPU.withModel(ModelKind.PROCESSES).withWorkers(65),
                        "workers must be between 1 and 64, was 65"),
                new Refused("0 pages", () -> DOWNLOAD.withTasks(0), "tasks must be between 1 and 1000000, was 0"),
                new Refused("1,000,001 pages", () -> DOWNLOAD.withTasks(1_000_001), "tasks must be between 1 and 1000000, was 1000001"),
                new Refused("100,001 numbers", () -> CPU.withTasks(100_001), "tasks must be between 1 and 100000, was 100001"),
                new Refused("-1 race tasks", () -> RACE.withTasks(-1), "tasks must be between 1 and 1000000, was -1"),
                new Refused("0 mixed pages", () -> MIXED.withTasks(0), "tasks must be between 1 and 1000000, was 0"),
                new Refused("base -1", () -> CPU.with(RunParams.BASE, -1), "base must be between 0 and 1000000000, was -1"),
                new Refused("base 1,000,000,001", () -> CPU.with(RunParams.BASE, 1_000_000_001L), "base must be between 0 and 1000000000, was 1000000001"),
                new Refused("latency -1 ms", () -> DOWNLOAD.with(RunParams.LATENCY_MS, -1), "latency must be between 0 and 60000 ms, was -1"),
                new Refused("latency 60,001 ms", () -> DOWNLOAD.with(RunParams.LATENCY_MS, 60_001), "latency must be between 0 and 60000 ms, was 60001"),
                new Refused("0 connections", () -> DOWNLOAD.withModel(ModelKind.EVENTLOOP).with(RunParams.MAX_CONNECTIONS, 0),
                        "max connections must be between 1 and 10000, was 0"),
                new Refused("10,001 connections", () -> DOWNLOAD.withModel(ModelKind.VIRTUAL).with(RunParams.MAX_CONNECTIONS, 10_001),
                        "max connections must be between 1 and 10000, was 10001"),
                new Refused("switch interval 0 ms", () -> CPU.withGil(true).with(RunParams.SWITCH_MS, 0),
                        "the switch interval must be between 1 and 1000 ms, was 0"),
                new Refused("switch interval 1,001 ms", () -> CPU.withGil(true).with(RunParams.SWITCH_MS, 1_001),
                        "the switch interval must be between 1 and 1000 ms, was 1001"),
                new Refused("0 increments", () -> RACE.with(RunParams.INCREMENTS, 0), "increments must be between 1 and 1000000, was 0"),
                new Refused("1,000,001 increments", () -> RACE.with(RunParams.INCREMENTS, 1_000_001), "increments must be between 1 and 1000000, was 1000001"),
                new Refused("0 CPU ms", () -> MIXED.with(RunParams.CPU_MS, 0), "the parse's CPU time must be between 1 and 10000 ms, was 0"),
                new Refused("10,001 CPU ms", () -> MIXED.with(RunParams.CPU_MS, 10_001), "the parse's CPU time must be between 1 and 10000 ms, was 10001"),
                // the demo sites' own settings: sizes, jitter, failure rate
                new Refused("a 63-byte page", () -> new SiteConfig(90, 0, 63, 2048, 0), "page sizes must be between 64 bytes and 16 MiB"),
                new Refused("a 17 MiB page", () -> new SiteConfig(90, 0, 48 * 1024, 17 << 20, 0), "page sizes must be between 64 bytes and 16 MiB"),
                new Refused("jitter above the latency", () -> new SiteConfig(90, 91, 48 * 1024, 2048, 0),
                        "jitter must be between 0 and the latency (90 ms), was 91"),
                new Refused("failure rate 1.5", () -> SiteConfig.defaults().withFailureRate(1.5), "failure rate must be between 0 and 1, was 1.5"),
                new Refused("failure rate NaN", () -> SiteConfig.defaults().withFailureRate(Double.NaN), "failure rate must be between 0 and 1, was NaN"),
                new Refused("site latency -5 ms", () -> SiteConfig.defaults().withLatencyMs(-5), "latency must be between 0 and 60000 ms, was -5"),
                new Refused("a sleep of -1 ms", () -> new Step.Sleep(-1), "millis must be >= 0: -1"))
                .map(BadInputTest::refused);
    }

    @TestFactory
    Stream<DynamicTest> malformed_urls_and_other_schemes_are_refused_quoting_the_url() {
        return Stream.of(
                new Refused("an empty URL", () -> RunSpec.parseUrl(""), "the URL is empty"),
                new Refused("a blank URL", () -> RunSpec.parseUrl("   "), "the URL is empty"),
                new Refused("a space in the host", () -> RunSpec.parseUrl("http://exa mple.org/"),
                        "'http://exa mple.org/' is not a valid URL: Illegal character in authority"),
                new Refused("an unclosed IPv6 bracket", () -> RunSpec.parseUrl("http://[::1/page"),
                        "'http://[::1/page' is not a valid URL: Expected closing bracket for IPv6 address"),
                new Refused("no scheme", () -> RunSpec.parseUrl("example.org/page"), "'example.org/page' is not an http(s) URL"),
                new Refused("no host", () -> RunSpec.parseUrl("http:///page"), "'http:///page' has no host name"),
                new Refused("nothing after the scheme", () -> RunSpec.parseUrl("http://"),
                        "'http://' is not a valid URL: Expected authority"),
                new Refused("ftp", () -> RunSpec.parseUrl("ftp://example.org/file"), "'ftp://example.org/file' is not an http(s) URL"),
                new Refused("file", () -> RunSpec.parseUrl("file:///etc/passwd"), "'file:///etc/passwd' is not an http(s) URL"),
                new Refused("mailto", () -> RunSpec.parseUrl("mailto:someone@example.org"), "'mailto:someone@example.org' is not an http(s) URL"),
                new Refused("javascript", () -> RunSpec.parseUrl("javascript:alert(1)"), "'javascript:alert(1)' is not an http(s) URL"),
                new Refused("ws", () -> RunSpec.parseUrl("ws://example.org/socket"), "'ws://example.org/socket' is not an http(s) URL"),
                new Refused("an ftp URL given to a spec directly", () -> DOWNLOAD.withUrls(List.of(URI.create("ftp://example.org/x"))),
                        "'ftp://example.org/x' is not an http(s) URL"),
                new Refused("a hostless URL given to a spec directly", () -> MIXED.withUrls(List.of(URI.create("https:/relative"))),
                        "'https:/relative' has no host name"))
                .map(BadInputTest::refused);
    }

    /// An export path that cannot be written: refused before anything is run or written, with a
    /// message that names the path and why.
    record Unwritable(String name, Path path, String message) {}

    @TestFactory
    Stream<DynamicTest> export_paths_that_cannot_be_written_are_refused_saying_why() throws IOException {
        Path file = Files.writeString(dir.resolve("existing.txt"), "x");
        return Stream.of(
                new Unwritable("a folder", dir, dir + " is a folder, not a file"),
                new Unwritable("a missing folder", dir.resolve("no-such-folder/run.json"),
                        "the folder " + dir.resolve("no-such-folder") + " does not exist"),
                new Unwritable("a missing drive", Path.of("/no-such-drive/sub/run.json"), "the folder /no-such-drive/sub does not exist"),
                new Unwritable("a file as its folder", file.resolve("run.json"), "the folder " + file + " does not exist"),
                new Unwritable("an unwritable folder", unwritableFolder().resolve("run.json"), "cannot write in " + unwritableFolder()))
                .map(u -> DynamicTest.dynamicTest(u.name(), () -> FaultLedger.badInput("export path: " + u.name(), () -> {
                    assertThatThrownBy(() -> Exports.checkWritable(u.path())).isInstanceOf(IOException.class).hasMessage(u.message());
                    // writing a run file there is refused with the same words, and leaves nothing behind
                    assertThatThrownBy(() -> RunJson.write(RunJsonSample.tiny(), u.path())).isInstanceOf(IOException.class)
                            .hasMessage(u.message());
                    assertThat(Files.exists(u.path()) && !Files.isDirectory(u.path())).isFalse();
                })));
    }

    /// A folder this process cannot write in: as root, permissions do not stop it, so there it is
    /// a folder of `/proc`, which refuses anyone.
    private static Path unwritableFolder() throws IOException {
        if (isRoot()) return Path.of("/proc/self");
        Path locked = dir.resolve("locked");
        if (!Files.exists(locked)) Files.createDirectory(locked, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("r-x------")));
        return locked;
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    @TestFactory
    Stream<DynamicTest> files_that_are_not_run_files_are_refused_with_one_line() throws IOException {
        record NotARunFile(String name, String content, String message) {}
        return Stream.of(
                new NotARunFile("not JSON", "hello, world", "cannot read the run file %s: Unrecognized token 'hello'"),
                new NotARunFile("cut short", cutShort(RunJson.toJson(RunJsonSample.tiny())), "cannot read the run file %s: Unexpected end-of-input"),
                new NotARunFile("some other JSON", "{\"name\":\"a\"}", "not a Concurrency Lab run file (spec, lanes, segments or stats missing)"),
                new NotARunFile("from a newer version", "{\"format\":99}", "this run file is from a newer version (format 99)"),
                new NotARunFile("an unknown model", RunJson.toJson(RunJsonSample.tiny()).replace("\"threads\"", "\"fibers\""),
                        "cannot read the run file %s: the run spec: unknown model \"fibers\""))
                .map(n -> DynamicTest.dynamicTest(n.name(), () -> FaultLedger.badInput("run file: " + n.name(), () -> {
                    Path file = dir.resolve(n.name().replace(' ', '-') + ".json");
                    Files.writeString(file, n.content(), StandardCharsets.UTF_8);
                    assertThatThrownBy(() -> RunJson.read(file)).isInstanceOf(IOException.class)
                            .message().startsWith(n.message().formatted(file)).doesNotContain("\n");
                })));
    }

    /// A run file that ends before its last closing brace, as a copy broken off would.
    private static String cutShort(String json) {
        return json.substring(0, json.lastIndexOf('}'));
    }

    /// The command line refuses the same inputs with exit code 2 and one line on stderr, and runs
    /// nothing (cases the command line's own tests do not cover).
    @TestFactory
    Stream<DynamicTest> the_command_line_refuses_bad_input_with_exit_2_and_one_line() throws IOException {
        String unwritable = unwritableFolder().resolve("run.json").toString();
        record Args(List<String> args, String named) {}
        return Stream.of(
                new Args(List.of("run", "--model", "processes", "--workers", "65"), "between 1 and 64, was 65"),
                new Args(List.of("run", "--model", "threads", "--workers", "1025"), "--workers"),
                new Args(List.of("run", "--workload", "cpu", "--tasks", "100001"), "was 100001"),
                new Args(List.of("run", "--workload", "cpu", "--base", "-1"), "base"),
                new Args(List.of("run", "--latency-ms", "60001"), "latency"),
                new Args(List.of("run", "--model", "threads", "--gil", "--switch-ms", "1001"), "--switch-ms must be between 1 and 1000 ms"),
                new Args(List.of("run", "--workload", "mixed", "--cpu-ms", "10001"), "--cpu-ms must be between 1 and 10000 ms"),
                new Args(List.of("run", "--url", "http://exa mple.org/"), "exa mple.org"),
                new Args(List.of("run", "--url", "file:///etc/passwd"), "file:///etc/passwd"),
                new Args(List.of("run", "--url", ""), "--url"),
                new Args(List.of("run", "--json", unwritable), unwritableFolder().toString()),
                new Args(List.of("run", "--png", dir.toString()), "is a folder"))
                .map(a -> DynamicTest.dynamicTest(String.join(" ", a.args()), () -> FaultLedger.badInput("command line: " + a.args(), () -> {
                    StringWriter out = new StringWriter();
                    StringWriter err = new StringWriter();
                    int code;
                    try (PrintWriter o = new PrintWriter(out, true); PrintWriter e = new PrintWriter(err, true)) {
                        code = Cli.execute(a.args().toArray(String[]::new), o, e);
                    }
                    assertThat(code).isEqualTo(Cli.BAD_ARGUMENTS);
                    assertThat(err.toString().lines().toList()).singleElement().satisfies(line ->
                            assertThat(line).startsWith("concurrency-lab: ").contains(a.named()));
                    assertThat(out.toString()).isEmpty();
                })));
    }
}
