package org.concurrencylab.cli;

import org.concurrencylab.core.jvm.LabCache;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/// A bench case in a new process, started as a user starts the lab: the first run of a teacher
/// in front of a class, cold JIT and all. The child runs `bench --case NAME --repeat 1 --wall-only`
/// and prints the run's wall time; the time from starting the process to its exit (JVM start, the
/// relaunch, demo sites, the untimed warm-up, the run) is measured here. The window's start-up is
/// measured the same way, to its first frame with Run enabled.
///
/// Thread-safety: stateless.
final class FreshBench {
    /// The lab's entry point, named as text: the command line does not depend on it.
    private static final String MAIN = "org.concurrencylab.Main";
    private static final long TIMEOUT_SECONDS = 300;
    /// The window's property that makes it say when it is ready (`ui.shell.FirstFrame`).
    private static final String FIRST_FRAME = "concurrencylab.firstFrame";
    /// The window's property that makes it time its pulses during live runs (`ui.shell.PulseWatch`).
    private static final String PULSE_WATCH = "concurrencylab.pulseWatch";
    /// The launcher's pid, which a relaunched JVM watches: not for a fresh process of its own.
    private static final String LAUNCHER = "concurrencylab.launcher";

    private FreshBench() {}

    /// One fresh run: the run's wall time and the process's, in seconds.
    record Sample(double wallSeconds, double processSeconds) {}

    /// Runs case `name` once in a new process; empty with the reason added to `problems` if it
    /// could not (no java to start, the child failed or printed no number).
    static Optional<Sample> run(String name, List<String> problems) throws InterruptedException {
        Optional<Finished> finished = start(List.of(), List.of("bench", "--case", name, "--repeat", "1", "--wall-only"), problems);
        if (finished.isEmpty()) return Optional.empty();
        String out = finished.get().out();
        try {
            return Optional.of(new Sample(Double.parseDouble(out), finished.get().seconds()));
        } catch (NumberFormatException e) {
            problems.add("the fresh JVM printed no wall time: " + Cli.oneLine(out));
            return Optional.empty();
        }
    }

    /// Opens the window in a new process and returns the seconds from starting it to the window's
    /// first frame with Run enabled (the window says so on stdout, then closes); empty with the
    /// reason added to `problems` if it could not.
    static Optional<Double> firstFrame(List<String> problems) throws InterruptedException {
        Optional<Finished> finished = start(List.of("-D" + FIRST_FRAME + "=exit"), List.of(), problems);
        if (finished.isEmpty()) return Optional.empty();
        if (finished.get().firstLineSeconds() < 0) {
            problems.add("the window did not say it was ready: " + Cli.oneLine(finished.get().out()));
            return Optional.empty();
        }
        return Optional.of(finished.get().firstLineSeconds());
    }

    /// One live run in the window: its model, the longest gap between two pulses (ms), the gaps
    /// over 50 ms, the pulses, the run's failed tasks (-1: the run failed), the window thread's own
    /// CPU time within the longest gap (ms).
    record LiveRun(String model, double longestGapMs, int lateGaps, int pulses, int errors, double longestGapCpuMs) {}

    /// Opens the window in a new process that runs 5,000 downloads live `times` times on the event
    /// loop and on virtual threads and times its pulses (`ui.shell.PulseWatch`); empty with the
    /// reason added to `problems` if it could not.
    static Optional<List<LiveRun>> livePulses(int times, List<String> problems) throws InterruptedException {
        Optional<Finished> finished = start(List.of("-D" + PULSE_WATCH + "=" + times), List.of(), problems);
        if (finished.isEmpty()) return Optional.empty();
        List<LiveRun> runs = new ArrayList<>();
        for (String line : finished.get().out().lines().filter(l -> l.startsWith("pulses ")).toList()) {
            String[] f = line.split(" ");
            try {
                runs.add(new LiveRun(f[1], Double.parseDouble(f[2]), Integer.parseInt(f[3]), Integer.parseInt(f[4]),
                        Integer.parseInt(f[5]), Double.parseDouble(f[6])));
            } catch (RuntimeException e) {
                problems.add("the window printed an unreadable line: " + Cli.oneLine(line));
                return Optional.empty();
            }
        }
        if (runs.size() != 2 * times) {
            problems.add("the window reported " + runs.size() + " of " + 2 * times + " runs: " + Cli.oneLine(finished.get().out()));
            return Optional.empty();
        }
        return Optional.of(runs);
    }

