package org.concurrencylab.core.jvm;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/// Where the JDK's AOT caches (JEP 483, 514, 515) of the lab's JVMs live and what they are named
/// by: a folder of the user's cache (`$XDG_CACHE_HOME/concurrency-lab`, `~/.cache/concurrency-lab`,
/// else the temp folder), and a hash of the java, its options and every class-path jar's path,
/// size and time, so a new build or another java never maps a stale cache: it makes its own.
/// The JDK caches only jars: a class path with a folder on it (a development build, the tests)
/// has no cache.
///
/// Thread-safety: stateless.
public final class AotFiles {
    static final String SUFFIX = ".aot";

    private AotFiles() {}

    /// The cache file of a JVM started as `java options… -cp classPath`, named `prefix` + hash;
    /// empty if the class path holds a folder or no cache folder is writable.
    public static Optional<Path> cacheFile(String prefix, String java, List<String> options, String classPath) {
        List<Path> jars = jars(classPath);
        if (jars.isEmpty()) return Optional.empty();
        Optional<Path> dir = folder();
        if (dir.isEmpty()) return Optional.empty();
        Key key = new Key();
        try {
            key.add(java);
            key.add(System.getProperty("java.vm.version", ""));
            for (String option : options) key.add(option);
            key.add(classPath);
            for (Path jar : jars) {
                BasicFileAttributes attributes = Files.readAttributes(jar, BasicFileAttributes.class);
                key.add(jar.toAbsolutePath() + ":" + attributes.size() + ":" + attributes.lastModifiedTime().toMillis());
            }
            return Optional.of(dir.get().resolve(prefix + HexFormat.of().toHexDigits(key.value()) + SUFFIX));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /// A 64-bit name of what a cache was recorded for: two checksums of the JDK's zip package over
    /// the same text, each part ended by a zero byte. Not a defence against anyone, only a name
    /// that changes with what it names; a secure digest would load the JDK's security providers,
    /// about 40 ms of the launcher's start, before the window's JVM is even started.
    private static final class Key {
        private final CRC32 low = new CRC32();
        private final CRC32C high = new CRC32C();

        void add(String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            low.update(bytes);
            high.update(bytes);
            low.update(0);
            high.update(0);
        }

        long value() {
            return high.getValue() << 32 | low.getValue();
        }
    }

    /// The jars of `classPath` and of their manifests' `Class-Path`; empty if any entry is a folder
    /// (the JDK cannot cache those) or missing, or a manifest names what is not a jar here (a test
    /// runner's jar of `file:` URLs).
    public static List<Path> jars(String classPath) {
        List<Path> jars = new ArrayList<>();
        if (classPath == null || classPath.isBlank()) return jars;
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.isBlank()) continue;
            Path path = Path.of(entry);
            if (!Files.isRegularFile(path)) return List.of();
            jars.add(path);
            for (Path referenced : manifestClassPath(path)) {
                if (!Files.isRegularFile(referenced)) return List.of(); // a folder, or an entry read otherwise
                jars.add(referenced);
            }
        }
        return jars;
    }

    private static List<Path> manifestClassPath(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String value = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (value == null) return List.of();
            Path base = jar.toAbsolutePath().getParent();
            List<Path> referenced = new ArrayList<>();
            for (String entry : value.trim().split("\\s+")) {
                if (!entry.isBlank()) referenced.add(base.resolve(entry));
            }
            return referenced;
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /// `$XDG_CACHE_HOME/concurrency-lab` or `~/.cache/concurrency-lab`, else a folder in the temp dir.
    public static Optional<Path> folder() {
        List<Path> candidates = new ArrayList<>();
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) candidates.add(Path.of(xdg, "concurrency-lab"));
        String home = System.getProperty("user.home");
        if (home != null && !home.isBlank()) candidates.add(Path.of(home, ".cache", "concurrency-lab"));
        candidates.add(Path.of(System.getProperty("java.io.tmpdir"), "concurrency-lab-" + System.getProperty("user.name", "user")));
        for (Path dir : candidates) {
            try {
                Files.createDirectories(dir);
                if (Files.isWritable(dir)) return Optional.of(dir);
            } catch (IOException | SecurityException e) {
                // try the next one
            }
        }
        return Optional.empty();
    }

    /// Caches of other builds are stale: only `file`, the newest of those named `prefix`…, is kept.
    public static void removeOthers(Path file, String prefix) throws IOException {
        try (DirectoryStream<Path> caches = Files.newDirectoryStream(file.getParent(), prefix + "*" + SUFFIX)) {
            for (Path other : caches) {
                if (!other.equals(file)) Files.deleteIfExists(other);
            }
        }
    }

    /// Partial files (`prefix…aot.*.tmp…`) older than `millis`: left by a training run that was
    /// stopped, so no other app's training in progress.
    public static void removePartialsOlderThan(Path file, String prefix, long millis) {
        long before = System.currentTimeMillis() - millis;
        try (DirectoryStream<Path> partials = Files.newDirectoryStream(file.getParent(), prefix + "*" + SUFFIX + ".*.tmp*")) {
            for (Path partial : partials) {
                if (Files.getLastModifiedTime(partial).toMillis() < before) Files.deleteIfExists(partial);
            }
        } catch (IOException ignored) {
            // left for the next time
        }
    }

    /// Whether a partial file of `file` newer than `millis` exists whose trainer is alive: a
    /// training run is going on. A partial is named `file.PID.tmp` by the trainer that started
    /// it; one whose trainer is gone (stopped with the launcher by Ctrl+C, say) does not count,
    /// so the next launch trains again instead of waiting for it to age. It is not removed here:
    /// the JVM that records it may outlive the trainer; it is removed once it is old
    /// ([#removePartialsOlderThan]).
    public static boolean trainingUnderWay(Path file, long millis) {
        long after = System.currentTimeMillis() - millis;
        String prefix = file.getFileName() + ".";
        try (DirectoryStream<Path> partials = Files.newDirectoryStream(file.getParent(), file.getFileName() + ".*.tmp")) {
            for (Path partial : partials) {
                if (Files.getLastModifiedTime(partial).toMillis() < after) continue;
                if (trainerAlive(partial.getFileName().toString(), prefix)) return true;
            }
        } catch (IOException ignored) {
            // none readable: none under way
        }
        return false;
    }

    /// Whether the process the partial file `name` (`prefix` PID `.tmp`) names is alive; true
    /// when the name holds no number, as it cannot be told.
    static boolean trainerAlive(String name, String prefix) {
        String pid = name.substring(prefix.length(), name.length() - ".tmp".length());
        if (pid.isEmpty() || pid.length() > 18) return true;
        for (int i = 0; i < pid.length(); i++) {
            if (pid.charAt(i) < '0' || pid.charAt(i) > '9') return true;
        }
        Optional<ProcessHandle> trainer = ProcessHandle.of(Long.parseLong(pid));
        return trainer.isPresent() && trainer.get().isAlive();
    }

    /// `nice -n 19` where there is one: a training run uses only CPU time nothing else wants.
    public static List<String> lowestPriority() {
        for (String nice : List.of("/usr/bin/nice", "/bin/nice")) {
            if (Files.isExecutable(Path.of(nice))) return List.of(nice, "-n", "19");
        }
        return List.of();
    }

    /// The null device, where a training run's input comes from.
    public static File nullFile() {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        return new File(windows ? "NUL" : "/dev/null");
    }
}
