package org.concurrencylab.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/// The command line run in-process through [Cli#execute] for the cli tests, its output captured.
final class CliRun {
    private CliRun() {
    }

    /// One execution's exit code and what it printed.
    record Outcome(int code, String out, String err) {
        List<String> outLines() { return out.lines().toList(); }

        List<String> errLines() { return err.lines().toList(); }
    }

    static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        try (PrintWriter o = new PrintWriter(out, true); PrintWriter e = new PrintWriter(err, true)) {
            code = Cli.execute(args, o, e);
        }
        return new Outcome(code, out.toString(), err.toString());
    }

    /// Runs `args` and checks they are refused as bad arguments: exit code 2, exactly one line on
    /// stderr that names `named`, nothing on stdout (no run started).
    static void assertRefused(List<String> args, String named) {
        Outcome outcome = run(args.toArray(String[]::new));

        assertThat(outcome.code()).isEqualTo(Cli.BAD_ARGUMENTS);
        assertThat(outcome.errLines()).singleElement().satisfies(line -> {
            assertThat(line).startsWith("concurrency-lab: ");
            assertThat(line).contains(named);
        });
        assertThat(outcome.out()).as("no run started").isEmpty();
    }
}
