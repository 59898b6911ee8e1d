package org.concurrencylab.diagram;

/// How a diagram is dressed: sizes, what is shown around the plot. Immutable.
///
/// @param scale       multiplies every size (2 for presentation mode and the like)
/// @param title       drawn on top (empty: none)
/// @param caption     drawn under the title (empty: none)
/// @param showLegend  the state colours, on top
/// @param palette     the colours
/// @param compact     tight margins, the title and caption on one line, and no tick labels under
///                    the plot (a panel among many on one axis, whose labels are drawn once)
public record DiagramStyle(double scale, String title, String caption, boolean showLegend, Palette palette,
                           boolean compact) {
    public DiagramStyle {
        if (!(scale > 0)) throw new IllegalArgumentException("scale must be > 0");
        title = title == null ? "" : title;
        caption = caption == null ? "" : caption;
    }

    public DiagramStyle(double scale, String title, String caption, boolean showLegend, Palette palette) {
        this(scale, title, caption, showLegend, palette, false);
    }

    public static DiagramStyle screen(Palette palette) {
        return new DiagramStyle(1, "", "", true, palette);
    }

    public DiagramStyle withTitle(String newTitle, String newCaption) {
        return new DiagramStyle(scale, newTitle, newCaption, showLegend, palette, compact);
    }

    public DiagramStyle withScale(double newScale) {
        return new DiagramStyle(newScale, title, caption, showLegend, palette, compact);
    }

    public DiagramStyle withPalette(Palette newPalette) {
        return new DiagramStyle(scale, title, caption, showLegend, newPalette, compact);
    }

    /// This style, compact.
    public DiagramStyle compacted() {
        return new DiagramStyle(scale, title, caption, showLegend, palette, true);
    }

    double px(double base) {
        return base * scale;
    }
}
