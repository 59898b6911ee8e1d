package org.concurrencylab.export;

import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.State;
import org.concurrencylab.diagram.DiagramLayout;
import org.concurrencylab.diagram.Palette;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.concurrencylab.export.ExportFixtures.MS;
import static org.concurrencylab.export.ExportFixtures.PLAIN_TEXT;
import static org.concurrencylab.export.ExportFixtures.boxRects;
import static org.concurrencylab.export.ExportFixtures.elements;
import static org.concurrencylab.export.ExportFixtures.number;
import static org.concurrencylab.export.ExportFixtures.parseXml;

/// The SVG writer with a plain text measure: well-formed XML, one `rect.seg` per box of the
/// frame at the box's place, clips that pair up, text escaped.
class DiagramSvgTest {
    @TempDir
    Path dir;

    private static DiagramPicture picture(RunResult run, ImageOptions options) {
        return DiagramPicture.of(run, options);
    }

    @Test
    void the_svg_is_well_formed_with_exactly_one_box_rect_per_box_of_the_frame_where_the_frame_puts_it() throws Exception {
        DiagramPicture picture = picture(ExportFixtures.processPool(), ImageOptions.defaults());
        DiagramLayout.Frame frame = picture.frame(PLAIN_TEXT);

        Document doc = parseXml(DiagramSvg.toSvg(picture, PLAIN_TEXT));

        List<Element> rects = boxRects(doc);
        // every segment of a lane is over a millisecond, several pixels here: one box each
        assertThat(frame.boxes()).hasSize(picture.model().segmentCount() - picture.model().taskOnlySegments().size());
        assertThat(rects).hasSize(frame.boxes().size());
        for (int i = 0; i < rects.size(); i++) {
            Element rect = rects.get(i);
            DiagramLayout.Box box = frame.boxes().get(i);
            double drawn = box.w() >= 4 ? box.w() - 1 : box.w();
            assertThat(number(rect, "x")).isCloseTo(box.x(), within(0.001));
            assertThat(number(rect, "y")).isCloseTo(box.y(), within(0.001));
            assertThat(number(rect, "width")).isCloseTo(drawn, within(0.001));
            assertThat(number(rect, "height")).isCloseTo(box.h(), within(0.001));
            assertThat(rect.getAttribute("data-state")).isEqualTo(box.state().name());
            assertThat(rect.getAttribute("data-lane")).isEqualTo(Integer.toString(box.segment().lane()));
            assertThat(rect.getAttribute("fill")).isEqualTo(Palette.articleLight().fill(box.state()).toHex());
        }
        // the background, two lane stripes... and legend swatches are rects too, but not boxes
        assertThat(elements(doc, "rect")).hasSizeGreaterThan(rects.size() + 3);
    }

    @Test
    void each_box_carries_its_task_and_a_tooltip_with_its_label_and_error() throws Exception {
        DiagramPicture picture = picture(ExportFixtures.processPool(), ImageOptions.defaults());

        Document doc = parseXml(DiagramSvg.toSvg(picture, PLAIN_TEXT));

        Element failed = boxRects(doc).stream().filter(r -> r.hasAttribute("data-failed")).findFirst().orElseThrow();
        assertThat(failed.getAttribute("data-task")).isEqualTo("2");
        assertThat(failed.getAttribute("data-state")).isEqualTo("IO_WAIT");
        assertThat(failed.getElementsByTagNameNS(DiagramSvg.NAMESPACE, "title").item(0).getTextContent())
                .isEqualTo("I/O wait · task 2 · 40 ms · http://127.0.0.1:8080/large · failed: HTTP 500 Internal Server Error");
        Element startup = boxRects(doc).stream().filter(r -> r.getAttribute("data-state").equals("STARTUP")).findFirst().orElseThrow();
        assertThat(startup.hasAttribute("data-task")).as("start-up belongs to no task").isFalse();
    }

