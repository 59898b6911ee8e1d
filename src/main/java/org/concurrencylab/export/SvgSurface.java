package org.concurrencylab.export;

import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.diagram.DiagramLayout;
import org.concurrencylab.diagram.Rgb;
import org.concurrencylab.diagram.Surface;
import org.concurrencylab.diagram.Ticks;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/// A [Surface] that writes SVG elements: rectangles, lines and text with their colours, font
/// sizes, weights and alignment, and a `<clipPath>` with a `<g>` for each clip. Every string goes
/// through the XML writer, so labels with `<`, `&` or quotes stay well-formed.
///
/// Boxes of the diagram announced with [#markBoxes] are written as `<rect class="seg">` with the
/// lane, task and state as `data-` attributes and a `<title>` (a tooltip in browsers), so they
/// can be told from the background, stripes and legend swatches.
///
/// Errors of the underlying writer are thrown as [UncheckedIOException] (a surface's methods
/// declare none).
///
/// Thread-safety: not thread-safe; one writer, one thread.
public final class SvgSurface implements Surface {
    /// The class of a rectangle that draws a box (one segment, or merged sub-pixel segments).
    public static final String BOX_CLASS = "seg";

    private final XMLStreamWriter xml;
    private final DiagramLayout.TextMeasure measure;
    private final Map<BoxKey, ArrayDeque<DiagramLayout.Box>> boxes = new HashMap<>();
    private int clipDepth;
    private final Map<Hatch, String> patterns = new HashMap<>();
    private int clips;

    /// A surface writing into `xml` inside an open `<svg>` element; `measure` answers
    /// [#textWidth] (the fonts the layout was computed with).
    public SvgSurface(XMLStreamWriter xml, DiagramLayout.TextMeasure measure) {
        this.xml = xml;
        this.measure = measure;
    }

    /// Announces the frame's boxes: a rectangle filled exactly where one of them is drawn is
    /// written as that box.
    public void markBoxes(Collection<DiagramLayout.Box> frameBoxes) {
        for (DiagramLayout.Box box : frameBoxes) {
            boxes.computeIfAbsent(new BoxKey(box.x(), box.y(), box.h()), k -> new ArrayDeque<>()).add(box);
        }
    }

    /// Boxes announced but not (yet) drawn.
    public int unmatchedBoxes() {
        return boxes.values().stream().mapToInt(ArrayDeque::size).sum();
    }

