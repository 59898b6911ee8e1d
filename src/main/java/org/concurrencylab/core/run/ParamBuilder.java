package org.concurrencylab.core.run;

import org.concurrencylab.core.run.Param.Context;
import org.concurrencylab.core.run.Param.Range;
import org.concurrencylab.core.run.Param.Section;
import org.concurrencylab.sites.SiteConfig;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Predicate;

/// Builds one entry of the [table][RunParams]; every setter returns the builder.
abstract sealed class ParamBuilder<T, B extends ParamBuilder<T, B>>
        permits ParamBuilder.WholeBuilder, ParamBuilder.FlagBuilder, ParamBuilder.ChoiceBuilder, ParamBuilder.UrlsBuilder {

    final String id;
    String noun;
    Function<Context, String> label;
    String option;
    String optionLabel = "";
    String unit = "";
    String help;
    String optionHelp;
    Section section = Section.WORKLOAD;
    Predicate<Context> applies = c -> true;
    String where = "";
    Function<Context, String> settingKey;
    List<String> settingKeys = List.of();
    Function<Context, T> defaults;
    BiFunction<SiteConfig, T, SiteConfig> sites;

    ParamBuilder(String id) {
        this.id = id;
    }

    @SuppressWarnings("unchecked")
    private B self() { return (B) this; }

    B noun(String n) { noun = n; return self(); }

    B label(String l) { label = c -> l; return self(); }

    B label(Function<Context, String> l) { label = l; return self(); }

    B option(String name, String valueLabel) { option = name; optionLabel = valueLabel; return self(); }

    B unit(String u) { unit = u; return self(); }

    B help(String h) { help = h; return self(); }

    /// What the command-line option does, when the help of a form's field would not say it.
    B optionHelp(String h) { optionHelp = h; return self(); }

    B section(Section s) { section = s; return self(); }

    /// Applies only where `p` holds, which `whereText` says in the command line's words.
    B appliesWhen(Predicate<Context> p, String whereText) { applies = p; where = whereText; return self(); }

    /// Remembered per context, by the keys `key` gives; `all` lists every key it may give.
    B rememberedAs(Function<Context, String> key, List<String> all) {
        settingKey = key;
        settingKeys = all;
        return self();
    }

    B defaultValue(T value) { defaults = c -> value; return self(); }

    B defaultValue(Function<Context, T> value) { defaults = value; return self(); }

    B configuresSites(BiFunction<SiteConfig, T, SiteConfig> how) { sites = how; return self(); }

    abstract Param<T> build();


    static WholeBuilder<Integer> ints(String id) {
        return new WholeBuilder<>(id, n -> Math.toIntExact(n));
    }

    static WholeBuilder<Long> longs(String id) {
        return new WholeBuilder<>(id, n -> n);
    }

    static FlagBuilder flag(String id) {
        return new FlagBuilder(id);
    }

    static <E extends Enum<E>> ChoiceBuilder<E> choice(String id, Class<E> type, Function<E, String> choiceId) {
        return new ChoiceBuilder<>(id, type, Arrays.asList(type.getEnumConstants()), choiceId);
    }

    static UrlsBuilder urls(String id) {
        return new UrlsBuilder(id);
    }

    static final class WholeBuilder<N extends Number> extends ParamBuilder<N, WholeBuilder<N>> {
        final LongFunction<N> box;
        Function<Context, Range> range;
        BiFunction<Long, Context, String> constraint;
        Function<Context, List<Long>> sweep;

        WholeBuilder(String id, LongFunction<N> box) {
            super(id);
            this.box = box;
        }

        WholeBuilder<N> range(long min, long max) { range = c -> new Range(min, max, null); return this; }

        WholeBuilder<N> range(Function<Context, Range> r) { range = r; return this; }

        WholeBuilder<N> defaultNumber(long n) { defaults = c -> box.apply(n); return this; }

        /// A further rule between this value and the others: the problem in words ("must not be
        /// more than the latency"), or null when there is none.
        WholeBuilder<N> constraint(BiFunction<Long, Context, String> rule) { constraint = rule; return this; }

        /// Sweepable, trying `values` when the user gives none.
        WholeBuilder<N> sweep(Function<Context, List<Long>> values) { sweep = values; return this; }

        @Override
        Param.Whole<N> build() { return new Param.Whole<>(this); }
    }

    static final class FlagBuilder extends ParamBuilder<Boolean, FlagBuilder> {
        boolean negated;

        FlagBuilder(String id) {
            super(id);
        }

        /// The option `name` turns it off; `what` says so in the command line's help.
        FlagBuilder negatedOption(String name, String what) {
            option = name;
            negated = true;
            optionHelp = what;
            return this;
        }

        @Override
        Param.Flag build() { return new Param.Flag(this); }
    }

    static final class ChoiceBuilder<E> extends ParamBuilder<E, ChoiceBuilder<E>> {
        final Class<E> type;
        final List<E> choices;
        final Function<E, String> choiceId;
        Function<E, String> choiceTitle;

        ChoiceBuilder(String id, Class<E> type, List<E> choices, Function<E, String> choiceId) {
            super(id);
            this.type = type;
            this.choices = choices;
            this.choiceId = choiceId;
            this.choiceTitle = choiceId;
        }

        /// How the window names each choice (default: its id, as the command line does).
        ChoiceBuilder<E> titles(Function<E, String> title) {
            this.choiceTitle = title;
            return this;
        }

        @Override
        Param.Choice<E> build() { return new Param.Choice<>(this); }
    }

    static final class UrlsBuilder extends ParamBuilder<List<URI>, UrlsBuilder> {
        UrlsBuilder(String id) {
            super(id);
        }

        @Override
        Param.Urls build() { return new Param.Urls(this); }
    }
}