    @Test
    void lane_names_and_labels_that_are_not_plain_text_are_escaped_and_read_back_as_written() throws Exception {
        DiagramPicture picture = picture(ExportFixtures.processPool(), ImageOptions.defaults());

        String svg = DiagramSvg.toSvg(picture, PLAIN_TEXT);
        Document doc = parseXml(svg);

        assertThat(svg).contains("process 1 &lt;pid 41&gt;", "process 2 &amp; co");
        assertThat(elements(doc, "text")).extracting(Element::getTextContent)
                .contains("process 1 <pid 41>", "process 2 & co", picture.style().title(), picture.style().caption());
        assertThat(boxRects(doc)).extracting(r -> r.getElementsByTagNameNS(DiagramSvg.NAMESPACE, "title").item(0).getTextContent())
                .anySatisfy(t -> assertThat(t).contains("parse /large \"quoted\", with a comma"));
    }

    @Test
    void characters_xml_cannot_hold_are_replaced_and_the_document_stays_well_formed() throws Exception {
        RunResult run = ExportFixtures.sumOfSquares();
        List<Segment> segments = new ArrayList<>(run.segments());
        segments.set(0, Segment.closed(0, 0, State.WORK, 0, 90 * MS, "bell \u0007 nul \u0000 lone \uD800 end"));
        RunResult odd = new RunResult(run.spec(), run.wallNanos(), run.tasks(), run.errors(), false, run.lanes(),
                segments, run.outcomes(), run.stats());

        Document doc = parseXml(DiagramSvg.toSvg(picture(odd, ImageOptions.defaults()), PLAIN_TEXT));

        assertThat(boxRects(doc).getFirst().getTextContent()).contains("bell \uFFFD nul \uFFFD lone \uFFFD end");
    }

    @Test
    void hatched_boxes_are_filled_with_one_pattern_per_colour_and_no_clip() throws Exception {
        ImageOptions colorBlind = ImageOptions.defaults().withColours(false, true);
        DiagramPicture picture = picture(ExportFixtures.processPool(), colorBlind);

        Document doc = parseXml(DiagramSvg.toSvg(picture, PLAIN_TEXT));

        assertThat(elements(doc, "clipPath")).isEmpty();
        List<Element> patterns = elements(doc, "pattern");
        assertThat(patterns).extracting(p -> p.getAttribute("id")).doesNotHaveDuplicates();
        // I/O and queued time are hatched in this palette: one pattern per stripe colour
        assertThat(patterns).hasSizeBetween(1, State.values().length);
        long hatchedBoxes = picture.frame(PLAIN_TEXT).boxes().stream()
                .filter(b -> Palette.colorBlindLight().isHatched(b.state()) && (b.w() >= 4 ? b.w() - 1 : b.w()) >= 3).count();
        long hatchedSwatches = picture.frame(PLAIN_TEXT).legend().stream()
                .filter(l -> Palette.colorBlindLight().isHatched(l.state())).count();
        long patternFills = elements(doc, "rect").stream().filter(r -> r.getAttribute("fill").startsWith("url(#hatch")).count();
        assertThat(hatchedBoxes).isPositive();
        assertThat(patternFills).isEqualTo(hatchedBoxes + hatchedSwatches);
        assertThat(boxRects(doc)).extracting(r -> r.getAttribute("fill"))
                .contains(Palette.colorBlindLight().fill(State.IO_WAIT).toHex());
    }

    @Test
    void the_view_box_is_the_layout_size_and_the_display_size_is_that_times_the_scale() throws Exception {
        ImageOptions options = ImageOptions.defaults().withWidth(1280).withAspect(ImageOptions.Aspect.WIDE).withScale(2)
                .withColours(true, false);
        DiagramPicture picture = picture(ExportFixtures.sumOfSquares(), options);

        Document doc = parseXml(DiagramSvg.toSvg(picture, PLAIN_TEXT));

        Element svg = doc.getDocumentElement();
        assertThat(svg.getLocalName()).isEqualTo("svg");
        assertThat(svg.getAttribute("viewBox")).isEqualTo("0 0 1280 720");
        assertThat(svg.getAttribute("width")).isEqualTo("2560");
        assertThat(svg.getAttribute("height")).isEqualTo("1440");
        assertThat(elements(doc, "title").getFirst().getTextContent()).isEqualTo("Sum of squares · Synchronous");
        assertThat(elements(doc, "desc").getFirst().getTextContent()).startsWith("3 numbers from 5,000,000");
        Element background = elements(doc, "rect").getFirst();
        assertThat(background.getAttribute("fill")).isEqualTo(Palette.articleDark().background().toHex());
        assertThat(number(background, "width")).isEqualTo(1280);
        assertThat(boxRects(doc)).hasSize(3).allSatisfy(r -> assertThat(r.getAttribute("data-state")).isEqualTo("WORK"));
    }

