package org.concurrencylab.render;

import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;
import org.concurrencylab.diagram.DiagramLayout;
import org.concurrencylab.diagram.DiagramPainter;
import org.concurrencylab.diagram.DiagramStyle;
import org.concurrencylab.diagram.TraceModel;

import java.util.List;
import java.util.function.Function;

/// A diagram drawn off screen into an image, with the window's painter: what the clipboard gets
/// and what the window exports.
///
/// Thread-safety: FX thread only.
public final class DiagramImage {
    private DiagramImage() {}

    /// Draws the part of `model` that `view` selects, from `startNanos` to `endNanos`, at
    /// `width` × `height` logical pixels and `pixelScale` device pixels per logical pixel.
    public static WritableImage draw(TraceModel model, long startNanos, long endNanos, DiagramStyle style,
                                     DiagramLayout.View view, double width, double height, double pixelScale) {
        return draw(width, height, pixelScale, text -> DiagramLayout.layout(model, List.of(), width, height, startNanos,
                endNanos, -1, style, text, view), style);
    }

    /// Draws the frame `layout` makes with the canvas's text measure.
    public static WritableImage draw(double width, double height, double pixelScale,
                                     Function<DiagramLayout.TextMeasure, DiagramLayout.Frame> layout,
                                     DiagramStyle style) {
        Canvas canvas = new Canvas(width, height);
        FxSurface surface = new FxSurface(canvas.getGraphicsContext2D());
        DiagramLayout.Frame frame = layout.apply(surface);
        DiagramPainter.paint(surface, frame, style);
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.TRANSPARENT);
        params.setTransform(Transform.scale(pixelScale, pixelScale));
        return canvas.snapshot(params, null);
    }
}
