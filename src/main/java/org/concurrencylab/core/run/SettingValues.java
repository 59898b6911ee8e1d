package org.concurrencylab.core.run;

import org.concurrencylab.core.model.ModelKind;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/// The values of the run parameters as a window remembers them: one per setting key of the
/// [table][RunParams], so that the pages and the numbers, a pool's threads and its processes,
/// are kept apart while the user switches between workloads and models. Every value held can
/// run: each is checked against the table when it is set.
///
/// @param values a value per setting key; a key not held takes its default
public record SettingValues(Map<String, Object> values) {
    public SettingValues {
        Map<String, Object> copy = new LinkedHashMap<>();
        values.forEach((key, value) -> copy.put(key, check(key, value)));
        values = Collections.unmodifiableMap(copy);
    }

    /// No value set: every parameter at its default.
    public static SettingValues defaults() {
        return new SettingValues(Map.of());
    }

    /// The parameter remembered by `key`, and a context in which it is (the workload and model
    /// whose value it is), or empty for a key the table does not know.
    public static Optional<Keyed> keyed(String key) {
        for (Param<?> p : RunParams.ALL) {
            if (!p.settingKeys().contains(key)) continue;
            for (WorkloadKind w : WorkloadKind.values()) {
                for (ModelKind m : ModelKind.values()) {
                    RunSpec c = RunSpec.defaults(w, m);
                    if (key.equals(p.settingKey(c))) return Optional.of(new Keyed(p, w, m));
                }
            }
        }
        return Optional.empty();
    }

    /// A setting key's parameter and a workload and model it is remembered for.
    public record Keyed(Param<?> param, WorkloadKind workload, ModelKind model) {
        public Param.Context context() {
            return RunSpec.defaults(workload, model);
        }
    }

    /// `value` checked as the value of `key`; throws an [IllegalArgumentException] naming the
    /// parameter if it cannot be one.
    public static Object check(String key, Object value) {
        Keyed k = keyed(key).orElseThrow(() -> new IllegalArgumentException("unknown setting " + key));
        return checkAs(k.param(), value, k.context());
    }

    private static <T> T checkAs(Param<T> p, Object value, Param.Context c) {
        return p.checkAlone(p.cast(value), c);
    }

    /// The value of `param` for the workload and model of `c`.
    public <T> T get(Param<T> param, Param.Context c) {
        String key = param.settingKey(c);
        Object v = key == null ? null : values.get(key);
        return v != null ? param.cast(v) : param.defaultValue(c);
    }

    /// These values with `key` set to `value` (checked).
    public SettingValues with(String key, Object value) {
        Map<String, Object> next = new LinkedHashMap<>(values);
        next.put(key, value);
        return new SettingValues(next);
    }

    /// The run these values describe for `workload` under `model`; throws an
    /// [IllegalArgumentException] if they cannot run together (a jitter above the latency).
    public RunSpec spec(WorkloadKind workload, ModelKind model) {
        RunSpec base = RunSpec.defaults(workload, model);
        Map<Param<?>, Object> given = new LinkedHashMap<>();
        for (Param<?> p : RunParams.ALL) {
            String key = p.settingKey(base);
            if (key != null && values.containsKey(key)) given.put(p, values.get(key));
        }
        return new RunSpec(workload, model, given);
    }

    /// These values with every parameter of `spec` that applies to it taken over.
    public SettingValues withSpec(RunSpec spec) {
        Map<String, Object> next = new LinkedHashMap<>(values);
        spec.applied().forEach((p, v) -> {
            String key = p.settingKey(spec);
            if (key != null) next.put(key, v);
        });
        return new SettingValues(next);
    }
}
