package org.concurrencylab.teach;

import org.concurrencylab.core.run.RunParams;

import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.WorkloadKind;
import org.concurrencylab.core.workload.Step;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/// The guided course: seven lessons that walk through the whole argument, from "what is
/// concurrency" to "which model for which job". Every step is a real run, kept short enough
/// for a classroom (fewer pages than the full experiments; the shapes are the same).
public final class Lessons {
    /// Pages of the download lessons: enough for five threads to show their speed-up.
    static final int PAGES = 30;
    /// Numbers of the CPU lessons, from 5,000,000 as in the full experiment.
    static final int NUMBERS = 10;
    /// Pages and connections of the many-connections runs of lesson 7.
    static final int MANY_PAGES = 1_000;
    /// Worker counts of the I/O sweep of lesson 3.
    static final List<Integer> IO_SWEEP = List.of(1, 2, 5, 10, 20, 40);
    /// Worker counts of the CPU sweep of lesson 3.
    static final List<Integer> CPU_SWEEP = List.of(1, 2, 4, 8);

    private static final List<Lesson> ALL = build();

    private Lessons() {}

    /// Every lesson, in order.
    public static List<Lesson> all() {
        return ALL;
    }

    /// The lesson numbered `number` (1-based).
    public static Lesson lesson(int number) {
        if (number < 1 || number > ALL.size()) {
            throw new IllegalArgumentException("lessons are numbered 1 to " + ALL.size() + ", not " + number);
        }
        return ALL.get(number - 1);
    }

    /// The step with id `id` ("2.3"), if there is one.
    public static Optional<LessonStep> step(String id) {
        return ALL.stream().flatMap(l -> l.steps().stream()).filter(s -> s.id().equals(id)).findFirst();
    }

    private static List<Lesson> build() {
        return List.of(lesson1(), lesson2(), lesson3(), lesson4(), lesson5(), lesson6(), lesson7());
    }

    private static Lesson lesson1() {
        return new Lesson(1, "Waiting and computing",
                "Concurrency and parallelism, and the two kinds of slow program they help.",
                List.of(
                        step("1.1", "A program that waits",
                                "Concurrency means several tasks are under way during the same stretch of time; parallelism "
                                + "means several run at the same instant, on different processors. Which one helps depends "
                                + "on what a task spends its time on. Here one worker downloads 20 pages in turn from the "
                                + "lab's own web server, which takes 90 ms to answer each request.",
                                download(ModelKind.SYNC).withTasks(20),
                                new Question.MostlyState("What will the worker spend most of its time doing?")),
                        step("1.2", "A program that computes",
                                "Summing the squares of five million numbers needs no network at all. A program like this "
                                + "is CPU-bound: only a faster processor, or several of them at once, gets it done sooner. "
                                + "The downloads were I/O-bound: the processor sat idle while the server took its time.",
                                cpu(ModelKind.SYNC).withTasks(4),
                                new Question.MostlyState("And this worker: what will fill its lane?"))),
                false);
    }

    private static Lesson lesson2() {
        RunSpec sync = download(ModelKind.SYNC);
        RunSpec threads = download(ModelKind.THREADS);
        RunSpec loop = download(ModelKind.EVENTLOOP);
        RunSpec processes = download(ModelKind.PROCESSES);
        return new Lesson(2, "Downloading pages",
                "The same 30 downloads under four models: waiting is cheap to overlap.",
                List.of(
                        step("2.1", "One after another",
                                "The synchronous version is the baseline: each request is sent only once the one before "
                                + "has been answered, so the total is roughly the number of pages times the latency. "
                                + "Before you run it, guess which of the four models in this lesson will win.",
                                sync,
                                new Question.Fastest("Which model will download the 30 pages fastest?", List.of(
                                        option(sync, "2.1"), option(threads, "2.2"), option(loop, "2.3"),
                                        option(processes, "2.4")))),
                        step("2.2", "A pool of five threads",
                                "Five threads take pages from a shared queue. While one waits for its answer the operating "
                                + "system runs another, so up to five requests are in flight at once. The threads share one "
                                + "HTTP client, which is safe to share in Java.",
                                threads,
                                new Question.SpeedUp("How much faster than the synchronous run?", "2.1",
                                        "the synchronous run", List.of(1.5, 3.5, 7.0),
                                        List.of("under 1.5×", "1.5× to 3.5×", "3.5× to 7×", "more than 7×"))),
                        step("2.3", "An event loop",
                                "One thread runs every task's code and switches only where a task says it will wait. All "
                                + "30 requests go out at once without blocking, and the loop picks up each answer as it "
                                + "arrives. Watch the loop's lane: a thin strip of blue, then it waits.",
                                loop,
                                Question.SpeedUp.slowerSameFaster("Compared with the five threads?", "2.2",
                                        "the thread pool")),
                        step("2.4", "Separate processes",
                                "Each process is a whole JVM with its own memory and its own HTTP client; tasks reach it "
                                + "as data. There is one process per processor, and starting them costs time (grey). "
                                + "More processors do not help a program that mostly waits.",
                                processes,
                                Question.SpeedUp.slowerSameFaster("Compared with the five threads?", "2.2",
                                        "the thread pool"))),
                false);
    }

