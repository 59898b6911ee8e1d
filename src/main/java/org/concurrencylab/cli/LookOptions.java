package org.concurrencylab.cli;

import org.concurrencylab.diagram.Palette;
import picocli.CommandLine.Option;

import java.util.Locale;

/// How a picture looks, `--theme` and `--palette`: a picocli mixin shared by the picture options
/// of `run` and `export` ([OutputOptions]) and by `compare`.
final class LookOptions {
    @Option(names = "--theme", paramLabel = "T", converter = ThemeConverter.class,
            description = "light | dark (default: light)")
    Theme theme;

    @Option(names = "--palette", paramLabel = "P", converter = ColoursConverter.class,
            description = "article (blue CPU, red I/O) | colorblind (Okabe–Ito, waits hatched) (default: article)")
    Colours colours;

    enum Theme {
        LIGHT, DARK;

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    enum Colours {
        ARTICLE("article"), COLORBLIND("colorblind");

        private final String id;

        Colours(String id) {
            this.id = id;
        }

        String id() {
            return id;
        }
    }

    boolean dark() {
        return theme == Theme.DARK;
    }

    boolean colorBlind() {
        return colours == Colours.COLORBLIND;
    }

    /// The palette these options choose.
    Palette palette() {
        return Palette.of(dark(), colorBlind());
    }

    /// The first of these options given on the command line (`--theme` before `--palette`), or
    /// null if neither was.
    String given() {
        return theme != null ? "--theme" : colours != null ? "--palette" : null;
    }

    static final class ThemeConverter extends RunCommand.IdConverter<Theme> {
        ThemeConverter() {
            super("theme", Theme.values(), Theme::id);
        }
    }

    static final class ColoursConverter extends RunCommand.IdConverter<Colours> {
        ColoursConverter() {
            super("palette", Colours.values(), Colours::id);
        }
    }
}
