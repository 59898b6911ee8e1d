package org.concurrencylab.core.jvm;

import org.junit.jupiter.api.Test;
import java.lang.management.ManagementFactory;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/// The launcher reads its JVM options from its command line when it is the plain
/// `java [options] -jar lab.jar`, and asks the JVM otherwise.
class LaunchOptionsTest {
    @Test
    void the_options_before_jar_are_the_jvms_and_the_programs_arguments_are_not() {
        assertThat(LaunchOptions.beforeJar(List.of("-Xmx2g", "-Dlab.x=1", "-jar", "lab.jar", "run", "-Xmx1g")))
                .contains(List.of("-Xmx2g", "-Dlab.x=1"));
        assertThat(LaunchOptions.beforeJar(List.of("-jar", "lab.jar"))).contains(List.of());
        assertThat(LaunchOptions.beforeJar(List.of("-showversion", "-splash:logo.png", "-ea", "-jar", "lab.jar")))
                .as("the launcher's own options are not passed on").contains(List.of("-ea"));
        assertThat(LaunchOptions.beforeJar(List.of("-XshowSettings:vm", "-XshowSettings", "--show-resolved-modules",
                "-jar", "lab.jar"))).as("nor its reports, which would print twice").contains(List.of());
    }

    @Test
    void a_command_line_of_another_form_is_left_to_the_jvm() {
        assertThat(LaunchOptions.beforeJar(List.of("-cp", "lab.jar", "org.concurrencylab.Main"))).isEmpty();
        assertThat(LaunchOptions.beforeJar(List.of("@options.txt", "-jar", "lab.jar"))).isEmpty();
        assertThat(LaunchOptions.beforeJar(List.of("--add-modules", "jdk.jfr", "-jar", "lab.jar"))).isEmpty();
        assertThat(LaunchOptions.beforeJar(List.of("-XX:Flags=my.flags", "-jar", "lab.jar"))).isEmpty();
        assertThat(LaunchOptions.beforeJar(List.of("-Xmx2g", "org.concurrencylab.Main"))).isEmpty();
        assertThat(LaunchOptions.beforeJar(List.of("-Xmx2g"))).isEmpty();
    }

    @Test
    void the_last_collector_chosen_counts() {
        assertThat(LaunchOptions.choosesSerial(List.of("-XX:+UseSerialGC"))).isTrue();
        assertThat(LaunchOptions.choosesSerial(List.of("-XX:+UseSerialGC", "-XX:+UseG1GC"))).isFalse();
        assertThat(LaunchOptions.choosesSerial(List.of("-XX:+UseParallelGC", "-XX:+UseSerialGC"))).isTrue();
        assertThat(LaunchOptions.choosesSerial(List.of("-XX:+UseSerialGC", "-XX:-UseSerialGC"))).isFalse();
        assertThat(LaunchOptions.choosesSerial(List.of("-Xmx2g"))).isFalse();
        assertThat(LaunchOptions.choosesSerial(List.of("-XX:+UseSerialGC", "-XX:+UseMaximumCompactionOnSystemGC")))
                .as("an option that tunes a collector does not choose one").isTrue();
        assertThat(LaunchOptions.choosesCollector("-XX:+UseAdaptiveSizePolicyWithSystemGC")).isFalse();
        assertThat(LaunchOptions.choosesCollector("-XX:+UseZGC")).isTrue();
    }

    @Test
    void this_jvm_started_by_the_test_runner_is_read_from_its_beans_or_its_command_line_alike() {
        // the tests run on the serial collector (the build's argLine): both readings must say so
        LaunchOptions current = LaunchOptions.current();
        boolean serial = ManagementFactory.getGarbageCollectorMXBeans().stream().anyMatch(gc -> gc.getName().equals("Copy"));
        assertThat(current.serialCollector()).isEqualTo(serial);
        assertThat(current.jvm()).isNotEmpty();
    }
}
