package org.concurrencylab.core.jvm;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/// The JVM options the lab was started with, which a relaunch passes on, and whether they chose
/// the serial collector already (then the lab runs as started).
///
/// For the usual start, `java [options] -jar concurrency-lab.jar [arguments]`, they are read from
/// the process's own command line. The JVM's management beans know them in every case, but
/// starting those takes about 60 ms of the launcher's start, before the window's JVM is even
/// started; they are asked only when the command line is not of that plain form (an argument
/// file, an option with a separate value, a main class) or options come from the environment
/// (`JDK_JAVA_OPTIONS`, `JAVA_TOOL_OPTIONS`, `_JAVA_OPTIONS`).
///
/// Thread-safety: immutable.
public record LaunchOptions(List<String> jvm, boolean serialCollector) {
    /// Options of the `java` launcher followed by a value of their own, and options that read
    /// more options from a file: a command line with one is read by the JVM's beans instead.
    private static final Set<String> NOT_PLAIN = Set.of("-cp", "-classpath", "--class-path", "-p", "--module-path",
            "--upgrade-module-path", "--add-modules", "--limit-modules", "--add-reads", "--add-exports", "--add-opens",
            "--patch-module", "--enable-native-access", "--source", "-m", "--module", "-d", "--describe-module");
    /// Options of the `java` launcher that are not the JVM's, so not passed on.
    private static final Set<String> LAUNCHER_ONLY = Set.of("-showversion", "--show-version", "--dry-run",
            "--disable-@files", "--validate-modules", "--show-resolved-modules");
    /// The environment variables the JVM reads more options from.
    public static final List<String> OPTION_VARIABLES = List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS");
    /// The options that choose a collector, or turn the serial one off (others that start with
    /// `-XX:+Use` and end with `GC`, such as `-XX:+UseMaximumCompactionOnSystemGC`, tune one).
    private static final Set<String> COLLECTORS = Set.of("-XX:+UseSerialGC", "-XX:-UseSerialGC", "-XX:+UseParallelGC",
            "-XX:+UseG1GC", "-XX:+UseZGC", "-XX:+UseShenandoahGC", "-XX:+UseEpsilonGC");

    public LaunchOptions {
        jvm = List.copyOf(jvm);
    }

    /// The options of this JVM.
    public static LaunchOptions current() {
        if (noOptionVariables()) {
            Optional<String[]> arguments = ProcessHandle.current().info().arguments();
            Optional<List<String>> plain = arguments.isEmpty() ? Optional.empty() : beforeJar(List.of(arguments.get()));
            if (plain.isPresent()) return new LaunchOptions(plain.get(), choosesSerial(plain.get()));
        }
        return fromBeans();
    }

    /// The JVM options of `java` `arguments` (the executable left out) of the form
    /// `[options] -jar file [arguments]`; empty if they are of another form.
    static Optional<List<String>> beforeJar(List<String> arguments) {
        List<String> options = new ArrayList<>();
        for (String argument : arguments) {
            if (argument.equals("-jar")) return Optional.of(options);
            if (!argument.startsWith("-") || NOT_PLAIN.contains(argument) || argument.startsWith("-XX:Flags=")
                    || argument.startsWith("-XX:VMOptionsFile=")) {
                return Optional.empty();
            }
            if (!LAUNCHER_ONLY.contains(argument) && !argument.startsWith("-splash:")
                    && !argument.startsWith("-XshowSettings")) {
                options.add(argument);
            }
        }
        return Optional.empty();
    }

    /// Whether the last collector `options` choose is the serial one.
    static boolean choosesSerial(List<String> options) {
        boolean serial = false;
        for (String option : options) {
            if (choosesCollector(option)) serial = option.equals("-XX:+UseSerialGC");
        }
        return serial;
    }

    /// Whether `option` chooses a collector (the relaunch chooses its own instead).
    public static boolean choosesCollector(String option) {
        return COLLECTORS.contains(option);
    }

    private static LaunchOptions fromBeans() {
        boolean serial = false;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc.getName().equals("Copy")) serial = true; // the serial collector's young generation
        }
        return new LaunchOptions(ManagementFactory.getRuntimeMXBean().getInputArguments(), serial);
    }

    private static boolean noOptionVariables() {
        for (String variable : OPTION_VARIABLES) {
            String value = System.getenv(variable);
            if (value != null && !value.isBlank()) return false;
        }
        return true;
    }
}