    @Override
    public void fillRect(double x, double y, double w, double h, Rgb color) {
        ArrayDeque<DiagramLayout.Box> candidates = boxes.get(new BoxKey(x, y, h));
        DiagramLayout.Box box = candidates == null ? null : candidates.poll();
        try {
            if (box == null) {
                xml.writeEmptyElement("rect");
                rect(x, y, w, h);
                fill(color);
            } else {
                xml.writeStartElement("rect");
                xml.writeAttribute("class", BOX_CLASS);
                Segment s = box.segment();
                xml.writeAttribute("data-state", box.state().name());
                xml.writeAttribute("data-lane", Integer.toString(s.lane()));
                if (box.merged() == 1 && s.task() != Segment.NO_TASK) xml.writeAttribute("data-task", Integer.toString(s.task()));
                if (box.merged() > 1) xml.writeAttribute("data-merged", Integer.toString(box.merged()));
                if (box.failed()) xml.writeAttribute("data-failed", "true");
                rect(x, y, w, h);
                fill(color);
                xml.writeStartElement("title");
                xml.writeCharacters(clean(tooltip(box)));
                xml.writeEndElement();
                xml.writeEndElement();
            }
            newline();
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    @Override
    public void strokeRect(double x, double y, double w, double h, Rgb color, double lineWidth) {
        try {
            xml.writeEmptyElement("rect");
            rect(x, y, w, h);
            xml.writeAttribute("fill", "none");
            stroke(color, lineWidth);
            newline();
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Rgb color, double lineWidth) {
        try {
            xml.writeEmptyElement("line");
            xml.writeAttribute("x1", num(x1));
            xml.writeAttribute("y1", num(y1));
            xml.writeAttribute("x2", num(x2));
            xml.writeAttribute("y2", num(y2));
            stroke(color, lineWidth);
            newline();
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    @Override
    public void text(String text, double x, double y, double size, boolean bold, Align align, Rgb color) {
        try {
            xml.writeStartElement("text");
            xml.writeAttribute("x", num(x));
            xml.writeAttribute("y", num(y));
            xml.writeAttribute("font-size", num(size));
            if (bold) xml.writeAttribute("font-weight", "bold");
            if (align != Align.LEFT) xml.writeAttribute("text-anchor", align == Align.CENTER ? "middle" : "end");
            fill(color);
            xml.writeCharacters(clean(text));
            xml.writeEndElement();
            newline();
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    /// The box in its base colour, then the stripes as one rectangle filled with a `<pattern>`
    /// (defined once per colour and spacing), rather than a line per stripe.
    @Override
    public void fillHatched(double x, double y, double w, double h, Rgb base, Rgb stripe, double step, double lineWidth) {
        fillRect(x, y, w, h, base);
        String id = patterns.computeIfAbsent(new Hatch(stripe, step, lineWidth), this::definePattern);
        try {
            xml.writeEmptyElement("rect");
            rect(x, y, w, h);
            xml.writeAttribute("fill", "url(#" + id + ")");
            newline();
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    private record Hatch(Rgb stripe, double step, double lineWidth) {}

    private String definePattern(Hatch hatch) {
        String id = "hatch" + (patterns.size() + 1);
        String k = num(hatch.step());
        try {
            xml.writeStartElement("defs");
            xml.writeStartElement("pattern");
            xml.writeAttribute("id", id);
            xml.writeAttribute("patternUnits", "userSpaceOnUse");
            xml.writeAttribute("width", k);
            xml.writeAttribute("height", k);
            xml.writeEmptyElement("path");
            // the diagonal and its neighbours' corners, so that tiles join into unbroken stripes
            xml.writeAttribute("d", "M-" + k + "," + k + " L0,0 M0," + k + " L" + k + ",0 M" + k + "," + k
                    + " L" + num(2 * hatch.step()) + ",0");
            stroke(hatch.stripe(), hatch.lineWidth());
            xml.writeEndElement();
            xml.writeEndElement();
            newline();
        } catch (XMLStreamException e) {
            throw failed(e);
        }
        return id;
    }

    @Override
    public double textWidth(String text, double size, boolean bold) {
        return measure.textWidth(text, size, bold);
    }

    @Override
    public void pushClip(double x, double y, double w, double h) {
        String id = "clip" + ++clips;
        try {
            xml.writeStartElement("clipPath");
            xml.writeAttribute("id", id);
            xml.writeEmptyElement("rect");
            rect(x, y, w, h);
            xml.writeEndElement();
            newline();
            xml.writeStartElement("g");
            xml.writeAttribute("clip-path", "url(#" + id + ")");
            newline();
            clipDepth++;
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    @Override
    public void popClip() {
        if (clipDepth == 0) throw new IllegalStateException("popClip without pushClip");
        try {
            xml.writeEndElement();
            newline();
            clipDepth--;
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    /// Clips pushed and not popped.
    public int openClips() {
        return clipDepth;
    }

    private void rect(double x, double y, double w, double h) throws XMLStreamException {
        xml.writeAttribute("x", num(x));
        xml.writeAttribute("y", num(y));
        xml.writeAttribute("width", num(w));
        xml.writeAttribute("height", num(h));
    }

    private void fill(Rgb color) throws XMLStreamException {
        xml.writeAttribute("fill", color.toHex());
        if (color.alpha() < 1) xml.writeAttribute("fill-opacity", num(color.alpha()));
    }

    private void stroke(Rgb color, double lineWidth) throws XMLStreamException {
        xml.writeAttribute("stroke", color.toHex());
        if (color.alpha() < 1) xml.writeAttribute("stroke-opacity", num(color.alpha()));
        xml.writeAttribute("stroke-width", num(lineWidth));
    }

    private void newline() throws XMLStreamException {
        xml.writeCharacters("\n");
    }

    /// What hovering a box shows: "CPU · task 3 · 12.5 ms · n = 5,000,000", or for merged
    /// slivers "CPU and 11 more segments in one pixel".
    static String tooltip(DiagramLayout.Box box) {
        Segment s = box.segment();
        if (box.merged() > 1) {
            return box.state().label() + " and " + (box.merged() - 1) + " more segment" + (box.merged() == 2 ? "" : "s")
                    + " in one pixel" + (box.failed() ? " (some failed)" : "");
        }
        StringBuilder text = new StringBuilder(s.state().label());
        if (s.task() != Segment.NO_TASK) text.append(" · task ").append(s.task());
        text.append(" · ").append(Ticks.duration(s.duration()));
        if (!s.label().isEmpty()) text.append(" · ").append(s.label());
        if (s.failed()) text.append(" · failed: ").append(s.error());
        return text.toString();
    }

    /// `value` with at most three decimals and no exponent, e.g. `12`, `12.5`, `0.333`.
    static String num(double value) {
        if (!Double.isFinite(value)) throw new IllegalArgumentException("not a finite coordinate: " + value);
        if (value == Math.rint(value) && Math.abs(value) < 1e15) return Long.toString((long) value);
        return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    /// `text` without the characters XML 1.0 cannot hold (control characters, lone surrogates).
    static String clean(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int n = Character.charCount(cp);
            boolean ok = cp == 0x9 || cp == 0xA || cp == 0xD || cp >= 0x20 && cp <= 0xD7FF
                    || cp >= 0xE000 && cp <= 0xFFFD || cp >= 0x10000 && cp <= 0x10FFFF;
            if (!ok && out == null) out = new StringBuilder(text.length()).append(text, 0, i);
            if (ok && out != null) out.appendCodePoint(cp);
            if (!ok) out.append('\uFFFD');
            i += n;
        }
        return out == null ? text : out.toString();
    }

    private static UncheckedIOException failed(XMLStreamException e) {
        return new UncheckedIOException(new IOException("could not write the SVG: " + e.getMessage(), e));
    }

    private record BoxKey(double x, double y, double h) {}
}
