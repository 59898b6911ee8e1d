package org.concurrencylab.worker;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/// The JDK's AOT cache (JEP 483, 514, 515) for worker processes: classes loaded and linked, and
/// method profiles, recorded by one training run and mapped by every child after it. Measured on
/// the 2-core machine: one child is ready (started and warm) in about 200 ms with it instead of
/// 265 ms, using 330 ms of CPU instead of 430 ms; two children starting together are both ready
/// after about 0.42 s.
///
/// The cache lives in `~/.cache/concurrency-lab/` (or `$XDG_CACHE_HOME`, else the temp folder),
/// named by a hash of the java, the options and every class-path jar's size and time, so a new
/// build never maps a stale cache. The JDK can cache only jars: with a class folder on the path
/// (a development build, the tests) there is no cache. The training run ([WorkerMain#TRAIN]) runs
/// once, in the background at the lowest CPU priority, so it does not slow the runs it overlaps
/// (it takes 3–6 s; a pool closed before it ends stops it, and the next pool starts it again); it
/// writes to a temporary file that is moved into place when complete.
///
/// Thread-safety: thread-safe (synchronized).
final class AotCache {
    private static final String PREFIX = "worker-";
    private static final String SUFFIX = ".aot";

    private final Path file;
    private Process training;
    /// Completes once the training run has ended and its cache, if any, is in place.
    private CompletableFuture<Void> installed;
    /// Set once the pool closed: no training starts after that.
    private boolean stopped;
    /// Numbers this JVM's training runs, so two never write the same partial file.
    private static final AtomicInteger TRAININGS = new AtomicInteger();
    private boolean trainingFailed;

    private AotCache(Path file) {
        this.file = file;
    }

    /// The cache for children started as `jvm`, if its class path allows one.
    static Optional<AotCache> forJvm(ChildJvm jvm) {
        List<Path> jars = jars(jvm.classPath());
        if (jars.isEmpty()) return Optional.empty();
        Optional<Path> dir = folder();
        if (dir.isEmpty()) return Optional.empty();
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            update(digest, jvm.java());
            update(digest, System.getProperty("java.vm.version", ""));
            for (String option : jvm.options()) update(digest, option);
            update(digest, jvm.classPath());
            for (Path jar : jars) {
                BasicFileAttributes attributes = Files.readAttributes(jar, BasicFileAttributes.class);
                update(digest, jar.toAbsolutePath() + ":" + attributes.size() + ":" + attributes.lastModifiedTime().toMillis());
            }
            String hash = HexFormat.of().formatHex(digest.digest(), 0, 8);
            return Optional.of(new AotCache(dir.get().resolve(PREFIX + hash + SUFFIX)));
        } catch (IOException | NoSuchAlgorithmException e) {
            return Optional.empty();
        }
    }

    Path file() {
        return file;
    }

    /// The options that map the cache, or none while it does not exist yet.
    synchronized List<String> options() {
        return Files.isRegularFile(file) ? List.of("-XX:AOTCache=" + file) : List.of();
    }

    /// Starts the training run in the background unless the cache exists, one is running, or one
    /// failed already (then children go on without a cache rather than try again and again).
    synchronized void trainIfMissing(ChildJvm jvm) {
        if (stopped || trainingFailed || Files.isRegularFile(file) || trainingInProgress()) return;
        removeStalePartials();
        Path partial = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid()
                + "-" + TRAININGS.incrementAndGet() + ".tmp");
        List<String> command = new ArrayList<>(lowestPriority());
        ChildJvm trainer = jvm.withOptions(List.of("-XX:AOTCacheOutput=" + partial)).withArgs(List.of(WorkerMain.TRAIN));
        command.addAll(trainer.command());
        try {
            Process process = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(nullFile()))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            training = process;
            installed = process.onExit().thenRun(() -> install(process, partial));
        } catch (IOException e) {
            // no training: children start without the cache
        }
    }

    /// Starts the training run if the cache is missing and waits up to `millis` for the cache;
    /// true if it exists.
    boolean trainAndWait(ChildJvm jvm, long millis) throws InterruptedException {
        CompletableFuture<Void> done;
        synchronized (this) {
            trainIfMissing(jvm);
            done = trainingInProgress() ? installed : null;
        }
        if (done != null) {
            try {
                done.get(millis, TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // no cache yet: the caller goes on without one
            }
        }
        synchronized (this) {
            return Files.isRegularFile(file);
        }
    }

    /// Stops a training run (and the JVM it starts to write the cache), if one is running.
    synchronized void stopTraining() {
        stopped = true;
        Process running = training;
        training = null;
        if (running != null) WorkerProcess.killTree(running.toHandle());
    }

    /// A training run is going on, or has exited and its cache is not installed yet.
    private boolean trainingInProgress() {
        return installed != null && !installed.isDone();
    }

    /// Forgets a cache that children could not start with.
    synchronized void discard() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the next build makes another one anyway
        }
    }

    private synchronized void install(Process process, Path partial) {
        try {
            if (process.exitValue() == 0 && Files.isRegularFile(partial)) {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                removeOthers();
            } else if (process == training) {
                trainingFailed = true;
            }
            Files.deleteIfExists(partial);
            Files.deleteIfExists(partial.resolveSibling(partial.getFileName() + ".config"));
        } catch (IOException ignored) {
            // a cache that could not be installed: children start without it
        }
    }

    /// Caches of other builds are stale: only the newest is kept.
    private void removeOthers() throws IOException {
        try (DirectoryStream<Path> caches = Files.newDirectoryStream(file.getParent(), PREFIX + "*" + SUFFIX)) {
            for (Path other : caches) {
                if (!other.equals(file)) Files.deleteIfExists(other);
            }
        }
    }

    /// Training runs stopped with their app (a closed pool kills its training run) leave partial
    /// files; an hour-old one is no other app's training in progress.
    private void removeStalePartials() {
        long hourAgo = System.currentTimeMillis() - 3_600_000L;
        try (DirectoryStream<Path> partials = Files.newDirectoryStream(file.getParent(), PREFIX + "*" + SUFFIX + ".*.tmp*")) {
            for (Path partial : partials) {
                if (Files.getLastModifiedTime(partial).toMillis() < hourAgo) Files.deleteIfExists(partial);
            }
        } catch (IOException ignored) {
            // left for the next time
        }
    }

    /// The jars of `classPath` and of their manifests' `Class-Path`; empty if any entry is a folder
    /// or missing (the JDK cannot cache those).
    static List<Path> jars(String classPath) {
        List<Path> jars = new ArrayList<>();
        if (classPath == null || classPath.isBlank()) return jars;
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.isBlank()) continue;
            Path path = Path.of(entry);
            if (!Files.isRegularFile(path)) return List.of();
            jars.add(path);
            for (Path referenced : manifestClassPath(path)) {
                if (Files.isDirectory(referenced)) return List.of();
                if (Files.isRegularFile(referenced)) jars.add(referenced);
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
    static Optional<Path> folder() {
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

    /// `nice -n 19` where there is one: the training run uses only CPU time nothing else wants.
    private static List<String> lowestPriority() {
        for (String nice : List.of("/usr/bin/nice", "/bin/nice")) {
            if (Files.isExecutable(Path.of(nice))) return List.of(nice, "-n", "19");
        }
        return List.of();
    }

    private static File nullFile() {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        return new File(windows ? "NUL" : "/dev/null");
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }
}
