package org.concurrencylab.render;

import javafx.geometry.VPos;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.paint.ImagePattern;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.concurrencylab.diagram.Rgb;
import org.concurrencylab.diagram.Surface;

import java.util.HashMap;
import java.util.Map;

/// A [Surface] on a JavaFX canvas: the window's diagram and the PNG files.
///
/// Thread-safety: FX thread only (like the `GraphicsContext` it wraps).
public final class FxSurface implements Surface {
    private static final String FAMILY = "System";

    private final GraphicsContext gc;
    private final Map<FontKey, Font> fonts = new HashMap<>();
    private final Map<Rgb, Color> colors = new HashMap<>();
    private final Map<HatchKey, ImagePattern> hatches = new HashMap<>();
    private final Text measurer = new Text();

    public FxSurface(GraphicsContext gc) {
        this.gc = gc;
        gc.setTextBaseline(VPos.BASELINE);
    }

    @Override
    public void fillRect(double x, double y, double w, double h, Rgb color) {
        gc.setFill(color(color));
        gc.fillRect(x, y, w, h);
    }

    @Override
    public void strokeRect(double x, double y, double w, double h, Rgb color, double lineWidth) {
        gc.setStroke(color(color));
        gc.setLineWidth(lineWidth);
        gc.strokeRect(x, y, w, h);
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Rgb color, double lineWidth) {
        gc.setStroke(color(color));
        gc.setLineWidth(lineWidth);
        gc.strokeLine(x1, y1, x2, y2);
    }

    @Override
    public void text(String text, double x, double y, double size, boolean bold, Align align, Rgb color) {
        gc.setFont(font(size, bold));
        gc.setFill(color(color));
        gc.setTextAlign(switch (align) {
            case LEFT -> TextAlignment.LEFT;
            case CENTER -> TextAlignment.CENTER;
            case RIGHT -> TextAlignment.RIGHT;
        });
        gc.fillText(text, x, y);
    }

    @Override
    public double textWidth(String text, double size, boolean bold) {
        measurer.setFont(font(size, bold));
        measurer.setText(text);
        return measurer.getLayoutBounds().getWidth();
    }

    /// One pattern fill instead of a line per stripe: the software renderer draws thousands of
    /// anti-aliased lines slowly, a repeated tile quickly.
    @Override
    public void fillHatched(double x, double y, double w, double h, Rgb base, Rgb stripe, double step, double lineWidth) {
        gc.setFill(hatches.computeIfAbsent(new HatchKey(base, stripe, step, lineWidth), this::hatchPattern));
        gc.fillRect(x, y, w, h);
    }

    private record HatchKey(Rgb base, Rgb stripe, double step, double lineWidth) {}

    private ImagePattern hatchPattern(HatchKey key) {
        int size = Math.max(2, (int) Math.round(key.step()));
        Canvas tile = new Canvas(size, size);
        GraphicsContext t = tile.getGraphicsContext2D();
        t.setFill(color(key.base()));
        t.fillRect(0, 0, size, size);
        t.setStroke(color(key.stripe()));
        t.setLineWidth(key.lineWidth());
        // the diagonal and its neighbours' corners, so that tiles join into unbroken stripes
        for (int k = -size; k <= size; k += size) t.strokeLine(k, size, k + size, 0);
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.TRANSPARENT);
        Image image = tile.snapshot(params, null);
        return new ImagePattern(image, 0, 0, size, size, false);
    }

    @Override
    public void pushClip(double x, double y, double w, double h) {
        gc.save();
        gc.beginPath();
        gc.rect(x, y, w, h);
        gc.closePath();
        gc.clip();
    }

    @Override
    public void popClip() {
        gc.restore();
    }

    private Font font(double size, boolean bold) {
        return fonts.computeIfAbsent(new FontKey(size, bold), k -> Font.font(FAMILY, bold ? FontWeight.BOLD : FontWeight.NORMAL, size));
    }

    private record FontKey(double size, boolean bold) {}

    private Color color(Rgb c) {
        return colors.computeIfAbsent(c, k -> Color.rgb(k.r(), k.g(), k.b(), k.alpha()));
    }
}
