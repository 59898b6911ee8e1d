package org.concurrencylab.ui.common;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.concurrencylab.diagram.Palette;

/// How the window looks: the dark theme, the colour-blind-safe palette, presentation mode, and
/// the diagram palette they make together.
///
/// Thread-safety: FX thread only.
public final class Appearance {
    private final BooleanProperty dark = new SimpleBooleanProperty(false);
    private final BooleanProperty colorBlind = new SimpleBooleanProperty(false);
    private final BooleanProperty presentation = new SimpleBooleanProperty(false);
    private final ObjectBinding<Palette> palette = Bindings.createObjectBinding(
            () -> Palette.of(dark.get(), colorBlind.get()), dark, colorBlind);

    /// How much larger type and lanes are in presentation mode.
    public static final double PRESENTATION_SCALE = 1.6;

    public BooleanProperty darkProperty() { return dark; }

    /// The colour-blind-safe palette (blue and orange, waits hatched).
    public BooleanProperty colorBlindProperty() { return colorBlind; }

    /// Presentation mode: full screen, large type, thick lanes.
    public BooleanProperty presentationProperty() { return presentation; }

    /// The diagram's palette for the theme and colours chosen.
    public ObjectBinding<Palette> paletteBinding() { return palette; }
}
