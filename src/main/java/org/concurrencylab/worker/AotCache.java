package org.concurrencylab.worker;

import org.concurrencylab.core.jvm.AotFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/// The JDK's AOT cache (JEP 483, 514, 515) for worker processes: classes loaded and linked, and
/// method profiles, recorded by one training run and mapped by every child after it. Measured on
/// the 2-core machine: one child is ready (started and warm) in about 200 ms with it instead of
/// 265 ms, using 330 ms of CPU instead of 430 ms; two children starting together are both ready
/// after about 0.42 s.
///
/// The cache lives where [AotFiles] says, named by the java, the options and the jars, so a new
/// build never maps a stale cache; with a class folder on the path there is none. The training run ([WorkerMain#TRAIN]) runs
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
        return AotFiles.cacheFile(PREFIX, jvm.java(), jvm.options(), jvm.classPath()).map(AotCache::new);
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
        AotFiles.removePartialsOlderThan(file, PREFIX, 3_600_000L);
        Path partial = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid()
                + "-" + TRAININGS.incrementAndGet() + ".tmp");
        List<String> command = new ArrayList<>(AotFiles.lowestPriority());
        ChildJvm trainer = jvm.withOptions(List.of("-XX:AOTCacheOutput=" + partial)).withArgs(List.of(WorkerMain.TRAIN));
        command.addAll(trainer.command());
        try {
            Process process = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(AotFiles.nullFile()))
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
                AotFiles.removeOthers(file, PREFIX);
            } else if (process == training) {
                trainingFailed = true;
            }
            Files.deleteIfExists(partial);
            Files.deleteIfExists(partial.resolveSibling(partial.getFileName() + ".config"));
        } catch (IOException ignored) {
            // a cache that could not be installed: children start without it
        }
    }
}