    private static Lesson lesson3() {
        RunSpec io = download(ModelKind.THREADS).withTasks(40).with(RunParams.LATENCY_MS, 50);
        RunSpec compute = cpu(ModelKind.THREADS).withTasks(8);
        List<RunSpec> ioSweep = IO_SWEEP.stream().map(io::withWorkers).toList();
        List<RunSpec> cpuSweep = CPU_SWEEP.stream().map(compute::withWorkers).toList();
        return new Lesson(3, "How many threads?",
                "The best pool size is not a constant: it follows the work.",
                List.of(
                        new LessonStep("3.1", "Threads for waiting",
                                "The same 40 downloads run six times, on pools from 1 to 40 threads. A thread that waits "
                                + "costs almost nothing, so as long as there are requests left to send, another thread "
                                + "means another request in flight.",
                                ioSweep, sweepQuestion("Which pool will finish the 40 downloads first?", "3.1", ioSweep)),
                        new LessonStep("3.2", "Threads for computing",
                                "Now eight sums of squares on pools from 1 to 8 threads. A computing thread needs a "
                                + "processor for itself: once every core is busy, more threads only take turns. Compare "
                                + "the best size here with the best size for downloads.",
                                cpuSweep, sweepQuestion("Which pool will finish the eight sums first?", "3.2", cpuSweep))),
                false);
    }

    private static Lesson lesson4() {
        RunSpec threads = cpu(ModelKind.THREADS);
        Question comparedWithSync = Question.SpeedUp.slowerSameFaster("Compared with the synchronous run?", "4.1",
                "the synchronous run");
        return new Lesson(4, "Sum of squares",
                "CPU-bound work: Java threads compute in parallel; CPython's do not.",
                List.of(
                        step("4.1", "The baseline",
                                "Ten sums of squares, each of about five million big-integer additions, one after the "
                                + "other. Nothing waits here: the single lane is blue from start to end.",
                                cpu(ModelKind.SYNC),
                                new Question.HowLong("Roughly how long will the ten sums take?", List.of(0.5, 2.0, 5.0))),
                        step("4.2", "Threads, Java style",
                                "Five threads share the ten sums. In CPython this gains nothing, but a Java thread runs "
                                + "on any free core, at the same time as the others, so the work spreads over every "
                                + "processor of this machine.",
                                threads,
                                comparedWithSync),
                        step("4.3", "Threads with the GIL",
                                "Now the same pool in Python mode: a global lock lets one thread run at a time and passes "
                                + "it on every 5 ms. The other threads wait for it (amber). This is what the article "
                                + "measured in CPython.",
                                threads.withGil(true),
                                comparedWithSync),
                        step("4.4", "Processes",
                                "Separate processes have separate interpreters, so no lock stands between them: the way "
                                + "out in Python. They pay for their start-up (grey) and for sending the work over, which "
                                + "a long job earns back.",
                                cpu(ModelKind.PROCESSES),
                                comparedWithSync)),
                false);
    }

    private static Lesson lesson5() {
        RunSpec unsafe = RunSpec.defaults(WorkloadKind.RACE, ModelKind.THREADS);
        return new Lesson(5, "Race condition",
                "Threads that share data can lose updates; a lock fixes it; an event loop never has the problem.",
                List.of(
                        step("5.1", "Lost updates",
                                "5,000 tasks each add one to a shared counter 100 times. An unsafe update reads the "
                                + "counter, then writes back the value plus one. If two threads read before either "
                                + "writes, one of the two additions disappears.",
                                unsafe,
                                new Question.LostUpdates("Will the counter reach 500,000?")),
                        step("5.2", "A lock",
                                "The same update inside a synchronized method: only one thread at a time may read and "
                                + "write the counter. The threads now queue for the lock, which costs some speed.",
                                unsafe.with(RunParams.COUNTER_MODE, Step.CounterMode.SYNCHRONIZED),
                                new Question.LostUpdates("Will any update be lost now?")),
                        step("5.3", "An atomic counter",
                                "An AtomicLong adds one in a single indivisible instruction of the processor: no lock, "
                                + "and no gap between read and write for another thread to slip into. Compare its time "
                                + "with the lock's.",
                                unsafe.with(RunParams.COUNTER_MODE, Step.CounterMode.ATOMIC),
                                new Question.LostUpdates("And with the atomic counter?")),
                        step("5.4", "The event loop",
                                "Back to the unsafe update, on an event loop. Its one thread switches tasks only where "
                                + "a task waits, and nothing waits between the read and the write, so no other task "
                                + "can get in between.",
                                unsafe.withModel(ModelKind.EVENTLOOP),
                                new Question.LostUpdates("Will the event loop lose updates?")),
                        new LessonStep("5.5", "Be the scheduler",
                                "Two threads, 1,000 unsafe increments each: the gap between a read and its write is a "
                                + "few nanoseconds, and the threads rarely land in it together. Predict, run, then be "
                                + "the scheduler in the race lab: switch the threads between the read and the write "
                                + "yourself, and watch one update disappear.",
                                List.of(unsafe.withWorkers(2).withTasks(2).with(RunParams.INCREMENTS, 1_000)),
                                new Question.LostUpdates("With only two threads, will any update be lost?"), "lost-update")),
                false);
    }

