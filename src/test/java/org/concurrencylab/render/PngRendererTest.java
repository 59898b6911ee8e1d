package org.concurrencylab.render;

import javafx.application.Platform;
import javafx.scene.canvas.Canvas;
import org.concurrencylab.core.trace.Lane;
import org.concurrencylab.core.trace.LaneKind;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.State;
import org.concurrencylab.diagram.DiagramLayout;
import org.concurrencylab.diagram.DiagramStyle;
import org.concurrencylab.diagram.Palette;
import org.concurrencylab.diagram.Rgb;
import org.concurrencylab.diagram.TraceModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/// The diagram drawn for real on a JavaFX canvas (headless platform, software pipeline), checked
/// pixel by pixel against the layout of the same frame.
@Timeout(60)
class PngRendererTest {
    private static final long MS = 1_000_000L;
    private static final int WIDTH = 800;
    private static final int HEIGHT = 400;
    private static final Palette PALETTE = Palette.articleLight();
    private static final DiagramStyle STYLE = DiagramStyle.screen(PALETTE);

    /// Lane 0: CPU for 0.4 s, then I/O; lane 1: I/O, then CPU. Every box is hundreds of pixels wide.
    private static final TraceModel MODEL = TraceModel.of(
            List.of(new Lane(0, "pool-1", LaneKind.THREAD), new Lane(1, "pool-2", LaneKind.THREAD)),
            List.of(Segment.closed(0, 0, State.WORK, 0, 400 * MS, "sum"),
                    Segment.closed(0, 1, State.IO_WAIT, 400 * MS, 1_000 * MS, "GET /a"),
                    Segment.closed(1, 2, State.IO_WAIT, 0, 600 * MS, "GET /b"),
                    Segment.closed(1, 2, State.WORK, 600 * MS, 1_000 * MS, "parse")));

    @TempDir
    Path dir;

    @BeforeAll
    static void startFx() {
        PngRenderer.startHeadlessIfNeeded();
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result.get(30, TimeUnit.SECONDS);
    }

    /// The frame [PngRenderer#render] draws, laid out with the same canvas fonts.
    private static DiagramLayout.Frame frame(int width, int height) throws Exception {
        return onFx(() -> DiagramLayout.layout(MODEL, List.of(), width, height, 0, 1_000 * MS, -1, STYLE,
                new FxSurface(new Canvas(width, height).getGraphicsContext2D())));
    }

    private static int argb(Rgb colour) {
        return 0xff000000 | colour.r() << 16 | colour.g() << 8 | colour.b();
    }

    /// The colour at the middle of `box`, in an image drawn at `pixelScale`.
    private static int middleOf(BufferedImage image, DiagramLayout.Box box, double pixelScale) {
        return image.getRGB((int) ((box.x() + box.w() / 2) * pixelScale), (int) ((box.y() + box.h() / 2) * pixelScale));
    }

    @Test
    void starting_the_toolkit_again_is_harmless() {
        PngRenderer.startHeadlessIfNeeded();
        PngRenderer.startHeadlessIfNeeded();

        assertThat(Platform.isFxApplicationThread()).isFalse();
    }

    @Test
    void the_image_has_the_requested_size_times_the_pixel_scale() throws Exception {
        assertThat(PngRenderer.render(MODEL, 0, 1_000 * MS, STYLE, WIDTH, HEIGHT, 1))
                .extracting(BufferedImage::getWidth, BufferedImage::getHeight).containsExactly(WIDTH, HEIGHT);
        assertThat(PngRenderer.render(MODEL, 0, 1_000 * MS, STYLE, WIDTH, HEIGHT, 2))
                .extracting(BufferedImage::getWidth, BufferedImage::getHeight).containsExactly(2 * WIDTH, 2 * HEIGHT);
    }

