package org.concurrencylab;

import org.concurrencylab.cli.Cli;
import org.concurrencylab.cli.Invocation;
import org.concurrencylab.core.jvm.LabCache;
import org.concurrencylab.core.jvm.LaunchOptions;
import org.concurrencylab.ui.shell.App;
import org.concurrencylab.ui.shell.Training;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/// The entry point: with a command (`run …`) the lab works headless; with none it opens the window.
/// A plain class, not an `Application`, so a classpath launch finds JavaFX on the class path.
///
/// The lab measures CPU-bound work, so it runs on the JVM settings that measure it fairly
/// ([#JVM_OPTIONS]). `mvn javafx:run`, the tests and the app image pass them; a plain
/// `java -jar` cannot, so then the launcher starts one child JVM with them and passes on its
/// exit code. Why: on a small machine G1 grows the young generation to gigabytes under the
/// sum-of-squares workload's allocation rate, so the first run of a JVM spends seconds in page
/// faults (measured: 4.4 s instead of 1.9 s for 20 numbers) and the numbers stop comparing.
/// The serial collector keeps the heap small and in cache; a fixed 384 MB young generation
/// lets 5,000 requests in flight come and go without a collection in the middle of the run
/// (measured: 1.4 s instead of 1.9 s for the event loop). The window runs on the parallel
/// collector with the same young generation instead: the serial collector's young pauses
/// (40–110 ms with a thousand pages in flight) are late frames in a live diagram; the parallel
/// collector's take half as long on two cores, and the sums of squares keep their speed (G1's
/// pauses are shorter still, but it made a fresh window's first synchronous sum 4.4 s instead of
/// 2.5 s; docs/MEASUREMENTS.md). Set `CONCURRENCY_LAB_NO_RELAUNCH`
/// to run in the JVM as started. The relaunched JVM maps the lab's AOT cache ([LabCache]) when
/// there is one; when there is none, the launcher has it recorded in the background for the next
/// launch.
///
/// The two JVMs live and die together. The launcher passes its pid ([#LAUNCHER_PROPERTY]); the
/// relaunched JVM watches it and exits as soon as it is gone, however it ended (a SIGKILL runs
/// no shutdown hook), and its exit kills its worker processes (which also watch their stdin).
/// The other way round, a launcher that is stopped (Ctrl+C, `kill`) stops the relaunched JVM and
/// waits for it, so a command still writes what it measured, and ends with its code.
public final class Main {
    /// The JVM options the lab is measured with.
    public static final List<String> JVM_OPTIONS = LabCache.JVM_OPTIONS;
    /// The system property that gives a relaunched JVM the pid of its launcher.
    public static final String LAUNCHER_PROPERTY = "concurrencylab.launcher";
    /// The exit code of a relaunched JVM whose launcher is gone (nobody reads it).
    static final int EXIT_LAUNCHER_GONE = 1;
    /// How often a relaunched JVM looks whether its launcher is alive.
    private static final long WATCH_MILLIS = 500;
    /// How long a stopped launcher waits for the relaunched JVM to write its partial result.
    private static final long CHILD_STOP_SECONDS = 60;

    private Main() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals(LabCache.TRAINER)) System.exit(recordCache());
        if (args.length == 1 && args[0].equals(LabCache.TRAIN)) {
            Training.run();
            return;
        }
        watchLauncher();
        if (mayRelaunch()) {
            LaunchOptions launch = LaunchOptions.current();
            if (!launch.serialCollector()) {
                Optional<Integer> code = relaunch(args, launch);
                if (code.isPresent()) System.exit(code.get());
            }
        }
        if (Invocation.isCommand(args)) {
            Cli.main(args);
        } else {
            App.main(args);
        }
    }

    private static boolean mayRelaunch() {
        return System.getenv("CONCURRENCY_LAB_NO_RELAUNCH") == null && !Boolean.getBoolean("concurrencylab.relaunched");
    }

    /// Runs the same main class in a child JVM with [#JVM_OPTIONS]; empty if that is not possible
    /// (then the lab runs here, as started).
    private static Optional<Integer> relaunch(String[] args, LaunchOptions launch) {
        Optional<String> java = ProcessHandle.current().info().command();
        String classPath = System.getProperty("java.class.path");
        if (java.isEmpty() || classPath == null || classPath.isEmpty()) return Optional.empty();
        List<String> command = new ArrayList<>();
        command.add(java.get());
        command.addAll(Invocation.isCommand(args) ? JVM_OPTIONS : LabCache.WINDOW_OPTIONS);
        for (String arg : launch.jvm()) {
            if (!LaunchOptions.choosesCollector(arg)) command.add(arg);
        }
        Optional<LabCache> cache = LabCache.of(java.get(), classPath);
        // no lambda before the child starts: the first one costs the launcher about 10 ms
        if (cache.isPresent()) command.addAll(cache.get().options());
        command.add("-Dconcurrencylab.relaunched=true");
        command.add("-D" + LAUNCHER_PROPERTY + "=" + ProcessHandle.current().pid());
        command.add("-cp");
        command.add(classPath);
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
            // the options these hold are on the child's command line already, less a collector
            // they choose: left in its environment, that one would clash with the lab's
            for (String variable : LaunchOptions.OPTION_VARIABLES) {
                if (System.getenv(variable) != null) builder.environment().remove(variable);
            }
            Process child = builder.start();
            cache.ifPresent(LabCache::trainInBackground);
            Thread stopChild = new Thread(() -> stop(child), "relaunched-stop");
            Runtime.getRuntime().addShutdownHook(stopChild);
            int code = child.waitFor();
            return Optional.of(code);
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /// In the trainer the launcher started: records the lab's AOT cache; 0 if it is in place.
    private static int recordCache() throws InterruptedException {
        Optional<String> java = ProcessHandle.current().info().command();
        String classPath = System.getProperty("java.class.path");
        if (java.isEmpty()) return 1;
        Optional<LabCache> cache = LabCache.of(java.get(), classPath);
        return cache.isPresent() ? cache.get().runTrainer() : 1;
    }

    /// The launcher is stopping: so is the relaunched JVM, which may first write what it measured.
    private static void stop(Process child) {
        child.destroy();
        try {
            if (!child.waitFor(CHILD_STOP_SECONDS, TimeUnit.SECONDS)) child.destroyForcibly();
        } catch (InterruptedException e) {
            child.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /// In a relaunched JVM: exits when the launcher named by [#LAUNCHER_PROPERTY] is gone.
    private static void watchLauncher() {
        String pid = System.getProperty(LAUNCHER_PROPERTY);
        if (pid == null) return;
        Optional<ProcessHandle> launcher;
        try {
            launcher = ProcessHandle.of(Long.parseLong(pid.strip()));
        } catch (NumberFormatException e) {
            return;
        }
        Thread.ofPlatform().daemon(true).name("launcher-watch").start(() -> {
            try {
                while (launcher.isPresent() && launcher.get().isAlive()) Thread.sleep(WATCH_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            Cli.launcherEnded();
            System.exit(EXIT_LAUNCHER_GONE);
        });
    }
}