    private static Lesson lesson6() {
        RunSpec mixed = RunSpec.defaults(WorkloadKind.MIXED, ModelKind.EVENTLOOP).withTasks(PAGES).with(RunParams.CPU_MS, 30);
        return new Lesson(6, "The task that does not cooperate",
                "An event loop is only as quick as its slowest stretch of code between two waits.",
                List.of(
                        step("6.1", "Downloads only",
                                "The event loop downloads 30 pages: every request is in flight at once, and the loop "
                                + "spends almost all its time waiting. This is the event loop at its best.",
                                download(ModelKind.EVENTLOOP),
                                new Question.HowLong("Roughly how long for all 30 pages?", List.of(0.25, 1.0, 3.0))),
                        step("6.2", "Downloads and a heavy parse",
                                "Now each page is also parsed for 30 ms of CPU time. The parse runs on the loop's only "
                                + "thread and never pauses to wait, so while one page is parsed no other task moves: "
                                + "their answers are there, queued, waiting for the loop.",
                                mixed,
                                new Question.SpeedUp("How will the parsing change the loop's time?", "6.1",
                                        "the downloads alone", List.of(0.5, 1 / 1.2),
                                        List.of("more than twice as slow", "a little slower", "about the same"))),
                        step("6.3", "Virtual threads",
                                "The same work on virtual threads: each task has a thread of its own, cheap as a "
                                + "coroutine, and a busy one is simply run alongside the others on the machine's few "
                                + "processor threads. One long parse no longer stops everyone.",
                                mixed.withModel(ModelKind.VIRTUAL),
                                Question.SpeedUp.slowerSameFaster("Compared with the event loop?", "6.2",
                                        "the event loop"))),
                false);
    }

    private static Lesson lesson7() {
        RunSpec many = download(ModelKind.EVENTLOOP).withTasks(MANY_PAGES).with(RunParams.MAX_CONNECTIONS, MANY_PAGES);
        return new Lesson(7, "When to use which",
                "The decision guide, filled in with the numbers you measured.",
                List.of(
                        step("7.1", "A thousand pages at once",
                                "A last measurement for the guide: 1,000 downloads with 1,000 connections, on the event "
                                + "loop. A pool of threads would need a thousand operating-system threads for this.",
                                many,
                                new Question.HowLong("Roughly how long for 1,000 pages?", List.of(0.5, 2.0, 10.0))),
                        step("7.2", "The same with virtual threads",
                                "And on virtual threads: plain blocking code, one thread per page, yet only a few "
                                + "platform threads carry them. Then read the guide below, with your own numbers.",
                                many.withModel(ModelKind.VIRTUAL),
                                Question.SpeedUp.slowerSameFaster("Compared with the event loop?", "7.1",
                                        "the event loop"))),
                true);
    }

    /// The download experiment at classroom size: 30 pages at the demo sites' 90 ms.
    static RunSpec download(ModelKind model) {
        return RunSpec.defaults(WorkloadKind.DOWNLOAD, model).withTasks(PAGES);
    }

    /// The sum of squares at classroom size: 10 numbers from 5,000,000.
    static RunSpec cpu(ModelKind model) {
        return RunSpec.defaults(WorkloadKind.CPU, model).withTasks(NUMBERS);
    }

    /// A step of a single run.
    private static LessonStep step(String id, String title, String text, RunSpec run, Question question) {
        return new LessonStep(id, title, text, List.of(run), question);
    }

    private static Question.Option option(RunSpec spec, String step) {
        return new Question.Option(LessonStep.modelLabel(spec), step, 0);
    }

    private static Question sweepQuestion(String prompt, String step, List<RunSpec> sweep) {
        List<Question.Option> options = new ArrayList<>();
        IntStream.range(0, sweep.size()).forEach(i -> options.add(new Question.Option(
                sweep.get(i).workers() + (sweep.get(i).workers() == 1 ? " thread" : " threads"), step, i)));
        return new Question.Fastest(prompt, options);
    }
}
