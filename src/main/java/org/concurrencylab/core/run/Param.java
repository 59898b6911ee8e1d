package org.concurrencylab.core.run;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.sites.SiteConfig;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Predicate;

/// One run parameter, declared once in [RunParams]: its name in files, its label in the window,
/// its command-line option, unit, range, default, where it applies, and what it does to the demo
/// sites. [RunSpec], the settings, the command line and the window's forms all read it from here,
/// so a parameter is added by adding its entry.
///
/// A parameter's range, default and label may depend on the workload and the model chosen (the
/// count of tasks is pages, numbers or race tasks; a pool's size has its model's limit), so they
/// are asked of a [Context]. Some values are remembered per workload or per model between
/// launches (the pages and the numbers are two settings): [#settingKey] names which.
///
/// Thread-safety: immutable.
public abstract sealed class Param<T> permits Param.Whole, Param.Flag, Param.Choice, Param.Urls {
    /// Where a form shows the parameter.
    public enum Section {
        /// Beside the model in the toolbar.
        TOOLBAR,
        /// With the workload's settings.
        WORKLOAD,
        /// With the settings of downloads.
        NETWORK,
        /// With the model's settings.
        MODEL,
        /// How the run is made (the warm-up).
        RUN
    }

    /// What a parameter's range, default, label and applicability are asked of: the workload and
    /// model chosen, and the values of the other parameters.
    public interface Context {
        WorkloadKind workload();

        ModelKind model();

        /// The value of `param` here (its default when none was set).
        <V> V value(Param<V> param);
    }

    private final String id;
    private final String noun;
    private final Function<Context, String> label;
    private final String option;
    private final String optionLabel;
    private final String unit;
    private final String help;
    private final String optionHelp;
    private final Section section;
    private final Predicate<Context> applies;
    private final String where;
    private final Function<Context, String> settingKey;
    private final List<String> settingKeys;
    private final Function<Context, T> defaults;
    private final BiFunction<SiteConfig, T, SiteConfig> sites;

    Param(ParamBuilder<T, ?> b) {
        this.id = Objects.requireNonNull(b.id, "id");
        this.noun = Objects.requireNonNull(b.noun, "noun");
        this.label = Objects.requireNonNull(b.label, "label");
        this.option = b.option;
        this.optionLabel = b.optionLabel;
        this.unit = b.unit;
        this.help = Objects.requireNonNull(b.help, "help");
        this.optionHelp = b.optionHelp == null ? b.help : b.optionHelp;
        this.section = Objects.requireNonNull(b.section, "section");
        this.applies = b.applies;
        this.where = b.where;
        this.settingKey = b.settingKey == null ? c -> b.id : b.settingKey;
        this.settingKeys = b.settingKey == null ? List.of(b.id) : List.copyOf(b.settingKeys);
        this.defaults = Objects.requireNonNull(b.defaults, "default");
        this.sites = b.sites;
    }

    /// The name in run files and settings: "latencyMs".
    public String id() { return id; }

    /// How a message names it: "latency", "max connections".
    public String noun() { return noun; }

    /// The label of its field in the window: "Latency (ms)", "Pages".
    public String label(Context c) { return label.apply(c); }

    /// Its command-line option ("--latency-ms"), or null when it has none.
    public String option() { return option; }

    /// The option's value in its help text: "MS", "N".
    public String optionLabel() { return optionLabel; }

    /// Its unit ("ms"), or "".
    public String unit() { return unit; }

    /// One line saying what it does, for a tooltip and the command line's help.
    public String help() { return help; }

    /// What its command-line option does, for the command line's help.
    public String optionHelp() { return optionHelp; }

    public Section section() { return section; }

    /// Whether it means something for the run `c` describes (the latency only for downloads from
    /// the demo sites, the switch interval only with the GIL on).
    public boolean appliesTo(Context c) { return applies.test(c); }

    /// Where it applies, in the command line's words ("--workload cpu"), or "" where it always does.
    public String where() { return where; }

    /// The setting its value is remembered by for `c` (the pages and the numbers are two), or
    /// null when it is not remembered (a model with a fixed worker count).
    public String settingKey(Context c) { return settingKey.apply(c); }

    /// Every setting it may be remembered by.
    public List<String> settingKeys() { return settingKeys; }

    /// Its value when none is given.
    public T defaultValue(Context c) { return defaults.apply(c); }

    /// Whether it configures the embedded demo sites.
    public boolean configuresSites() { return sites != null; }