    @Test
    void cpu_boxes_are_blue_and_io_boxes_red_where_the_layout_puts_them() throws Exception {
        DiagramLayout.Frame frame = frame(WIDTH, HEIGHT);
        assertThat(frame.boxes()).hasSize(4).allSatisfy(b -> assertThat(b.w()).isGreaterThan(200));

        for (double pixelScale : new double[] {1, 2}) {
            BufferedImage image = PngRenderer.render(MODEL, 0, 1_000 * MS, STYLE, WIDTH, HEIGHT, pixelScale);

            for (DiagramLayout.Box box : frame.boxes()) {
                assertThat(Integer.toHexString(middleOf(image, box, pixelScale)))
                        .as("%s box of lane %d at scale %s", box.state(), box.segment().lane(), pixelScale)
                        .isEqualTo(Integer.toHexString(argb(PALETTE.fill(box.state()))));
            }
        }
        assertThat(argb(PALETTE.fill(State.WORK))).isEqualTo(0xff2f6fdb);
        assertThat(argb(PALETTE.fill(State.IO_WAIT))).isEqualTo(0xffe0443e);
    }

    @Test
    void outside_the_boxes_the_background_shows() throws Exception {
        DiagramLayout.Frame frame = frame(WIDTH, HEIGHT);
        BufferedImage image = PngRenderer.render(MODEL, 0, 1_000 * MS, STYLE, WIDTH, HEIGHT, 1);

        assertThat(image.getRGB(2, 2)).isEqualTo(argb(PALETTE.background()));
        assertThat(image.getRGB(WIDTH - 2, HEIGHT - 2)).isEqualTo(argb(PALETTE.background()));
        DiagramLayout.LaneRow below = frame.rows().getLast();
        int emptyY = (int) (below.y() + below.height() + 20);
        assertThat(emptyY).isLessThan((int) frame.plot().bottom());
        assertThat(image.getRGB((int) frame.plot().x() + 137, emptyY)).isEqualTo(argb(PALETTE.background()));
    }

    @Test
    void the_dark_palette_draws_the_same_boxes_on_its_own_background() throws Exception {
        DiagramStyle dark = STYLE.withPalette(Palette.articleDark());
        DiagramLayout.Frame frame = frame(WIDTH, HEIGHT);

        BufferedImage image = PngRenderer.render(MODEL, 0, 1_000 * MS, dark, WIDTH, HEIGHT, 1);

        assertThat(image.getRGB(2, 2)).isEqualTo(argb(Palette.articleDark().background()));
        assertThat(middleOf(image, frame.boxes().getFirst(), 1)).isEqualTo(argb(Palette.articleDark().fill(State.WORK)));
    }

    @Test
    void rendering_on_the_fx_thread_itself_draws_at_once() throws Exception {
        BufferedImage image = onFx(() -> PngRenderer.render(MODEL, 0, 1_000 * MS, STYLE, 320, 200, 1));

        assertThat(image.getWidth()).isEqualTo(320);
        assertThat(image.getHeight()).isEqualTo(200);
    }

    @Test
    void a_written_png_reads_back_with_the_same_pixels_and_no_temporary_file() throws Exception {
        BufferedImage image = PngRenderer.render(MODEL, 0, 1_000 * MS, STYLE, WIDTH, HEIGHT, 1);
        Path file = dir.resolve("diagram.png");

        PngRenderer.write(image, file);

        BufferedImage back = ImageIO.read(file.toFile());
        assertThat(back.getWidth()).isEqualTo(WIDTH);
        assertThat(back.getHeight()).isEqualTo(HEIGHT);
        for (int y = 0; y < HEIGHT; y += 7) {
            for (int x = 0; x < WIDTH; x += 7) {
                assertThat(back.getRGB(x, y)).as("(%d, %d)", x, y).isEqualTo(image.getRGB(x, y));
            }
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.toList()).containsExactly(file);
        }
    }

    @Test
    void the_canvas_surface_measures_longer_and_larger_text_as_wider() throws Exception {
        double[] widths = onFx(() -> {
            FxSurface surface = new FxSurface(new Canvas(10, 10).getGraphicsContext2D());
            return new double[] {
                    surface.textWidth("pool-1", 12, false),
                    surface.textWidth("pool-1 and more", 12, false),
                    surface.textWidth("pool-1", 24, false),
                    surface.textWidth("", 12, false)};
        });

        assertThat(widths[0]).isPositive();
        assertThat(widths[1]).isGreaterThan(widths[0]);
        assertThat(widths[2]).isGreaterThan(widths[0]);
        assertThat(widths[3]).isZero();
    }
}
