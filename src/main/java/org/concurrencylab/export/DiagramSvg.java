package org.concurrencylab.export;

import org.concurrencylab.diagram.DiagramLayout;
import org.concurrencylab.diagram.DiagramPainter;
import org.concurrencylab.diagram.DiagramStyle;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/// The diagram as an SVG file: laid out by [DiagramLayout] and drawn by [DiagramPainter] on an
/// [SvgSurface], exactly as the window and the PNG files are drawn on a canvas. With the canvas's
/// text measure the geometry equals the PNG's; the SVG's own text is then drawn in the viewer's
/// fonts, which may be a little wider or narrower than the canvas's.
///
/// The root has the picture's logical size as its `viewBox` and the size times the scale as its
/// `width` and `height`; the title and caption are also its `<title>` and `<desc>`.
///
/// Thread-safety: stateless; the measure decides which thread may call (a canvas's: the FX thread).
public final class DiagramSvg {
    public static final String NAMESPACE = "http://www.w3.org/2000/svg";
    /// The canvas draws with the platform's UI font; the same one where the viewer has it.
    public static final String FONT_FAMILY = "'Segoe UI', -apple-system, BlinkMacSystemFont, 'DejaVu Sans', sans-serif";

    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private DiagramSvg() {}

    /// Writes `picture` to `file` atomically, with text measured by `text`.
    public static void write(DiagramPicture picture, DiagramLayout.TextMeasure text, Path file) throws IOException {
        Exports.writeAtomically(file, out -> write(picture, text, out));
    }

    /// `picture` as an SVG document.
    public static String toSvg(DiagramPicture picture, DiagramLayout.TextMeasure text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            write(picture, text, bytes);
        } catch (IOException e) {
            throw new IllegalStateException("an SVG could not be written to memory", e);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /// Writes `picture` as an SVG document (UTF-8) to `out`, which is left open.
    public static void write(DiagramPicture picture, DiagramLayout.TextMeasure text, OutputStream out) throws IOException {
        DiagramLayout.Frame frame = picture.frame(text);
        DiagramStyle style = picture.style();
        ImageOptions.Size size = picture.size();
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("svg");
            xml.writeDefaultNamespace(NAMESPACE);
            xml.writeAttribute("version", "1.1");
            xml.writeAttribute("width", Integer.toString(size.pixelWidth()));
            xml.writeAttribute("height", Integer.toString(size.pixelHeight()));
            xml.writeAttribute("viewBox", "0 0 " + SvgSurface.num(frame.width()) + " " + SvgSurface.num(frame.height()));
            xml.writeAttribute("font-family", FONT_FAMILY);
            // a canvas ends its lines with square caps; SVG's default is butt
            xml.writeAttribute("stroke-linecap", "square");
            xml.writeCharacters("\n");
            if (!style.title().isEmpty()) element(xml, "title", style.title());
            if (!style.caption().isEmpty()) element(xml, "desc", style.caption());

            SvgSurface surface = new SvgSurface(xml, text);
            surface.markBoxes(frame.boxes());
            try {
                DiagramPainter.paint(surface, frame, style);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            if (surface.openClips() != 0) throw new IllegalStateException("the painter left " + surface.openClips() + " clips open");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("could not write the SVG: " + e.getMessage(), e);
        }
        out.flush();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(SvgSurface.clean(text));
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }
}
