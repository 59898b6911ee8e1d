package org.concurrencylab.history;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.SettingValues;
import org.concurrencylab.core.run.WorkloadKind;

import java.util.Objects;

/// What the window remembers between launches: the last workload and model, the value of every
/// run parameter (per workload or model where the table keeps them apart), and the look.
/// Immutable; kept by a [SettingsStore].
///
/// @param workload   the last workload chosen
/// @param model      the last model chosen
/// @param values     every run parameter's value, each one that can run
/// @param dark       the dark theme
/// @param colorBlind the colour-blind safe palette
/// @param python     the Python interpreter of CPython runs, or empty for `python3` on the PATH
public record Settings(WorkloadKind workload, ModelKind model, SettingValues values, boolean dark, boolean colorBlind,
                       String python) {
    public Settings {
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(values, "values");
        python = python == null ? "" : python.strip();
    }

    /// Settings with `python3` on the PATH for CPython runs.
    public Settings(WorkloadKind workload, ModelKind model, SettingValues values, boolean dark, boolean colorBlind) {
        this(workload, model, values, dark, colorBlind, "");
    }

    /// The window's first-launch settings: the article's download on a pool of five threads.
    public static Settings defaults() {
        return new Settings(WorkloadKind.DOWNLOAD, ModelKind.THREADS, SettingValues.defaults(), false, false);
    }

    /// The run these settings describe; throws an [IllegalArgumentException] if its values cannot
    /// run together.
    public RunSpec spec() {
        return values.spec(workload, model);
    }

    /// These settings with another theme and palette.
    public Settings withLooks(boolean newDark, boolean newColorBlind) {
        return new Settings(workload, model, values, newDark, newColorBlind, python);
    }
}
