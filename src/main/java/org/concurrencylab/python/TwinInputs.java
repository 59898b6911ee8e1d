package org.concurrencylab.python;

import org.concurrencylab.core.workload.Fibonacci;
import org.concurrencylab.core.workload.Step;
import org.concurrencylab.core.workload.TaskPlan;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/// What a Python twin computes, task by task: the same inputs the Java run has, which the
/// harness puts into the program's module constants (`NUMBERS`, `PAGES`, `CPU_MS`, `TASKS`,
/// `TIMES`). Task `i` of the twin is task `i` of the Java run, with the same name.
///
/// The usual way to make them is [#fromPlans], from the Java run's own task plans, so both runs
/// have the same inputs by construction.
public sealed interface TwinInputs permits TwinInputs.Sums, TwinInputs.Fibs, TwinInputs.Pages, TwinInputs.PagesAndParse,
        TwinInputs.Race {

    /// The workload these are the inputs of.
    TwinWorkload workload();

    /// How many tasks.
    int tasks();

    /// Task `task`'s name, as the Java workload names it (e.g. `GET /large #3`).
    String taskName(int task);

    /// The sums of squares: `NUMBERS`, one task per number.
    record Sums(List<Long> numbers) implements TwinInputs {
        public Sums {
            numbers = List.copyOf(numbers);
            if (numbers.isEmpty()) throw new IllegalArgumentException("no numbers to sum");
            for (long n : numbers) if (n < 0) throw new IllegalArgumentException("a number to sum is negative: " + n);
        }

        @Override public TwinWorkload workload() { return TwinWorkload.CPU; }

        @Override public int tasks() { return numbers.size(); }

        @Override
        public String taskName(int task) {
            return String.format(Locale.ROOT, "sum of squares below %,d", numbers.get(task));
        }
    }

    /// The article's 2024 example: `NUMBERS`, one `fib(n)` per number.
    record Fibs(List<Integer> numbers) implements TwinInputs {
        /// The article's fib(35) = 9,227,465.
        public static final long FIB_35 = 9_227_465L;

        public Fibs {
            numbers = List.copyOf(numbers);
            if (numbers.isEmpty()) throw new IllegalArgumentException("no numbers");
            for (int n : numbers) {
                if (n < 0 || n > Fibonacci.MAX_PYTHON_N) {
                    throw new IllegalArgumentException("fib(n) takes n between 0 and " + Fibonacci.MAX_PYTHON_N + ", was " + n);
                }
            }
        }

        /// fib(35), twenty times.
        public static Fibs articleDefault() {
            return new Fibs(Collections.nCopies(Fibonacci.DEFAULT_COUNT, Fibonacci.DEFAULT_N));
        }

        @Override public TwinWorkload workload() { return TwinWorkload.FIB; }

        @Override public int tasks() { return numbers.size(); }

        @Override
        public String taskName(int task) {
            return "fib(" + numbers.get(task) + ") #" + (task + 1);
        }

        /// The exact value of fib(n), which every task's result must equal (the Java workload's).
        public static long expected(int n) {
            return Fibonacci.expected(n);
        }
    }

    /// The downloads: `PAGES`, one task per page (the URLs cycle as the Java workload's do).
    record Pages(List<URI> pages) implements TwinInputs {
        public Pages {
            pages = List.copyOf(pages);
            if (pages.isEmpty()) throw new IllegalArgumentException("no pages to download");
        }

        @Override public TwinWorkload workload() { return TwinWorkload.DOWNLOAD; }

        @Override public int tasks() { return pages.size(); }

        @Override
        public String taskName(int task) {
            return pageName(pages.get(task), task);
        }
    }

    /// The downloads with a heavy parse: `PAGES` and `CPU_MS`.
    record PagesAndParse(List<URI> pages, int cpuMs) implements TwinInputs {
        public PagesAndParse {
            pages = List.copyOf(pages);
            if (pages.isEmpty()) throw new IllegalArgumentException("no pages to download");
            if (cpuMs < 1) throw new IllegalArgumentException("CPU ms must be >= 1, was " + cpuMs);
        }

        @Override public TwinWorkload workload() { return TwinWorkload.MIXED; }

        @Override public int tasks() { return pages.size(); }

        @Override
        public String taskName(int task) {
            return pageName(pages.get(task), task);
        }
    }

    /// The race: `TASKS` tasks adding one to the counter `TIMES` times. The thread pool's program
    /// runs `unsafe_task` for [Step.CounterMode#UNSAFE] and `locked_task` otherwise: Python has
    /// no atomic integer, and a lock is its fix. The other programs have one way only.
    record Race(int tasks, int increments, Step.CounterMode mode) implements TwinInputs {
        public Race {
            if (tasks < 1) throw new IllegalArgumentException("tasks must be >= 1, was " + tasks);
            if (increments < 1) throw new IllegalArgumentException("increments must be >= 1, was " + increments);
            Objects.requireNonNull(mode, "mode");
        }

        @Override public TwinWorkload workload() { return TwinWorkload.RACE; }

        @Override
        public String taskName(int task) {
            return "increment #" + (task + 1);
        }

        /// What the counter reads if no update is lost.
        public long expected() {
            return (long) tasks * increments;
        }
    }

    /// The inputs of the Java run whose task plans are `plans` (ids 0, 1, 2… in order).
    ///
    /// @throws IllegalArgumentException if the plans are not the workload's
    static TwinInputs fromPlans(TwinWorkload workload, List<TaskPlan> plans) {
        if (plans.isEmpty()) throw new IllegalArgumentException("no tasks");
        for (int i = 0; i < plans.size(); i++) {
            if (plans.get(i).id() != i) throw new IllegalArgumentException("task " + i + " has the id " + plans.get(i).id());
        }
        return switch (workload) {
            case CPU -> new Sums(plans.stream().map(p -> computed(p, Step.ComputeKind.SUM_OF_SQUARES)).toList());
            case FIB -> new Fibs(plans.stream().map(p -> Math.toIntExact(computed(p, Step.ComputeKind.FIBONACCI))).toList());
            case DOWNLOAD -> new Pages(plans.stream().map(p -> first(p, Step.Fetch.class).uri()).toList());
            case MIXED -> new PagesAndParse(plans.stream().map(p -> first(p, Step.Fetch.class).uri()).toList(),
                    same(plans, p -> (int) first(p, Step.Crunch.class).millis(), "CPU ms"));
            case RACE -> new Race(plans.size(), same(plans, p -> only(p, Step.Increment.class).times(), "increments"),
                    same(plans, p -> only(p, Step.Increment.class).mode(), "counter mode"));
        };
    }

    /// `count` numbers from `base`, as the Java workload's.
    static Sums sums(int count, long base) {
        List<Long> numbers = new ArrayList<>(count);
        for (int x = 0; x < count; x++) numbers.add(base + x);
        return new Sums(numbers);
    }

    /// `requests` pages cycling through `cycle`, as the Java workload's.
    static Pages pages(int requests, List<URI> cycle) {
        List<URI> pages = new ArrayList<>(requests);
        for (int i = 0; i < requests; i++) pages.add(cycle.get(i % cycle.size()));
        return new Pages(pages);
    }

    private static String pageName(URI uri, int task) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String shortName = uri.getHost() == null || "127.0.0.1".equals(uri.getHost()) ? path : uri.getHost() + path;
        return "GET " + shortName + " #" + (task + 1);
    }

    private static <S extends Step> S only(TaskPlan plan, Class<S> type) {
        if (plan.steps().size() != 1 || !type.isInstance(plan.steps().getFirst())) {
            throw new IllegalArgumentException("task " + plan.id() + " is not one " + type.getSimpleName() + " step: " + plan.steps());
        }
        return type.cast(plan.steps().getFirst());
    }

    /// The number of the plan's one step, a computation of `kind`.
    private static long computed(TaskPlan plan, Step.ComputeKind kind) {
        Step.Compute compute = only(plan, Step.Compute.class);
        if (compute.kind() != kind) {
            throw new IllegalArgumentException("task " + plan.id() + " computes " + compute.kind() + ", not " + kind);
        }
        return compute.n();
    }

    private static <S extends Step> S first(TaskPlan plan, Class<S> type) {
        return plan.steps().stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow(
                () -> new IllegalArgumentException("task " + plan.id() + " has no " + type.getSimpleName() + " step"));
    }

    private static <T> T same(List<TaskPlan> plans, Function<TaskPlan, T> value, String what) {
        T first = value.apply(plans.getFirst());
        for (TaskPlan plan : plans) {
            if (!value.apply(plan).equals(first)) {
                throw new IllegalArgumentException("the tasks differ in their " + what + ": the Python program has one for all");
            }
        }
        return first;
    }
}