    /// `config` with this parameter's `value` applied (unchanged for a parameter that does not
    /// configure the demo sites).
    public SiteConfig configure(SiteConfig config, T value) {
        return sites == null ? config : sites.apply(config, value);
    }

    /// `value` checked for `c`: returns it (made canonical) or throws an
    /// [IllegalArgumentException] whose message names the parameter by `name`.
    public abstract T check(T value, Context c, String name);

    /// `value` checked for `c`, a message naming the parameter by its [#noun()].
    public final T check(T value, Context c) {
        return check(value, c, noun);
    }

    /// `value` checked for `c` on its own: its kind and range, not the rules between it and the
    /// other values (a jitter no more than the latency), which only a whole run can check.
    public T checkAlone(T value, Context c) {
        return check(value, c);
    }

    /// Reads a value typed by a user (a form field, a command-line option); throws an
    /// [IllegalArgumentException] naming the parameter by `name` if it is not one. Only checks
    /// the form: the range is for [#check].
    public abstract T parse(String text, String name);

    /// The value as a user would type it.
    public abstract String format(T value);

    /// Casts `value` to this parameter's type, or throws if it is not of it.
    public abstract T cast(Object value);

    @Override
    public String toString() { return id; }

    // ---- the kinds of parameter ---------------------------------------------------------

    /// The range of a whole-number parameter for one context. `why`, if not null, says why the
    /// range has one value ("the sync model has exactly 1 worker").
    public record Range(long min, long max, String why) {
        public boolean contains(long v) { return v >= min && v <= max; }
    }

    /// A whole number (an `int` or a `long`) within a range.
    public static final class Whole<N extends Number> extends Param<N> {
        private final Function<Context, Range> range;
        private final LongFunction<N> box;
        private final BiFunction<Long, Context, String> constraint;
        private final Function<Context, List<Long>> sweep;

        Whole(ParamBuilder.WholeBuilder<N> b) {
            super(b);
            this.range = Objects.requireNonNull(b.range, "range");
            this.box = b.box;
            this.constraint = b.constraint;
            this.sweep = b.sweep;
        }

        public Range range(Context c) { return range.apply(c); }

        /// Values a sweep tries when the user gives none, or an empty list if a sweep does not
        /// vary this parameter.
        public List<Long> sweepValues(Context c) { return sweep == null ? List.of() : sweep.apply(c); }

        /// Whether a sweep can vary it.
        public boolean sweepable() { return sweep != null; }

        /// `n` as this parameter's number type.
        public N of(long n) { return box.apply(n); }

        @Override
        public N check(N value, Context c, String name) {
            Objects.requireNonNull(value, name);
            checkNumber(value.longValue(), c, name);
            return value;
        }

        @Override
        public N checkAlone(N value, Context c) {
            Objects.requireNonNull(value, noun());
            checkRange(value.longValue(), c, noun());
            return value;
        }

        /// Throws an [IllegalArgumentException] naming the parameter by `name` unless `v` is in
        /// range for `c` and keeps the table's further rule.
        public void checkNumber(long v, Context c, String name) {
            checkRange(v, c, name);
            if (constraint != null) {
                String problem = constraint.apply(v, c);
                if (problem != null) throw new IllegalArgumentException(name + " " + problem + ", was " + v);
            }
        }

        private void checkRange(long v, Context c, String name) {
            Range r = range(c);
            if (r.min() == r.max() && r.why() != null && v != r.min()) {
                throw new IllegalArgumentException(name + ": " + r.why() + ", was " + v);
            }
            if (!r.contains(v)) {
                throw new IllegalArgumentException(name + " must be between " + r.min() + " and " + r.max()
                        + (unit().isEmpty() ? "" : " " + unit()) + ", was " + v);
            }
        }

        /// The range in words for a form: "a whole number from 1 to 1,000,000".
        public String rangeText(Context c) {
            Range r = range(c);
            if (r.min() == r.max()) return String.format(Locale.ROOT, "%,d", r.min());
            return String.format(Locale.ROOT, "a whole number from %,d to %,d", r.min(), r.max());
        }

        @Override
        public N parse(String text, String name) {
            String t = text == null ? "" : text.strip();
            // ASCII digits only: Character.isDigit would take other scripts' digits too
            if (!t.matches("-?[0-9]{1,19}")) {
                throw new IllegalArgumentException(name + ": '" + text + "' is not a whole number");
            }
            try {
                return box.apply(Long.parseLong(t));
            } catch (NumberFormatException | ArithmeticException e) {
                throw new IllegalArgumentException(name + ": '" + text + "' is too large", e);
            }
        }

