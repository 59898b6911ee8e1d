package org.concurrencylab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.concurrencylab.cli.CliRun.Outcome;
import org.concurrencylab.diagram.DiagramLayout;
import org.concurrencylab.diagram.DiagramStyle;
import org.concurrencylab.diagram.Palette;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concurrencylab.cli.CliRun.run;

/// The command line driven in-process through [CliRun], with its output captured.
@Timeout(60)
class CliTest {
    private static final String SUMMARY = "(download|cpu) (sync|threads) workers=\\d+ tasks=\\d+ errors=\\d+ wall=\\d+\\.\\d{3}s";

    @TempDir
    Path dir;

    static Stream<Arguments> badArguments() {
        return Stream.of(
                Arguments.of(List.of("run", "--workers", "0"), "--workers"),
                Arguments.of(List.of("run", "--model", "threads", "--workers", "5000"), "--workers"),
                Arguments.of(List.of("run", "--workers", "2"), "sync"),
                Arguments.of(List.of("run", "--url", "notaurl"), "notaurl"),
                Arguments.of(List.of("run", "--url", "ftp://example.org/x"), "ftp://example.org/x"),
                Arguments.of(List.of("run", "--workload", "cpu", "--url", "http://example.org/"), "--url"),
                Arguments.of(List.of("run", "--model", "nosuch"), "nosuch"),
                Arguments.of(List.of("run", "--workload", "nosuch"), "nosuch"),
                Arguments.of(List.of("run", "--tasks", "0"), "tasks"),
                Arguments.of(List.of("run", "--tasks", "many"), "many"),
                Arguments.of(List.of("run", "--latency-ms", "-5"), "latency"),
                Arguments.of(List.of("run", "--json", "/nonexistent-dir/x.json"), "/nonexistent-dir"),
                Arguments.of(List.of("run", "--png", "/nonexistent-dir/x.png"), "/nonexistent-dir"),
                Arguments.of(List.of("run", "--width", "100", "--png", "x.png"), "--width"),
                Arguments.of(List.of("run", "--bogus"), "--bogus"),
                Arguments.of(List.of("run", "--workers"), "--workers"),
                Arguments.of(List.of("run", "--height", "100", "--png", "x.png"), "--height"),
                Arguments.of(List.of("bench", "--repeat", "0"), "--repeat"),
                Arguments.of(List.of("bench", "--workload", "nosuch"), "nosuch"),
                Arguments.of(List.of("nosuchcommand"), "nosuchcommand"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badArguments")
    void bad_arguments_exit_2_with_exactly_one_line_on_stderr_naming_the_problem(List<String> args, String named) {
        CliRun.assertRefused(args, named);
    }

    @Test
    void an_output_path_that_is_a_folder_is_a_bad_argument() {
        Outcome outcome = run("run", "--json", dir.toString());

        assertThat(outcome.code()).isEqualTo(Cli.BAD_ARGUMENTS);
        assertThat(outcome.errLines()).singleElement().asString().contains("is a folder");
    }

    @Test
    void a_cpu_run_prints_one_summary_line_and_writes_its_json() throws Exception {
        Path json = dir.resolve("run.json");

        Outcome outcome = run("run", "--workload", "cpu", "--model", "threads", "--workers", "2", "--tasks", "4",
                "--base", "20000", "--json", json.toString());

        assertThat(outcome.code()).isEqualTo(Cli.OK);
        assertThat(outcome.err()).isEmpty();
        assertThat(outcome.outLines()).singleElement().asString()
                .matches(SUMMARY)
                .startsWith("cpu threads workers=2 tasks=4 errors=0 wall=");
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertThat(root.get("tasks").asInt()).isEqualTo(4);
        assertThat(root.get("errors").asInt()).isZero();
        assertThat(root.get("lanes").size()).isEqualTo(2);
        assertThat(root.get("outcomes").size()).isEqualTo(4);
        assertThat(root.get("spec").get("base").asLong()).isEqualTo(20_000);
        assertThat(root.get("segments").size()).isPositive();
    }

    @Test
    void a_download_run_whose_every_request_fails_exits_1_counting_the_errors() {
        Outcome outcome = run("run", "--url", "http://127.0.0.1:1/", "--tasks", "3", "--no-warmup");

        assertThat(outcome.code()).isEqualTo(Cli.RUN_FAILED);
        assertThat(outcome.outLines()).singleElement().asString()
                .matches(SUMMARY)
                .startsWith("download sync workers=1 tasks=3 errors=3 wall=");
    }

    @Test
    void a_download_run_of_the_demo_sites_writes_a_png_of_the_default_width_and_a_height_fitting_its_lanes() throws Exception {
        Path png = dir.resolve("run.png");

        Outcome outcome = run("run", "--latency-ms", "5", "--tasks", "10", "--model", "threads", "--workers", "3",
                "--png", png.toString());

        assertThat(outcome.code()).as(outcome.err()).isEqualTo(Cli.OK);
        assertThat(outcome.outLines()).singleElement().asString()
                .startsWith("download threads workers=3 tasks=10 errors=0 wall=");
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).isNotNull();
        DiagramStyle titled = DiagramStyle.screen(Palette.articleLight()).withTitle("title", "caption");
        assertThat(image.getWidth()).isEqualTo(1600);
        assertThat(image.getHeight()).isEqualTo(DiagramLayout.fittingHeight(3, titled));
        assertThat(image.getRGB(0, 0) & 0xffffff).as("the light background").isEqualTo(0xffffff);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.toList()).as("no temporary file left").containsExactly(png);
        }
    }

    @Test
    void a_png_has_the_size_asked_for() throws Exception {
        Path png = dir.resolve("small.png");

        Outcome outcome = run("run", "--workload", "cpu", "--tasks", "2", "--base", "1000", "--no-warmup",
                "--png", png.toString(), "--width", "640", "--height", "360");

        assertThat(outcome.code()).as(outcome.err()).isEqualTo(Cli.OK);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(360);
    }

    @Test
    void help_and_version_exit_0_and_print_to_stdout() {
        Outcome help = run("--help");
        Outcome runHelp = run("run", "--help");
        Outcome version = run("--version");

        assertThat(help.code()).isEqualTo(Cli.OK);
        assertThat(help.out()).contains("run");
        assertThat(runHelp.code()).isEqualTo(Cli.OK);
        assertThat(runHelp.out()).contains("--workload", "--model", "--workers", "--json", "--png");
        assertThat(version.code()).isEqualTo(Cli.OK);
        assertThat(version.outLines()).singleElement().asString().startsWith("Concurrency Lab ").contains("Java");
        assertThat(help.err() + runHelp.err() + version.err()).isEmpty();
    }

    @Test
    void only_commands_and_help_or_version_flags_leave_the_window_closed() {
        assertThat(Invocation.isCommand(new String[] {})).isFalse();
        assertThat(Invocation.isCommand(new String[] {"run", "--workload", "cpu"})).isTrue();
        assertThat(Invocation.isCommand(new String[] {"--help"})).isTrue();
        assertThat(Invocation.isCommand(new String[] {"-V"})).isTrue();
        assertThat(Invocation.isCommand(new String[] {"--some-jvm-or-fx-flag"})).isFalse();
    }

    @Test
    void a_multi_line_message_becomes_one_line() {
        assertThat(Cli.oneLine("  first\n   second\r\nthird  ")).isEqualTo("first second third");
        assertThat(Cli.oneLine(null)).isEmpty();
    }
}
