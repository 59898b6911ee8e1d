package org.concurrencylab.history;

import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.diagram.Captions;
import org.concurrencylab.diagram.Ticks;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/// One kept run, as the history list shows it; the whole run is read with [RunHistory#open].
/// Immutable.
///
/// @param id        the file's name without `.json`: unique in its folder
/// @param name      the name the user gave it, or null
/// @param savedAt   when it was kept
/// @param spec      what was run (run it again with this)
/// @param wallNanos its wall time
/// @param tasks     tasks in the run
/// @param errors    tasks that failed
/// @param cancelled whether it was stopped
/// @param series    the comparison or sweep it was one run of ("Compare models · Sum of squares ·
///                  14:05:09"), or null
public record HistoryEntry(String id, String name, Instant savedAt, RunSpec spec, long wallNanos, int tasks,
                           int errors, boolean cancelled, String series) {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm:ss", Locale.ROOT);

    static HistoryEntry of(String id, String name, Instant savedAt, RunResult r, String series) {
        return new HistoryEntry(id, name, savedAt, r.spec(), r.wallNanos(), r.tasks(), r.errors(), r.cancelled(), series);
    }

    /// The name the user gave it, else the experiment: "Download sites · Thread pool (5 threads)".
    public String displayName() {
        return name != null && !name.isBlank() ? name : Captions.title(spec);
    }

    /// "160 pages, demo sites at 90 ms · 2.98 s · 0 errors · 3 Mar 14:05:09" (local time).
    public String summary() {
        StringBuilder s = new StringBuilder(Captions.what(spec)).append(" · ");
        s.append(cancelled ? "stopped at " : "").append(Ticks.duration(wallNanos));
        s.append(" · ").append(errors).append(errors == 1 ? " error" : " errors");
        s.append(" · ").append(WHEN.format(savedAt.atZone(ZoneId.systemDefault())));
        return s.toString();
    }

    public HistoryEntry withName(String newName) {
        return new HistoryEntry(id, newName, savedAt, spec, wallNanos, tasks, errors, cancelled, series);
    }
}