        /// Whether `text` is a whole number this parameter could hold (out of range or not).
        public boolean isNumber(String text) {
            return text != null && text.strip().matches("-?[0-9]{1,19}") && fitsLong(text.strip());
        }

        private static boolean fitsLong(String t) {
            try {
                Long.parseLong(t);
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }

        @Override
        public String format(N value) { return Long.toString(value.longValue()); }

        @Override
        public N cast(Object value) {
            if (value instanceof Number n && n.longValue() == n.doubleValue()) return box.apply(n.longValue());
            throw new IllegalArgumentException(id() + ": " + value + " is not a whole number");
        }
    }

    /// A switch, on or off.
    public static final class Flag extends Param<Boolean> {
        private final boolean negated;

        Flag(ParamBuilder.FlagBuilder b) {
            super(b);
            this.negated = b.negated;
        }

        /// Whether the command-line option turns it off (`--no-warmup`) rather than on (`--gil`).
        public boolean negatedOption() { return negated; }

        @Override
        public Boolean check(Boolean value, Context c, String name) { return Objects.requireNonNull(value, name); }

        @Override
        public Boolean parse(String text, String name) {
            String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            if (t.equals("true") || t.equals("on") || t.equals("yes")) return true;
            if (t.equals("false") || t.equals("off") || t.equals("no")) return false;
            throw new IllegalArgumentException(name + ": '" + text + "' is not on or off");
        }

        @Override
        public String format(Boolean value) { return value.toString(); }

        @Override
        public Boolean cast(Object value) {
            if (value instanceof Boolean b) return b;
            throw new IllegalArgumentException(id() + ": " + value + " is not true or false");
        }
    }

    /// One of a fixed set of choices, each with an id ("unsafe", "synchronized").
    public static final class Choice<E> extends Param<E> {
        private final List<E> choices;
        private final Function<E, String> choiceId;
        private final Function<E, String> choiceTitle;
        private final Class<E> type;

        Choice(ParamBuilder.ChoiceBuilder<E> b) {
            super(b);
            this.choices = List.copyOf(b.choices);
            this.choiceId = b.choiceId;
            this.choiceTitle = b.choiceTitle;
            this.type = b.type;
        }

        public List<E> choices() { return choices; }

        public String idOf(E choice) { return choiceId.apply(choice); }

        /// The choice's name in the window ("CPython"), which may differ from its id ("python").
        public String titleOf(E choice) { return choiceTitle.apply(choice); }

        @Override
        public E check(E value, Context c, String name) {
            if (!choices.contains(value)) throw new IllegalArgumentException(name + ": unknown choice " + value);
            return value;
        }

        @Override
        public E parse(String text, String name) {
            String t = text == null ? "" : text.strip();
            return choices.stream().filter(e -> choiceId.apply(e).equalsIgnoreCase(t)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(name + ": unknown choice '" + text + "' (choose "
                            + String.join(", ", choices.stream().map(choiceId).toList()) + ")"));
        }

        @Override
        public String format(E value) { return choiceId.apply(value); }

        @Override
        public E cast(Object value) {
            if (type.isInstance(value)) return type.cast(value);
            throw new IllegalArgumentException(id() + ": " + value + " is not one of " + choices);
        }
    }

    /// Pages of the user's own to download: absolute http(s) URLs, one per line when typed.
    public static final class Urls extends Param<List<URI>> {
        Urls(ParamBuilder.UrlsBuilder b) {
            super(b);
        }

        @Override
        public List<URI> check(List<URI> value, Context c, String name) {
            for (URI u : value) RunSpec.checkUrl(u);
            return List.copyOf(value);
        }

        /// One URL per line; blank lines are skipped.
        @Override
        public List<URI> parse(String text, String name) {
            List<URI> list = new ArrayList<>();
            if (text == null) return list;
            for (String line : text.split("\\R")) {
                if (!line.isBlank()) list.add(RunSpec.parseUrl(line));
            }
            return List.copyOf(list);
        }

        @Override
        public String format(List<URI> value) { return String.join("\n", value.stream().map(URI::toString).toList()); }

        @Override
        public List<URI> cast(Object value) {
            if (value instanceof List<?> list && list.stream().allMatch(URI.class::isInstance)) {
                return list.stream().map(URI.class::cast).toList();
            }
            throw new IllegalArgumentException(id() + ": " + value + " is not a list of URLs");
        }
    }
}
