package org.concurrencylab.render;

import org.concurrencylab.core.run.RunParams;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.RunEngine;
import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.WorkloadKind;
import org.concurrencylab.diagram.DiagramLayout;
import org.concurrencylab.diagram.Palette;
import org.concurrencylab.diagram.Rgb;
import org.concurrencylab.export.DiagramPicture;
import org.concurrencylab.export.DiagramSvg;
import org.concurrencylab.export.ExportFixtures;
import org.concurrencylab.export.ImageOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.concurrencylab.export.ExportFixtures.boxRects;
import static org.concurrencylab.export.ExportFixtures.number;

/// An SVG laid out with the canvas's text measure has the PNG's geometry: every box rectangle
/// of the SVG is where the PNG has that box's colour, at every scale.
@Timeout(60)
class SvgMatchesPngTest {
    private static RunResult download;

    @BeforeAll
    static void runOnce() throws Exception {
        PngRenderer.startHeadlessIfNeeded();
        RunSpec spec = RunSpec.defaults(WorkloadKind.DOWNLOAD, ModelKind.THREADS).withWorkers(3).withTasks(9)
                .with(RunParams.LATENCY_MS, 20).withWarmup(false);
        try (RunEngine engine = new RunEngine()) {
            download = engine.start(spec).result().get(30, TimeUnit.SECONDS);
        }
    }

    private static int argb(Rgb colour) {
        return 0xff000000 | colour.r() << 16 | colour.g() << 8 | colour.b();
    }

    private static Document svg(DiagramPicture picture) throws Exception {
        return ExportFixtures.parseXml(PngRenderer.withCanvasText(text -> DiagramSvg.toSvg(picture, text)));
    }

    /// Asserts that each box rect of `svg` has the colour of its box in `png`, in its middle and
    /// just inside its left and right edges, and the frame's geometry.
    private static void assertSameGeometry(Document svg, BufferedImage png, DiagramPicture picture) throws Exception {
        DiagramLayout.Frame frame = PngRenderer.withCanvasText(picture::frame);
        Palette palette = picture.style().palette();
        int scale = picture.size().scale();
        List<Element> rects = boxRects(svg);
        assertThat(rects).hasSize(frame.boxes().size());
        int checked = 0;
        for (int i = 0; i < rects.size(); i++) {
            Element rect = rects.get(i);
            DiagramLayout.Box box = frame.boxes().get(i);
            double x = number(rect, "x");
            double w = number(rect, "width");
            double y = number(rect, "y");
            double h = number(rect, "height");
            assertThat(x).isCloseTo(box.x(), within(0.001));
            assertThat(y).isCloseTo(box.y(), within(0.001));
            assertThat(h).isCloseTo(box.h(), within(0.001));
            if (w < 6 || palette.isHatched(box.state())) continue;
            int expected = argb(palette.fill(box.state()));
            int py = (int) ((y + h / 2) * scale);
            for (double px : new double[] {x + 1.5, x + w / 2, x + w - 1.5}) {
                if (drawnOverLater(frame, i, px)) continue;
                assertThat(Integer.toHexString(png.getRGB((int) (px * scale), py)))
                        .as("%s box %d at x=%.1f of %s", box.state(), i, px, rect.getAttribute("data-lane"))
                        .isEqualTo(Integer.toHexString(expected));
            }
            checked++;
        }
        assertThat(checked).as("boxes wide enough to check").isGreaterThanOrEqualTo(9);
    }

    /// Whether a box drawn after box `i` (a sliver of merged short segments) covers `x` on its row.
    private static boolean drawnOverLater(DiagramLayout.Frame frame, int i, double x) {
        DiagramLayout.Box box = frame.boxes().get(i);
        return frame.boxes().subList(i + 1, frame.boxes().size()).stream()
                .anyMatch(later -> later.y() == box.y() && x >= later.x() - 1 && x <= later.x() + later.w() + 1);
    }

    @Test
    void the_svg_boxes_are_where_the_png_draws_them() throws Exception {
        DiagramPicture picture = DiagramPicture.of(download, ImageOptions.defaults().withWidth(1200));

        BufferedImage png = PngRenderer.render(picture);

        assertThat(png.getWidth()).isEqualTo(1200);
        assertThat(png.getHeight()).isEqualTo(picture.size().height());
        assertSameGeometry(svg(picture), png, picture);
    }

    @Test
    void at_scale_two_on_a_dark_wide_picture_too() throws Exception {
        ImageOptions options = ImageOptions.defaults().withWidth(960).withAspect(ImageOptions.Aspect.WIDE).withScale(2)
                .withColours(true, false);
        DiagramPicture picture = DiagramPicture.of(download, options);

        BufferedImage png = PngRenderer.render(picture);
        Document svg = svg(picture);

        assertThat(png.getWidth()).isEqualTo(1920);
        assertThat(png.getHeight()).isEqualTo(1080);
        assertThat(svg.getDocumentElement().getAttribute("width")).isEqualTo("1920");
        assertThat(svg.getDocumentElement().getAttribute("viewBox")).isEqualTo("0 0 960 540");
        assertThat(png.getRGB(3, 3)).isEqualTo(argb(Palette.articleDark().background()));
        assertSameGeometry(svg, png, picture);
    }

    @Test
    void a_picture_too_big_for_a_png_fails_with_a_message_saying_how_big() {
        DiagramPicture fitting = DiagramPicture.of(download, ImageOptions.defaults());
        DiagramPicture huge = new DiagramPicture(fitting.model(), fitting.startNanos(), fitting.endNanos(), fitting.style(),
                new ImageOptions.Size(4096, 2304, 4));

        assertThatThrownBy(() -> PngRenderer.render(huge)).isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("16,384 × 9,216 pixels");
    }

    @Test
    void the_lane_names_sit_where_the_canvas_measured_room_for_them() throws Exception {
        DiagramPicture picture = DiagramPicture.of(download, ImageOptions.defaults());
        DiagramLayout.Frame frame = PngRenderer.withCanvasText(picture::frame);

        Document svg = svg(picture);

        List<Element> names = ExportFixtures.elements(svg, "text").stream()
                .filter(t -> t.getTextContent().startsWith("pool-")).toList();
        assertThat(names).hasSize(3).allSatisfy(t -> {
            assertThat(number(t, "x")).isCloseTo(frame.plot().x() - 8, within(0.001));
            assertThat(t.getAttribute("text-anchor")).isEqualTo("end");
        });
    }
}