    @Test
    void text_carries_its_size_weight_and_alignment() throws Exception {
        Document doc = parseXml(DiagramSvg.toSvg(picture(ExportFixtures.sumOfSquares(), ImageOptions.defaults()), PLAIN_TEXT));

        Element title = elements(doc, "text").getFirst();
        assertThat(title.getAttribute("font-size")).isEqualTo("18");
        assertThat(title.getAttribute("font-weight")).isEqualTo("bold");
        assertThat(title.hasAttribute("text-anchor")).as("left is SVG's default").isFalse();
        Element laneName = elements(doc, "text").stream().filter(t -> t.getTextContent().equals("runner")).findFirst().orElseThrow();
        assertThat(laneName.getAttribute("text-anchor")).isEqualTo("end");
        assertThat(elements(doc, "text")).extracting(t -> t.getAttribute("text-anchor")).contains("middle");
    }

    @Test
    void sub_pixel_segments_become_slivers_marked_as_merged() throws Exception {
        RunResult run = ExportFixtures.sumOfSquares();
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            segments.add(Segment.closed(0, i, i % 2 == 0 ? State.WORK : State.IO_WAIT, i * 1_000L, (i + 1) * 1_000L, ""));
        }
        RunResult tiny = new RunResult(run.spec(), 270 * MS, 200, 0, false, run.lanes(), segments, List.of(), run.stats());
        DiagramPicture picture = picture(tiny, ImageOptions.defaults());

        Document doc = parseXml(DiagramSvg.toSvg(picture, PLAIN_TEXT));

        assertThat(boxRects(doc)).hasSize(picture.frame(PLAIN_TEXT).boxes().size());
        assertThat(boxRects(doc)).anySatisfy(r -> {
            assertThat(Integer.parseInt(r.getAttribute("data-merged"))).isGreaterThan(1);
            assertThat(r.getAttribute("data-state")).isEqualTo("WORK");
        });
    }

    @Test
    void numbers_have_at_most_three_decimals_and_no_exponent() {
        assertThat(SvgSurface.num(12)).isEqualTo("12");
        assertThat(SvgSurface.num(12.5)).isEqualTo("12.5");
        assertThat(SvgSurface.num(1.0 / 3)).isEqualTo("0.333");
        assertThat(SvgSurface.num(1e-7)).isEqualTo("0");
        assertThat(SvgSurface.num(-0.25)).isEqualTo("-0.25");
        assertThatThrownBy(() -> SvgSurface.num(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_written_file_equals_the_string_and_leaves_no_temporary_file() throws Exception {
        DiagramPicture picture = picture(ExportFixtures.processPool(), ImageOptions.defaults());
        Path file = dir.resolve("diagram.svg");
        Files.writeString(file, "old");

        DiagramSvg.write(picture, PLAIN_TEXT, file);

        assertThat(Files.readString(file)).isEqualTo(DiagramSvg.toSvg(picture, PLAIN_TEXT));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.toList()).containsExactly(file);
        }
    }

    @Test
    void a_failing_stream_fails_the_write_with_an_io_exception() {
        DiagramPicture picture = picture(ExportFixtures.processPool(), ImageOptions.defaults());
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }
        };

        assertThatThrownBy(() -> DiagramSvg.write(picture, PLAIN_TEXT, broken)).isInstanceOf(IOException.class)
                .hasStackTraceContaining("disk full");
    }
}
