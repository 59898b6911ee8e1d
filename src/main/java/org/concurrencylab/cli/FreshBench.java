package org.concurrencylab.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/// A bench case in a new JVM, started as the lab starts its own (the same java, class path and
/// JVM options as this one): the first run of a teacher in front of a class, cold JIT and all.
/// The child runs `bench --case NAME --repeat 1 --wall-only` and prints the run's wall time; the
/// time from starting the process to its exit (JVM start, demo sites, the untimed warm-up, the
/// run) is measured here.
///
/// Thread-safety: stateless.
final class FreshBench {
    /// The lab's entry point, named as text: the command line does not depend on it.
    private static final String MAIN = "org.concurrencylab.Main";
    private static final long TIMEOUT_SECONDS = 300;

    private FreshBench() {}

    /// One fresh run: the run's wall time and the process's, in seconds.
    record Sample(double wallSeconds, double processSeconds) {}

    /// Runs case `name` once in a new JVM; empty with the reason printed to `problems` if it
    /// could not (no java to start, the child failed or printed no number).
    static Optional<Sample> run(String name, List<String> problems) throws InterruptedException {
        Optional<String> java = ProcessHandle.current().info().command();
        String classPath = System.getProperty("java.class.path");
        if (java.isEmpty() || classPath == null || classPath.isEmpty()) {
            problems.add("cannot tell which java and class path started this JVM");
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(java.get());
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!arg.startsWith("-agentlib") && !arg.startsWith("-javaagent")) command.add(arg);
        }
        command.addAll(List.of("-cp", classPath, MAIN, "bench", "--case", name, "--repeat", "1", "--wall-only"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("CONCURRENCY_LAB_NO_RELAUNCH", "1");
        long started = System.nanoTime();
        Process child;
        try {
            child = builder.start();
        } catch (IOException e) {
            problems.add("could not start a JVM: " + Cli.oneLine(e.getMessage()));
            return Optional.empty();
        }
        String out;
        try {
            out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            child.destroyForcibly();
            problems.add("could not read the fresh JVM's output: " + Cli.oneLine(e.getMessage()));
            return Optional.empty();
        }
        if (!child.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            problems.add("the fresh JVM did not end within " + TIMEOUT_SECONDS + " s");
            return Optional.empty();
        }
        double process = (System.nanoTime() - started) / 1e9;
        if (child.exitValue() != Cli.OK) {
            problems.add("the fresh JVM ended with exit code " + child.exitValue());
            return Optional.empty();
        }
        try {
            return Optional.of(new Sample(Double.parseDouble(out), process));
        } catch (NumberFormatException e) {
            problems.add("the fresh JVM printed no wall time: " + Cli.oneLine(out));
            return Optional.empty();
        }
    }
}