    /// Waits for the lab's AOT cache, recorded once and untimed, as a user's second launch finds it;
    /// false with the reason in `problems` if it could not be made.
    private static boolean cacheReady(String java, String classPath, List<String> problems) throws InterruptedException {
        Optional<LabCache> cache = LabCache.of(java, classPath);
        if (cache.isEmpty() || cache.get().exists()) return true;
        if (cache.get().awaitCache(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS))) return true;
        problems.add("the lab's AOT cache could not be recorded in " + cache.get().file().getParent());
        return false;
    }

    /// What a finished process printed, how long it took, and when its first line of `out` came.
    private record Finished(String out, double seconds, double firstLineSeconds) {}

    /// Starts the lab in a new process as a user does — `java -jar` when this JVM runs from the
    /// lab's jar (so it relaunches itself with its JVM options and AOT cache), else the same java,
    /// class path and options as this one — with `properties` and `args`, and waits for it.
    private static Optional<Finished> start(List<String> properties, List<String> args, List<String> problems)
            throws InterruptedException {
        Optional<String> java = ProcessHandle.current().info().command();
        String classPath = System.getProperty("java.class.path");
        if (java.isEmpty() || classPath == null || classPath.isEmpty()) {
            problems.add("cannot tell which java and class path started this JVM");
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(java.get());
        boolean jar = !classPath.contains(File.pathSeparator) && classPath.endsWith(".jar");
        if (!jar) {
            // the window gets its own collector, as the launcher gives it
            boolean window = args.isEmpty();
            if (window) command.addAll(LabCache.WINDOW_OPTIONS);
            for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
                boolean collector = arg.startsWith("-XX:+Use") && arg.endsWith("GC");
                if (!arg.startsWith("-agentlib") && !arg.startsWith("-javaagent") && !arg.startsWith("-D" + LAUNCHER)
                        && !arg.startsWith("-Dconcurrencylab.relaunched") && !(window && collector)) {
                    command.add(arg);
                }
            }
        }
        if (jar && !cacheReady(java.get(), classPath, problems)) return Optional.empty();
        command.addAll(properties);
        command.addAll(jar ? List.of("-jar", classPath) : List.of("-cp", classPath, MAIN));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        if (!jar) builder.environment().put("CONCURRENCY_LAB_NO_RELAUNCH", "1");
        else builder.environment().remove("CONCURRENCY_LAB_NO_RELAUNCH");
        long started = System.nanoTime();
        Process child;
        try {
            child = builder.start();
        } catch (IOException e) {
            problems.add("could not start a JVM: " + Cli.oneLine(e.getMessage()));
            return Optional.empty();
        }
        // a child that hangs is ended, so its output ends too and the bench goes on
        AtomicBoolean timedOut = new AtomicBoolean();
        Thread.ofVirtual().name("fresh-jvm-limit").start(() -> {
            try {
                if (child.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) return;
                timedOut.set(true);
                child.descendants().forEach(ProcessHandle::destroyForcibly);
                child.destroyForcibly();
            } catch (InterruptedException e) {
                child.destroyForcibly();
            }
        });
        StringBuilder out = new StringBuilder();
        double firstLine = -1;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                if (firstLine < 0) firstLine = (System.nanoTime() - started) / 1e9;
                out.append(line).append('\n');
            }
        } catch (IOException e) {
            child.destroyForcibly();
            problems.add("could not read the fresh JVM's output: " + Cli.oneLine(e.getMessage()));
            return Optional.empty();
        }
        if (!child.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || timedOut.get()) {
            child.destroyForcibly();
            problems.add("the fresh JVM did not end within " + TIMEOUT_SECONDS + " s");
            return Optional.empty();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (child.exitValue() != Cli.OK) {
            problems.add("the fresh JVM ended with exit code " + child.exitValue());
            return Optional.empty();
        }
        return Optional.of(new Finished(out.toString().strip(), seconds, firstLine));
    }
}
