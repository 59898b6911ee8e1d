package org.concurrencylab.export;

import org.concurrencylab.diagram.DiagramLayout;
import org.concurrencylab.diagram.DiagramStyle;
import org.concurrencylab.diagram.Palette;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/// How a diagram picture (PNG or SVG) is sized and coloured, chosen once and used by every
/// writer, so a PNG and an SVG made with the same options have the same geometry. Immutable.
///
/// The size is in logical pixels: the layout is computed at `width` × height, and a PNG has
/// `scale` device pixels per logical pixel (an SVG keeps its geometry and is displayed `scale`
/// times larger). The height is `height` if one is given, else follows the aspect: 16:9 or 4:3
/// of the width, or, for [Aspect#AUTO], what fits the lanes (a file) or the window's own shape.
///
/// @param width      logical width in pixels
/// @param height     logical height in pixels, or 0 to let the aspect decide
/// @param aspect     the shape when no height is given
/// @param scale      device pixels per logical pixel: 1, 2 or 4
/// @param dark       the dark theme
/// @param colorBlind the colour-blind safe palette (Okabe–Ito, waits hatched)
public record ImageOptions(int width, int height, Aspect aspect, int scale, boolean dark, boolean colorBlind) {
    /// The width of a file's picture unless one is given, and of a slide the window exports: a
    /// 16:9 slide is 1600 × 900, a 4:3 one 1600 × 1200, wherever it is made.
    public static final int DEFAULT_WIDTH = 1600;
    public static final int MIN_WIDTH = 320;
    public static final int MAX_WIDTH = 8192;
    public static final int MIN_HEIGHT = 200;
    public static final int MAX_HEIGHT = 8192;
    /// The largest side of a picture in device pixels (width or height times the scale).
    public static final int MAX_PIXELS = 16384;
    /// The most device pixels a PNG can have: the canvas snapshot fails beyond about 130 million.
    public static final long MAX_PIXEL_COUNT = 128_000_000L;

    /// The shape of a picture whose height is not given.
    public enum Aspect {
        /// Fits the lanes (files) or the window's own shape (the window).
        AUTO("auto", 0, 0),
        WIDE("16:9", 16, 9),
        STANDARD("4:3", 4, 3);

        private final String id;
        private final int across;
        private final int down;

        Aspect(String id, int across, int down) {
            this.id = id;
            this.across = across;
            this.down = down;
        }

        public String id() {
            return id;
        }

        public static Optional<Aspect> byId(String id) {
            return Arrays.stream(values()).filter(a -> a.id.equalsIgnoreCase(id.strip())).findFirst();
        }

        /// "auto, 16:9, 4:3".
        public static String ids() {
            return Arrays.stream(values()).map(Aspect::id).collect(Collectors.joining(", "));
        }
    }

    /// A picture's size in logical pixels, and in device pixels at the options' scale.
    public record Size(int width, int height, int scale) {
        public int pixelWidth() {
            return width * scale;
        }

        public int pixelHeight() {
            return height * scale;
        }

        public long pixelCount() {
            return (long) pixelWidth() * pixelHeight();
        }

        /// Whether a PNG of this size can be drawn (at most [ImageOptions#MAX_PIXEL_COUNT] pixels).
        public boolean fitsPng() {
            return pixelCount() <= MAX_PIXEL_COUNT;
        }
    }

    public ImageOptions {
        if (aspect == null) throw new IllegalArgumentException("no aspect");
        if (width < 1) throw new IllegalArgumentException("the width must be positive, was " + width);
        if (height < 0) throw new IllegalArgumentException("the height must be positive, was " + height);
        if (height > 0 && aspect != Aspect.AUTO) {
            throw new IllegalArgumentException("a height and the aspect " + aspect.id() + " both set the height; give one");
        }
        if (scale != 1 && scale != 2 && scale != 4) throw new IllegalArgumentException("the scale must be 1, 2 or 4, was " + scale);
    }

    /// 1600 pixels wide, as high as the lanes need, at scale 1, light, the article's colours.
    public static ImageOptions defaults() {
        return new ImageOptions(DEFAULT_WIDTH, 0, Aspect.AUTO, 1, false, false);
    }

    public ImageOptions withWidth(int newWidth) {
        return new ImageOptions(newWidth, height, aspect, scale, dark, colorBlind);
    }

    /// A fixed height (0: let the aspect decide); the aspect becomes [Aspect#AUTO] if one is given.
    public ImageOptions withHeight(int newHeight) {
        return new ImageOptions(width, newHeight, newHeight > 0 ? Aspect.AUTO : aspect, scale, dark, colorBlind);
    }

    /// A shape; a fixed aspect drops any fixed height.
    public ImageOptions withAspect(Aspect newAspect) {
        return new ImageOptions(width, newAspect == Aspect.AUTO ? height : 0, newAspect, scale, dark, colorBlind);
    }

    public ImageOptions withScale(int newScale) {
        return new ImageOptions(width, height, aspect, newScale, dark, colorBlind);
    }

    public ImageOptions withColours(boolean newDark, boolean newColorBlind) {
        return new ImageOptions(width, height, aspect, scale, newDark, newColorBlind);
    }

    /// The height for this width: the given one, the aspect's, else `autoHeight` (what fits the
    /// lanes for a file, the window's height for the window).
    public int heightFor(int autoHeight) {
        if (height > 0) return height;
        return switch (aspect) {
            case AUTO -> autoHeight;
            case WIDE, STANDARD -> (int) Math.round((double) width * aspect.down / aspect.across);
        };
    }

    /// The size of a file's picture of `lanes` lanes drawn in `style`.
    public Size size(int lanes, DiagramStyle style) {
        return new Size(width, heightFor(DiagramLayout.fittingHeight(lanes, style)), scale);
    }

    /// The theme and colour scheme as one palette.
    public Palette palette() {
        return Palette.of(dark, colorBlind);
    }
}
