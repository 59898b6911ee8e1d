package org.concurrencylab.export;

import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.diagram.Captions;
import org.concurrencylab.diagram.DiagramLayout;
import org.concurrencylab.diagram.DiagramStyle;
import org.concurrencylab.diagram.TimeScale;
import org.concurrencylab.diagram.TraceModel;

import java.util.List;

/// What a file of a finished run's diagram shows: the whole run with its title, caption and
/// legend, in the options' colours and size. The PNG and the SVG writers lay it out with the
/// same [DiagramLayout] and paint it with the same painter, so both show the same picture.
///
/// Thread-safety: the model is only read; a picture may be handed to another thread (the FX
/// thread) once built.
///
/// @param model      the run's lanes and segments
/// @param startNanos the left edge of the time axis
/// @param endNanos   the right edge: the wall time and a little room
/// @param style      title, caption, legend, palette
/// @param size       logical and device pixels
public record DiagramPicture(TraceModel model, long startNanos, long endNanos, DiagramStyle style, ImageOptions.Size size) {

    public static DiagramPicture of(RunResult result, ImageOptions options) {
        TraceModel model = TraceModel.of(result.lanes(), result.segments());
        long end = Math.max(TimeScale.roundUpSpan(result.wallNanos()) / 20, result.wallNanos());
        long span = Math.max(1, (long) (end * 1.02));
        DiagramStyle style = DiagramStyle.screen(options.palette())
                .withTitle(Captions.title(result.spec()), Captions.caption(result));
        return new DiagramPicture(model, 0, span, style, options.size(model.lanes().size(), style));
    }

    /// The picture's geometry, with text measured by `text` (the canvas's fonts, so that it
    /// matches a PNG to the pixel).
    public DiagramLayout.Frame frame(DiagramLayout.TextMeasure text) {
        // a picture of fixed shape (a 16:9 slide of five lanes) lets its lanes grow to fill it
        return DiagramLayout.layout(model, List.of(), size.width(), size.height(), startNanos, endNanos, -1, style, text,
                DiagramLayout.View.ALL.withMaxRow(DiagramLayout.View.FILLING_ROW));
    }
}
