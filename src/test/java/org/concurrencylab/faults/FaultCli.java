package org.concurrencylab.faults;

import org.concurrencylab.cli.Cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/// The command line run in-process for the fault suite ([Cli#execute]), what it printed captured.
final class FaultCli {
    private FaultCli() {}

    /// One execution's exit code and what it printed.
    record Outcome(int code, String out, String err) {
        List<String> outLines() { return out.lines().toList(); }

        List<String> errLines() { return err.lines().toList(); }
    }

    static Outcome run(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        try (PrintWriter o = new PrintWriter(out, true); PrintWriter e = new PrintWriter(err, true)) {
            code = Cli.execute(args.toArray(String[]::new), o, e);
        }
        return new Outcome(code, out.toString(), err.toString());
    }

    /// Runs `args` and checks they are refused as bad input: exit code 2, one line on stderr that
    /// is "concurrency-lab: " and `line`, nothing on stdout (nothing run). Returns the line.
    static String assertRefused(List<String> args, String line) {
        Outcome outcome = run(args);
        assertThat(outcome.code()).as(outcome.err()).isEqualTo(Cli.BAD_ARGUMENTS);
        assertThat(outcome.errLines()).singleElement().isEqualTo("concurrency-lab: " + line);
        assertThat(outcome.out()).as("nothing run").isEmpty();
        return outcome.errLines().getFirst();
    }
}
