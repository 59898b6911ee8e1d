package org.concurrencylab.ui.run;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.Param;
import org.concurrencylab.core.run.RunParams;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.SettingValues;
import org.concurrencylab.core.run.WorkloadKind;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/// What to run, as the lab's form holds it: the workload, the model, and one [ParamField] per
/// parameter of the [table][RunParams]. A field shows the value of the workload and model chosen
/// (the pages or the numbers, the threads or the processes); what is typed is kept as typed,
/// never rewritten, and checked against the table where it was typed. [#specProperty()] is the
/// run the form describes, or null while a field cannot run; [#values()] are the last values of
/// each setting that could, which is what the window remembers.
///
/// Thread-safety: one thread (the FX thread in the app; any single thread in tests).
public final class RunFormViewModel {
    private final ObjectProperty<WorkloadKind> workload = new SimpleObjectProperty<>(WorkloadKind.DOWNLOAD);
    private final ObjectProperty<ModelKind> model = new SimpleObjectProperty<>(ModelKind.THREADS);
    private final Map<Param<?>, ParamField> fields = new LinkedHashMap<>();
    /// What each setting holds as the user left it: the text typed, or the switch's or choice's value.
    private final Map<String, Object> entered = new LinkedHashMap<>();
    private final ReadOnlyObjectWrapper<RunSpec> spec = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private SettingValues good = SettingValues.defaults();
    /// Set while the fields are filled from the stored values, so that filling is not typing.
    private boolean filling;
    /// What the fields held before [#articleValues], until [#undoArticleValues] or a change.
    private Map<String, Object> beforeArticle;
    private SettingValues goodBeforeArticle;
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(false);

    public RunFormViewModel() {
        for (Param<?> p : RunParams.ALL) fields.put(p, new ParamField(p, this::context, this::changed));
        workload.addListener((obs, a, b) -> fillFields());
        model.addListener((obs, a, b) -> fillFields());
        fillFields();
    }

    public ObjectProperty<WorkloadKind> workloadProperty() { return workload; }

    public ObjectProperty<ModelKind> modelProperty() { return model; }

    /// The field of `param`, for the workload and model chosen.
    public ParamField field(Param<?> param) {
        return Objects.requireNonNull(fields.get(param), param.id());
    }

    /// Every field, in the table's order.
    public List<ParamField> fields() {
        return List.copyOf(fields.values());
    }

    /// The run the form describes, or null while something in it cannot run.
    public ReadOnlyObjectProperty<RunSpec> specProperty() { return spec.getReadOnlyProperty(); }

