package org.concurrencylab.core.jvm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/// The AOT cache of the lab's own JVM (JEP 483, 514, 515): classes loaded and linked, and method
/// profiles, so a teacher's first run and first window do not pay for class loading and cold
/// code. Measured on the 2-core machine: the window's first frame with Run enabled 1.6–2.0 s
/// after launch with the cache, 2.8–3.2 s without (docs/MEASUREMENTS.md).
///
/// The cache is recorded once per build and java, never timed: when the launcher finds none, it
/// starts a *trainer* in the background at the lowest CPU priority and goes on without it. The
/// trainer runs the training ([#TRAIN]: the window on JavaFX's headless platform, a run of each
/// model on the demo sites, a sum of squares) in a JVM that writes the cache to a partial file
/// at its exit, and moves it into place when it is complete; the next launch maps it. A stale
/// cache (another build or java) has another name and is never mapped; a cache that does not map
/// is ignored by the JVM, quietly ([#QUIET]). The trainer is bounded ([#TRAINING_SECONDS]) and
/// outlives a launcher that ends sooner, so short commands get a cache too.
///
/// Thread-safety: stateless apart from the files it writes, which are moved into place atomically.
public final class LabCache {
    /// The argument that makes the lab's main run the training (in the JVM that records).
    public static final String TRAIN = "--train-aot-cache";
    /// The argument that makes the lab's main a trainer: it runs the training and installs the cache.
    public static final String TRAINER = "--record-aot-cache";
    /// The longest a training may take before the trainer stops it.
    static final long TRAINING_SECONDS = 180;
    /// Keeps the JVM's own lines about the cache off stdout, where the command line writes its results.
    static final List<String> QUIET = List.of("-Xlog:aot=off", "-Xlog:cds=off");
    private static final String PREFIX = "lab-";
    /// The options of every lab JVM; the cache is made for these (why the collectors: `org.concurrencylab.Main`).
    private static final List<String> COMMON_OPTIONS = List.of("-Xmn384m", "--enable-native-access=ALL-UNNAMED");
    /// The JVM options the command line is measured with: the serial collector.
    public static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xmn384m", "--enable-native-access=ALL-UNNAMED");
    /// The JVM options of the window: the parallel collector, whose young collections stop a
    /// live diagram half as long as the serial one's on two cores, at the sums' speed.
    public static final List<String> WINDOW_OPTIONS = List.of("-XX:+UseParallelGC", "-Xmn384m", "--enable-native-access=ALL-UNNAMED");
    /// The lab's entry point, named as text: this layer does not depend on it.
    private static final String MAIN = "org.concurrencylab.Main";

    private final Path file;
    private final String java;
    private final List<String> options;
    private final String classPath;
    private final String mainClass;

    private LabCache(Path file, String java, List<String> options, String classPath, String mainClass) {
        this.file = file;
        this.java = java;
        this.options = List.copyOf(options);
        this.classPath = classPath;
        this.mainClass = mainClass;
    }

    /// The cache of the lab started as `java -cp classPath` with [#JVM_OPTIONS] or
    /// [#WINDOW_OPTIONS], if its class path allows one (jars only). One cache serves both: the two
    /// collectors lay out objects alike, and the JVM maps the cache with either (a cache it cannot
    /// map is ignored). It is recorded by the window's training, with the window's options.
    public static Optional<LabCache> of(String java, String classPath) {
        // no lambda: the launcher asks this before it starts the lab's JVM
        Optional<Path> file = AotFiles.cacheFile(PREFIX, java, COMMON_OPTIONS, classPath);
        return file.isEmpty() ? Optional.empty() : Optional.of(new LabCache(file.get(), java, WINDOW_OPTIONS, classPath, MAIN));
    }

    /// The same for a JVM with other options and main class.
    static Optional<LabCache> of(String java, List<String> options, String classPath, String mainClass) {
        return AotFiles.cacheFile(PREFIX, java, options, classPath)
                .map(file -> new LabCache(file, java, options, classPath, mainClass));
    }

    public Path file() {
        return file;
    }

    public boolean exists() {
        return Files.isRegularFile(file);
    }

    /// The options that map the cache, or none while it does not exist.
    public List<String> options() {
        if (!exists()) return List.of();
        List<String> mapping = new ArrayList<>(List.of("-XX:AOTCache=" + file));
        mapping.addAll(QUIET);
        return mapping;
    }

    /// Starts a trainer in the background unless the cache exists or a training is under way;
    /// true if one is under way now.
    public boolean trainInBackground() {
        if (exists()) return false;
        if (AotFiles.trainingUnderWay(file, TimeUnit.SECONDS.toMillis(TRAINING_SECONDS + 30))) return true;
        AotFiles.removePartialsOlderThan(file, PREFIX, TimeUnit.SECONDS.toMillis(TRAINING_SECONDS + 30));
        List<String> command = new ArrayList<>(AotFiles.lowestPriority());
        command.addAll(List.of(java, "-XX:TieredStopAtLevel=1", "-Xmx64m", "-cp", classPath, mainClass, TRAINER));
        try {
            new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(AotFiles.nullFile()))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return true;
        } catch (IOException e) {
            return false; // no cache: the lab starts as it did
        }
    }

    /// Waits up to `millis` for the cache, starting a trainer if none is under way; true if it exists.
    public boolean awaitCache(long millis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        if (!trainInBackground() && !exists()) return false;
        while (!exists() && System.nanoTime() < end) Thread.sleep(200);
        return exists();
    }

    /// In the trainer: runs the training in a JVM that records the cache into a partial file,
    /// then moves it into place. Returns 0 if the cache is in place.
    public int runTrainer() throws InterruptedException {
        if (exists()) return 0;
        Path partial = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        Path home;
        try {
            home = Files.createTempDirectory("concurrency-lab-training");
        } catch (IOException e) {
            return 1;
        }
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(options);
        command.add("-XX:AOTCacheOutput=" + partial);
        command.addAll(QUIET);
        command.addAll(List.of("-Dconcurrencylab.relaunched=true", "-cp", classPath, mainClass, TRAIN));
        try {
            Files.writeString(partial, ""); // marks the training as under way
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(AotFiles.nullFile()))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("CONCURRENCY_LAB_HOME", home.toString()); // the training's history is thrown away
            Process training = builder.start();
            if (!training.waitFor(TRAINING_SECONDS, TimeUnit.SECONDS)) {
                training.descendants().forEach(ProcessHandle::destroyForcibly);
                training.destroyForcibly();
                return 1;
            }
            if (training.exitValue() != 0 || Files.size(partial) == 0) return 1;
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            AotFiles.removeOthers(file, PREFIX);
            return 0;
        } catch (IOException e) {
            return 1;
        } finally {
            try {
                Files.deleteIfExists(partial);
                Files.deleteIfExists(partial.resolveSibling(partial.getFileName() + ".config"));
                deleteTree(home);
            } catch (IOException ignored) {
                // left in the temp folder
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(path);
        }
    }
}
