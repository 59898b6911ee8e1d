package org.concurrencylab.racelab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/// The race lab's levels, in order. An index file lists the level files one per line (blank
/// lines and lines starting with `#` are skipped), so adding a level is adding its file and a
/// line. The built-in levels are on the class path under `org/concurrencylab/racelab/levels/`.
///
/// Thread-safety: immutable; the built-in catalogue is read once, on first use.
public final class LevelCatalogue {
    /// The index's file name, next to the level files.
    public static final String INDEX = "index.txt";
    private static final String RESOURCES = "/org/concurrencylab/racelab/levels/";

    private final List<Level> levels;

    private LevelCatalogue(List<Level> levels) {
        this.levels = List.copyOf(levels);
    }

    /// How to open a file of the catalogue by name: null when there is none.
    @FunctionalInterface
    interface Opener {
        InputStream open(String name) throws IOException;
    }

    private static final class BuiltIn {
        static final LevelCatalogue CATALOGUE = readBuiltIn();

        private static LevelCatalogue readBuiltIn() {
            try {
                return read(RESOURCES, name -> LevelCatalogue.class.getResourceAsStream(RESOURCES + name));
            } catch (IOException e) {
                throw new UncheckedIOException("the built-in race lab levels are broken: " + e.getMessage(), e);
            }
        }
    }

    /// The levels that come with the lab.
    ///
    /// @throws UncheckedIOException when a built-in level file is broken (the tests make sure none is)
    public static LevelCatalogue builtIn() {
        return BuiltIn.CATALOGUE;
    }

    /// The levels of the index and level files in `directory`.
    ///
    /// @throws LevelFormatException when the index or a level file is missing or wrong
    /// @throws IOException          when a file cannot be read
    public static LevelCatalogue read(Path directory) throws IOException {
        return read(directory + "/", name -> {
            try {
                return Files.newInputStream(directory.resolve(name));
            } catch (NoSuchFileException missing) {
                return null;
            }
        });
    }

    static LevelCatalogue read(String where, Opener opener) throws IOException {
        String index;
        try (InputStream in = opener.open(INDEX)) {
            if (in == null) throw new LevelFormatException(where + INDEX, "there is no level index");
            index = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Level> levels = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String[] lines = index.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String name = lines[i].strip();
            if (name.isEmpty() || name.startsWith("#")) continue;
            String at = where + INDEX;
            if (!name.endsWith(".json") || name.contains("/")) {
                throw new LevelFormatException(at, "line " + (i + 1) + ": \"" + name + "\" is not the name of a level file (name.json)");
            }
            if (!seen.add(name)) throw new LevelFormatException(at, "line " + (i + 1) + ": " + name + " is listed twice");
            try (InputStream in = opener.open(name)) {
                if (in == null) throw new LevelFormatException(at, "line " + (i + 1) + ": there is no level file " + name);
                levels.add(LevelReader.read(where + name, in));
            }
        }
        if (levels.isEmpty()) throw new LevelFormatException(where + INDEX, "the index lists no level");
        return new LevelCatalogue(levels);
    }

    /// Every level, in the order of the index.
    public List<Level> levels() {
        return levels;
    }

    /// The level `id`, if the catalogue has it.
    public Optional<Level> find(String id) {
        return levels.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    /// The level `id`.
    ///
    /// @throws IllegalArgumentException when there is none
    public Level level(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("there is no level " + id + " (the levels: "
                + String.join(", ", levels.stream().map(Level::id).toList()) + ")"));
    }

    /// The level's number, 1 for the first.
    ///
    /// @throws IllegalArgumentException when the level is not in this catalogue
    public int number(Level level) {
        int index = levels.indexOf(level);
        if (index < 0) throw new IllegalArgumentException("level " + level.id() + " is not in this catalogue");
        return index + 1;
    }

    /// The level after `level`, if it is not the last.
    public Optional<Level> next(Level level) {
        int number = number(level);
        return number < levels.size() ? Optional.of(levels.get(number)) : Optional.empty();
    }
}
