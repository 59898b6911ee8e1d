package org.concurrencylab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.concurrencylab.diagram.Palette;
import org.concurrencylab.diagram.Rgb;
import org.concurrencylab.export.ExportFixtures;
import org.concurrencylab.export.RunJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concurrencylab.cli.CliRun.run;

/// The picture, table and trace options of `run`, and `export` re-rendering a saved run.
@Timeout(90)
class CliExportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /// One real download run, written in every format with every picture option.
    @TempDir
    static Path runDir;
    private static CliRun.Outcome everything;

    @TempDir
    Path dir;

    @BeforeAll
    static void runOnceWithEveryOutput() {
        everything = run("run", "--model", "threads", "--workers", "2", "--tasks", "6", "--latency-ms", "5", "--no-warmup",
                "--json", runDir.resolve("run.json").toString(),
                "--png", runDir.resolve("run.png").toString(),
                "--svg", runDir.resolve("run.svg").toString(),
                "--csv", runDir.resolve("run.csv").toString(),
                "--trace", runDir.resolve("run.trace.json").toString(),
                "--width", "800", "--aspect", "16:9", "--scale", "2", "--theme", "dark", "--palette", "colorblind");
    }

    private static int argb(Rgb colour) {
        return 0xff000000 | colour.r() << 16 | colour.g() << 8 | colour.b();
    }

    private static List<Path> filesIn(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return new ArrayList<>(files.map(Path::getFileName).sorted().toList());
        }
    }

    @Test
    void run_writes_every_file_asked_for_with_the_picture_options_applied() throws Exception {
        assertThat(everything.code()).as(everything.err()).isEqualTo(Cli.OK);
        assertThat(everything.err()).isEmpty();
        assertThat(everything.outLines()).singleElement().asString().startsWith("download threads workers=2 tasks=6 errors=0 wall=");
        assertThat(filesIn(runDir)).extracting(Path::toString)
                .containsExactly("run.csv", "run.json", "run.png", "run.svg", "run.trace.json");

        BufferedImage png = ImageIO.read(runDir.resolve("run.png").toFile());
        assertThat(png.getWidth()).as("800 wide at scale 2").isEqualTo(1600);
        assertThat(png.getHeight()).as("16:9").isEqualTo(900);
        assertThat(png.getRGB(2, 2)).isEqualTo(argb(Palette.colorBlindDark().background()));

        Document svg = ExportFixtures.parseXml(Files.readString(runDir.resolve("run.svg")));
        assertThat(svg.getDocumentElement().getAttribute("viewBox")).isEqualTo("0 0 800 450");
        assertThat(svg.getDocumentElement().getAttribute("width")).isEqualTo("1600");
        assertThat(ExportFixtures.boxRects(svg)).isNotEmpty().allSatisfy(r -> assertThat(r.getAttribute("fill"))
                .isIn(Palette.colorBlindDark().fills().values().stream().map(Rgb::toHex).toList()));

        int segments = RunJson.read(runDir.resolve("run.json")).segments().size();
        assertThat(Files.readAllLines(runDir.resolve("run.csv"))).hasSize(1 + segments);
        JsonNode trace = JSON.readTree(runDir.resolve("run.trace.json").toFile());
        assertThat(StreamSupport.stream(trace.get("traceEvents").spliterator(), false)
                .filter(e -> e.get("ph").asText().equals("X"))).hasSize(segments);
        assertThat(trace.get("otherData").get("model").asText()).isEqualTo("threads");
    }

    @Test
    void export_of_the_saved_run_writes_the_same_files_as_the_run_did() throws Exception {
        Path json = runDir.resolve("run.json");

        CliRun.Outcome outcome = run("export", json.toString(),
                "--png", dir.resolve("again.png").toString(),
                "--svg", dir.resolve("again.svg").toString(),
                "--csv", dir.resolve("again.csv").toString(),
                "--trace", dir.resolve("again.trace.json").toString(),
                "--json", dir.resolve("again.json").toString(),
                "--width", "800", "--aspect", "16:9", "--scale", "2", "--theme", "dark", "--palette", "colorblind");

        assertThat(outcome.code()).as(outcome.err()).isEqualTo(Cli.OK);
        assertThat(outcome.err()).isEmpty();
        assertThat(outcome.outLines()).as("the run's summary line").isEqualTo(everything.outLines());
        for (String kind : List.of("svg", "csv", "trace.json", "json")) {
            assertThat(Files.readString(dir.resolve("again." + kind))).as(kind).isEqualTo(Files.readString(runDir.resolve("run." + kind)));
        }
        BufferedImage first = ImageIO.read(runDir.resolve("run.png").toFile());
        BufferedImage again = ImageIO.read(dir.resolve("again.png").toFile());
        assertThat(again.getWidth()).isEqualTo(first.getWidth());
        assertThat(again.getHeight()).isEqualTo(first.getHeight());
        for (int y = 0; y < first.getHeight(); y += 5) {
            for (int x = 0; x < first.getWidth(); x += 5) {
                assertThat(again.getRGB(x, y)).as("(%d, %d)", x, y).isEqualTo(first.getRGB(x, y));
            }
        }
        assertThat(filesIn(dir)).hasSize(5);
    }

    @Test
    void export_draws_light_article_pictures_of_the_size_asked_for() throws Exception {
        Path json = runDir.resolve("run.json");

        CliRun.Outcome standard = run("export", json.toString(), "--png", dir.resolve("a.png").toString(),
                "--aspect", "4:3", "--width", "640");
        CliRun.Outcome tall = run("export", json.toString(), "--png", dir.resolve("b.png").toString(), "--height", "300");
        CliRun.Outcome sharp = run("export", json.toString(), "--png", dir.resolve("c.png").toString(),
                "--width", "320", "--scale", "4x");

        assertThat(List.of(standard.code(), tall.code(), sharp.code())).containsOnly(Cli.OK);
        BufferedImage a = ImageIO.read(dir.resolve("a.png").toFile());
        BufferedImage b = ImageIO.read(dir.resolve("b.png").toFile());
        BufferedImage c = ImageIO.read(dir.resolve("c.png").toFile());
        assertThat(List.of(a.getWidth(), a.getHeight())).containsExactly(640, 480);
        assertThat(List.of(b.getWidth(), b.getHeight())).containsExactly(1600, 300);
        assertThat(c.getWidth()).isEqualTo(1280);
        assertThat(a.getRGB(2, 2)).isEqualTo(argb(Palette.articleLight().background()));
    }

    @Test
    void a_run_written_only_as_a_trace_and_a_table_needs_no_picture_options() throws Exception {
        Path csv = dir.resolve("cpu.csv");
        Path trace = dir.resolve("cpu.trace.json");

        CliRun.Outcome outcome = run("run", "--workload", "cpu", "--tasks", "2", "--base", "1000", "--no-warmup",
                "--csv", csv.toString(), "--trace", trace.toString());

        assertThat(outcome.code()).as(outcome.err()).isEqualTo(Cli.OK);
        assertThat(Files.readAllLines(csv).getFirst()).startsWith("lane,lane_name,task,state,");
        assertThat(JSON.readTree(trace.toFile()).get("otherData").get("workload").asText()).isEqualTo("cpu");
    }

    static Stream<Arguments> badArguments() {
        return Stream.of(
                Arguments.of(List.of("run", "--png", "x.png", "--scale", "3"), "--scale"),
                Arguments.of(List.of("run", "--png", "x.png", "--scale", "big"), "big"),
                Arguments.of(List.of("run", "--png", "x.png", "--aspect", "5:4"), "5:4"),
                Arguments.of(List.of("run", "--png", "x.png", "--theme", "blue"), "blue"),
                Arguments.of(List.of("run", "--svg", "x.svg", "--palette", "rainbow"), "rainbow"),
                Arguments.of(List.of("run", "--png", "x.png", "--aspect", "16:9", "--height", "400"), "--height and --aspect 16:9"),
                Arguments.of(List.of("run", "--png", "x.png", "--width", "8000", "--scale", "4"), "--scale 4"),
                Arguments.of(List.of("run", "--png", "x.png", "--width", "4096", "--aspect", "16:9", "--scale", "4"), "over the 128 million"),
                Arguments.of(List.of("run", "--scale", "2"), "--scale applies to pictures"),
                Arguments.of(List.of("run", "--json", "x.json", "--theme", "dark"), "--theme applies to pictures"),
                Arguments.of(List.of("run", "--png", "same.png", "--svg", "./same.png"), "same file"),
                Arguments.of(List.of("run", "--svg", "/nonexistent-dir/x.svg"), "--svg: the folder /nonexistent-dir does not exist"),
                Arguments.of(List.of("run", "--csv", "/nonexistent-dir/x.csv"), "--csv"),
                Arguments.of(List.of("run", "--trace", "/nonexistent-dir/x.json"), "--trace"),
                Arguments.of(List.of("run", "--workload", "cpu", "--trace", "/"), "is a folder"),
                Arguments.of(List.of("export"), "RUN.json"),
                Arguments.of(List.of("export", "/nonexistent-dir/run.json", "--png", "x.png"), "no such run file"),
                Arguments.of(List.of("export", "/", "--png", "x.png"), "is a folder"),
                Arguments.of(List.of("export", "run.json", "--png", "/nonexistent-dir/x.png"), "--png"),
                Arguments.of(List.of("export", "run.json", "--bogus"), "--bogus"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badArguments")
    void bad_values_exit_2_with_one_line_naming_the_problem_before_anything_runs(List<String> args, String named) {
        CliRun.assertRefused(args, named);
    }

    @Test
    void export_refuses_a_file_that_is_not_a_run_and_a_command_with_nothing_to_write() throws Exception {
        Path notARun = Files.writeString(dir.resolve("other.json"), "{\"hello\": 1}");
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"format\": 1, \"spec\": {");

        CliRun.Outcome other = run("export", notARun.toString(), "--png", dir.resolve("x.png").toString());
        CliRun.Outcome cut = run("export", broken.toString(), "--svg", dir.resolve("x.svg").toString());
        CliRun.Outcome nothing = run("export", runDir.resolve("run.json").toString());

        assertThat(List.of(other.code(), cut.code(), nothing.code())).containsOnly(Cli.BAD_ARGUMENTS);
        assertThat(other.errLines()).singleElement().asString().contains("not a Concurrency Lab run file");
        assertThat(cut.errLines()).singleElement().asString().contains("broken.json");
        assertThat(nothing.errLines()).singleElement().asString().contains("nothing to write");
        assertThat(filesIn(dir)).extracting(Path::toString).containsExactly("broken.json", "other.json");
    }

    @Test
    void help_lists_the_new_options_and_the_export_command() {
        CliRun.Outcome top = run("--help");
        CliRun.Outcome runHelp = run("run", "--help");
        CliRun.Outcome exportHelp = run("export", "--help");

        assertThat(top.out()).contains("export");
        for (CliRun.Outcome help : List.of(runHelp, exportHelp)) {
            assertThat(help.code()).isEqualTo(Cli.OK);
            assertThat(help.out()).contains("--png", "--svg", "--csv", "--trace", "--json", "--width", "--height",
                    "--aspect", "--scale", "--theme", "--palette", "16:9", "colorblind");
            assertThat(help.out().lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
        }
        assertThat(exportHelp.out()).contains("RUN.json");
        assertThat(top.err() + runHelp.err() + exportHelp.err()).isEmpty();
    }
}