    /// Why the form cannot run, naming the field ("Pages: enter a whole number from 1 to
    /// 1,000,000"), or empty.
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }

    /// The last value of every setting that could run: what the window remembers.
    public SettingValues values() {
        return good;
    }

    /// Sets `param` for the workload and model chosen, as if typed (a test, a preset).
    public <T> void set(Param<T> param, T value) {
        ParamField f = field(param);
        switch (param) {
            case Param.Flag flag -> f.flag().set((Boolean) value);
            case Param.Choice<?> choice -> f.choice().set(value);
            default -> f.text().set(format(param, value));
        }
    }

    /// Fills the form from remembered values.
    public void restore(WorkloadKind w, ModelKind m, SettingValues values) {
        good = values;
        entered.clear();
        values.values().forEach((key, value) -> entered.put(key, stored(key, value)));
        filling = true;
        try {
            workload.set(w);
            model.set(m);
        } finally {
            filling = false;
        }
        fillFields();
    }

    /// Fills the form with `s` (a run to run again, a lesson's preset); values `s` does not set
    /// stay as they were.
    public void apply(RunSpec s) {
        SettingValues next = good.withSpec(s);
        s.applied().forEach((p, v) -> {
            String key = p.settingKey(s);
            if (key != null) entered.put(key, stored(key, v));
        });
        good = next;
        filling = true;
        try {
            workload.set(s.workload());
            model.set(s.model());
        } finally {
            filling = false;
        }
        fillFields();
    }

    /// Puts every setting back to the article's values, the table's defaults (160 pages, 20
    /// numbers from 5,000,000, 5 threads or a process per core, the demo sites at 90 ms, no GIL);
    /// the workload and the model stay. What the fields held can be had back with
    /// [#undoArticleValues] until the next change.
    public void articleValues() {
        Map<String, Object> before = new LinkedHashMap<>(entered);
        SettingValues goodBefore = good;
        entered.clear();
        good = SettingValues.defaults();
        fillFields();
        beforeArticle = before;
        goodBeforeArticle = goodBefore;
        canUndo.set(true);
    }

    /// Whether [#undoArticleValues] has something to give back.
    public ReadOnlyBooleanProperty canUndoArticleValuesProperty() { return canUndo.getReadOnlyProperty(); }

    /// Gives back what the fields held before [#articleValues].
    public void undoArticleValues() {
        if (beforeArticle == null) return;
        entered.clear();
        entered.putAll(beforeArticle);
        good = goodBeforeArticle;
        forgetUndo();
        fillFields();
    }

    private void forgetUndo() {
        beforeArticle = null;
        goodBeforeArticle = null;
        canUndo.set(false);
    }

    // ---- keeping fields, stored values and the spec in step ------------------------------

    private Param.Context context() {
        return RunSpec.defaults(workload.get(), model.get());
    }

    /// Shows in each field the stored value of the setting it now stands for.
    private void fillFields() {
        if (filling) return;
        filling = true;
        try {
            Param.Context c = context();
            for (ParamField f : fields.values()) {
                String key = f.param().settingKey(c);
                Object stored = key == null ? null : entered.get(key);
                f.show(f.param().label(c), key, stored != null ? stored : defaultEntry(f.param(), c));
            }
        } finally {
            filling = false;
        }
        validate();
    }

    private void changed(ParamField f) {
        if (filling) return;
        forgetUndo();
        String key = f.key();
        if (key != null) entered.put(key, f.entry());
        validate();
    }

    /// Checks every field that applies, keeps each value that can run, and makes the spec.
    private void validate() {
        Param.Context raw = context();
        Map<Param<?>, Object> parsed = new LinkedHashMap<>();
        Map<ParamField, String> problems = new LinkedHashMap<>();
        for (ParamField f : fields.values()) {
            try {
                parsed.put(f.param(), f.value());
            } catch (IllegalArgumentException notAValue) {
                problems.put(f, f.param() instanceof Param.Whole<?> w
                        ? f.param().label(raw) + ": enter " + w.rangeText(raw) : notAValue.getMessage());
            }
        }
        Param.Context typed = new Typed(raw.workload(), raw.model(), parsed);
        for (ParamField f : fields.values()) {
            boolean applies = f.param().appliesTo(typed);
            f.setApplies(applies);
            if (!applies || problems.containsKey(f) || !parsed.containsKey(f.param())) continue;
            try {
                check(f.param(), parsed.get(f.param()), typed);
                if (f.key() != null) good = good.with(f.key(), parsed.get(f.param()));
            } catch (IllegalArgumentException outOfRange) {
                problems.put(f, outOfRange.getMessage());
            }
        }
        String first = "";
        for (ParamField f : fields.values()) {
            String problem = f.applies() ? problems.get(f) : null;
            f.setError(problem == null ? "" : problem);
            if (problem != null && first.isEmpty()) first = problem;
        }
        if (first.isEmpty()) {
            try {
                Map<Param<?>, Object> applying = new LinkedHashMap<>();
                for (ParamField f : fields.values()) if (f.applies()) applying.put(f.param(), parsed.get(f.param()));
                spec.set(new RunSpec(raw.workload(), raw.model(), applying));
            } catch (IllegalArgumentException e) {
                spec.set(null);
                first = capitalized(e.getMessage());
            }
        } else {
            spec.set(null);
        }
        error.set(first);
    }

    /// Checks `value` of `p`; a number out of range is refused saying the range, in the form's words.
    private static <T> void check(Param<T> p, Object value, Param.Context c) {
        if (p instanceof Param.Whole<?> w && !w.range(c).contains(((Number) value).longValue())) {
            throw new IllegalArgumentException(p.label(c) + ": enter " + w.rangeText(c));
        }
        p.check(p.cast(value), c, p.label(c));
    }

    /// What a field of `p` shows for its default: the text a user would type, or the value.
    private static Object defaultEntry(Param<?> p, Param.Context c) {
        return entry(p, p.defaultValue(c));
    }

    private static Object stored(String key, Object value) {
        return entry(SettingValues.keyed(key).orElseThrow().param(), value);
    }

    private static Object entry(Param<?> p, Object value) {
        return switch (p) {
            case Param.Flag f -> value;
            case Param.Choice<?> c -> value;
            default -> format(p, value);
        };
    }

    @SuppressWarnings("unchecked")
    private static <T> String format(Param<T> p, Object value) {
        return p.format((T) p.cast(value));
    }

    private static String capitalized(String s) {
        return s == null || s.isEmpty() ? "Invalid settings" : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    /// The values as typed, for deciding which fields apply (the latency only without URLs).
    private record Typed(WorkloadKind workload, ModelKind model, Map<Param<?>, Object> values) implements Param.Context {
        @Override
        public <V> V value(Param<V> param) {
            Object v = values.get(param);
            return v != null ? param.cast(v) : param.defaultValue(this);
        }
    }
}
