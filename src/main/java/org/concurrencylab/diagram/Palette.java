package org.concurrencylab.diagram;

import org.concurrencylab.core.trace.State;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/// Every colour the diagram uses, in one place, so a theme or the colour-blind palette is one
/// switch and the legend always matches the boxes. Immutable.
///
/// @param name       shown in settings
/// @param dark       whether this is a dark theme
/// @param background canvas background
/// @param text       labels
/// @param mutedText  secondary labels (ticks, captions)
/// @param grid       vertical grid lines and lane separators
/// @param laneStripe every other lane's background
/// @param failMark   the ✕ on a failed segment
/// @param fills      per state
/// @param hatched    states drawn with diagonal hatching on top of their fill
public record Palette(String name, boolean dark, Rgb background, Rgb text, Rgb mutedText, Rgb grid,
                      Rgb laneStripe, Rgb failMark, Map<State, Rgb> fills, Set<State> hatched) {

    public Palette {
        fills = Map.copyOf(fills);
        hatched = Set.copyOf(hatched);
        for (State s : State.values()) {
            if (!fills.containsKey(s)) throw new IllegalArgumentException("no colour for " + s);
        }
    }

    /// The article's colours on a light background: blue CPU, red I/O.
    public static Palette articleLight() {
        return new Palette("Article (light)", false, Rgb.hex("#ffffff"), Rgb.hex("#1f2328"), Rgb.hex("#59636e"),
                Rgb.hex("#d8dee4"), Rgb.hex("#f6f8fa"), Rgb.hex("#6e0b0b"), articleFills(), Set.of(State.READY, State.LOCK_WAIT));
    }

    /// The article's colours on a dark background.
    public static Palette articleDark() {
        return new Palette("Article (dark)", true, Rgb.hex("#1b1d21"), Rgb.hex("#e6edf3"), Rgb.hex("#9198a1"),
                Rgb.hex("#3d444d"), Rgb.hex("#22252a"), Rgb.hex("#ff9b9b"), articleFills(), Set.of(State.READY, State.LOCK_WAIT));
    }

    /// Colour-blind safe (Okabe–Ito): blue CPU, orange I/O, purple lock waits; every wait is
    /// hatched as well, so the states differ in pattern and not only in hue.
    public static Palette colorBlindLight() {
        return new Palette("Colour-blind safe (light)", false, Rgb.hex("#ffffff"), Rgb.hex("#1f2328"), Rgb.hex("#59636e"),
                Rgb.hex("#d8dee4"), Rgb.hex("#f6f8fa"), Rgb.hex("#000000"), colorBlindFills(),
                Set.of(State.READY, State.PAUSED, State.IO_WAIT, State.LOCK_WAIT, State.QUEUED));
    }

    public static Palette colorBlindDark() {
        return new Palette("Colour-blind safe (dark)", true, Rgb.hex("#1b1d21"), Rgb.hex("#e6edf3"), Rgb.hex("#9198a1"),
                Rgb.hex("#3d444d"), Rgb.hex("#22252a"), Rgb.hex("#ffffff"), colorBlindFills(),
                Set.of(State.READY, State.PAUSED, State.IO_WAIT, State.LOCK_WAIT, State.QUEUED));
    }

    /// The palette for a theme and a colour scheme.
    public static Palette of(boolean dark, boolean colorBlind) {
        if (colorBlind) return dark ? colorBlindDark() : colorBlindLight();
        return dark ? articleDark() : articleLight();
    }

    private static Map<State, Rgb> colorBlindFills() {
        Map<State, Rgb> fills = new EnumMap<>(State.class);
        fills.put(State.WORK, Rgb.hex("#0072b2"));
        fills.put(State.READY, Rgb.hex("#56b4e9"));
        fills.put(State.PAUSED, Rgb.hex("#009e73"));
        fills.put(State.IO_WAIT, Rgb.hex("#e69f00"));
        fills.put(State.LOCK_WAIT, Rgb.hex("#cc79a7"));
        fills.put(State.STARTUP, Rgb.hex("#9aa0a6"));
        fills.put(State.QUEUED, Rgb.hex("#d5d9de"));
        return fills;
    }

    private static Map<State, Rgb> articleFills() {
        Map<State, Rgb> fills = new EnumMap<>(State.class);
        fills.put(State.WORK, Rgb.hex("#2f6fdb"));
        fills.put(State.READY, Rgb.hex("#a8c4f2"));
        fills.put(State.PAUSED, Rgb.hex("#8e6cc9"));
        fills.put(State.IO_WAIT, Rgb.hex("#e0443e"));
        fills.put(State.LOCK_WAIT, Rgb.hex("#f0a530"));
        fills.put(State.STARTUP, Rgb.hex("#9aa0a6"));
        fills.put(State.QUEUED, Rgb.hex("#d5d9de"));
        return fills;
    }

    public Rgb fill(State state) {
        return fills.get(state);
    }

    public boolean isHatched(State state) {
        return hatched.contains(state);
    }

    /// What `state`'s colour is called in words ("red", "orange, hatched"), for texts that point
    /// at the diagram: the article's red is orange in the colour-blind palette.
    public String colourName(State state) {
        String hue = switch (state) {
            case WORK -> "blue";
            case READY -> isHatched(State.IO_WAIT) ? "sky blue" : "pale blue";
            case PAUSED -> isHatched(State.IO_WAIT) ? "green" : "violet";
            case IO_WAIT -> isHatched(State.IO_WAIT) ? "orange" : "red";
            case LOCK_WAIT -> isHatched(State.IO_WAIT) ? "pink" : "amber";
            case STARTUP -> "grey";
            case QUEUED -> "light grey";
        };
        return isHatched(state) ? hue + ", hatched" : hue;
    }

    /// `text`, written with the article's colour words (blue, red, amber, pale blue, violet,
    /// grey), in this palette's words: "waits for the page (red)" reads "(orange, hatched)" in the
    /// colour-blind one.
    public String inWords(String text) {
        if (text == null || text.isEmpty() || !isHatched(State.IO_WAIT)) return text;
        String out = recolour(text, "amber(, hatched)?", State.LOCK_WAIT);
        out = recolour(out, "pale blue(, hatched)?", State.READY);
        out = recolour(out, "violet", State.PAUSED);
        return recolour(out, "red", State.IO_WAIT);
    }

    /// `text` with every word matching `article` (any case) named as `state`'s colour here, a
    /// capital kept where the sentence began with it ("Red: …" reads "Orange, hatched: …").
    private String recolour(String text, String article, State state) {
        String name = colourName(state);
        return Pattern.compile("\\b" + article + "\\b", Pattern.CASE_INSENSITIVE).matcher(text).replaceAll(m ->
                Matcher.quoteReplacement(Character.isUpperCase(m.group().charAt(0))
                        ? Character.toUpperCase(name.charAt(0)) + name.substring(1) : name));
    }
}
