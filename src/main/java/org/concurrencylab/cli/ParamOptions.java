package org.concurrencylab.cli;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.model.ModelTraits;
import org.concurrencylab.core.run.Param;
import org.concurrencylab.core.run.RunParams;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.WorkloadKind;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/// The options of the run parameters, made from the [table][RunParams]: one option for each
/// parameter that has one, with the table's help text. Commands install them with picocli's
/// model transformer; [#spec] reads what was given, refusing an option that does not apply to
/// the workload and model chosen, or a value out of the table's range, in one line that names
/// the option.
final class ParamOptions {
    private ParamOptions() {}

    /// Every parameter's option (`run`, `sweep`).
    static final class All implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec command) {
            add(command, RunParams.ALL);
            return command;
        }
    }

    /// The options of the parameters `compare` does not vary itself (it runs every model, with and
    /// without the GIL), and one option per model whose workers are counted, named by the setting
    /// its count is remembered by: `--workers` (threads), `--processes`.
    static final class ForCompare implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec command) {
            add(command, compared());
            for (ModelKind m : ModelKind.values()) {
                if (m.traits().workers() instanceof ModelTraits.Chosen chosen) {
                    command.addOption(OptionSpec.builder(workersOption(m)).type(String.class).paramLabel("N")
                            .description(chosen.plural() + " of the " + m.title().toLowerCase(Locale.ROOT)
                                    + " (default: " + chosen.defaultCount() + ")").build());
                }
            }
            return command;
        }
    }

    /// The option of `compare` that sets the worker count of `model`.
    static String workersOption(ModelKind model) {
        return model.traits().workers() instanceof ModelTraits.Chosen chosen ? "--" + chosen.setting() : null;
    }

    /// `s` with its workers as `compare`'s option for its model gives them (unchanged when not given).
    static RunSpec withComparedWorkers(CommandSpec command, RunSpec s) {
        String option = workersOption(s.model());
        CommandLine.ParseResult given = command.commandLine().getParseResult();
        if (option == null || !given.hasMatchedOption(option)) return s;
        int n = RunParams.WORKERS.parse(given.matchedOption(option).getValue(), option);
        return s.withWorkers(RunParams.WORKERS.check(n, s, option));
    }

    /// The parameters `compare` takes options for (it adds the CPython rows with `--with-python`).
    static List<Param<?>> compared() {
        return RunParams.ALL.stream().filter(p -> p != RunParams.WORKERS && p != RunParams.GIL && p != RunParams.RUNTIME)
                .toList();
    }

    private static void add(CommandSpec command, List<Param<?>> params) {
        for (Param<?> p : params) {
            if (p.option() == null) continue;
            OptionSpec.Builder option = OptionSpec.builder(p.option()).description(p.optionHelp());
            switch (p) {
                case Param.Flag f -> option.type(boolean.class).arity("0");
                case Param.Urls u -> option.type(List.class).auxiliaryTypes(String.class).paramLabel(p.optionLabel());
                default -> option.type(String.class).paramLabel(p.optionLabel());
            }
            command.addOption(option.build());
        }
    }

    /// The spec the options given to `command` describe for `workload` under `model`; `params`
    /// are the parameters the command took options for. Throws an [IllegalArgumentException]
    /// naming the first option that does not apply or whose value cannot run.
    static RunSpec spec(CommandSpec command, WorkloadKind workload, ModelKind model, List<Param<?>> params) {
        return spec(command, workload, List.of(model), params);
    }

    /// The same for a command that runs the workload under each of `models` in turn: an option
    /// is refused only if it applies to none of them.
    static RunSpec spec(CommandSpec command, WorkloadKind workload, List<ModelKind> models, List<Param<?>> params) {
        ModelKind model = models.getFirst();
        CommandLine.ParseResult given = command.commandLine().getParseResult();
        Map<Param<?>, Object> values = new LinkedHashMap<>();
        for (Param<?> p : params) {
            if (p.option() == null || !given.hasMatchedOption(p.option())) continue;
            values.put(p, parse(p, given.matchedOption(p.option())));
        }
        for (Map.Entry<Param<?>, Object> e : values.entrySet()) {
            Param<?> p = e.getKey();
            Given context = models.stream().map(m -> new Given(workload, m, values)).filter(p::appliesTo).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(p.option() + " applies only to " + p.where()));
            check(p, e.getValue(), context);
        }
        return new RunSpec(workload, model, values);
    }

    private static Object parse(Param<?> p, OptionSpec option) {
        return switch (p) {
            case Param.Flag f -> !f.negatedOption();
            case Param.Urls u -> {
                List<String> texts = option.getValue();
                List<URI> urls = new ArrayList<>();
                for (String text : texts) {
                    try {
                        urls.add(RunSpec.parseUrl(text));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(p.option() + ": " + e.getMessage(), e);
                    }
                }
                yield List.copyOf(urls);
            }
            default -> p.parse(option.getValue(), p.option());
        };
    }

    private static <T> void check(Param<T> p, Object value, Param.Context c) {
        p.check(p.cast(value), c, p.option());
    }

    /// The values given on the command line, not yet checked, as a context for the others.
    private record Given(WorkloadKind workload, ModelKind model, Map<Param<?>, Object> values) implements Param.Context {
        @Override
        public <V> V value(Param<V> param) {
            Object v = values.get(param);
            return v != null ? param.cast(v) : param.defaultValue(this);
        }
    }
}
