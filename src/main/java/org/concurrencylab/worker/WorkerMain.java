package org.concurrencylab.worker;

import org.concurrencylab.core.run.RunParams;

import org.concurrencylab.core.model.BlockingInterpreter;
import org.concurrencylab.core.model.RunControl;
import org.concurrencylab.core.model.TaskContext;
import org.concurrencylab.core.model.TaskOutcome;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.trace.LaneKind;
import org.concurrencylab.core.trace.LaneTrack;
import org.concurrencylab.core.trace.RunClock;
import org.concurrencylab.core.trace.TraceRecorder;
import org.concurrencylab.core.workload.SharedCounter;
import org.concurrencylab.core.workload.Step;
import org.concurrencylab.core.workload.TaskPlan;
import org.concurrencylab.net.Http;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/// The entry point of a worker process of the process pool, the analogue of one process of
/// Python's `multiprocessing.Pool`. It reads [Protocol.Command]s as JSON lines on stdin, runs task
/// plans with the blocking interpreter, its own HTTP client (one per process, like the article's
/// per-process session) and its own counter (processes share no memory), and writes
/// [Protocol.Event]s as JSON lines on stdout.
///
/// Before it says ready it warms up ([WorkerWarmup]), so its first tasks are not measured on a
/// cold JVM: everything before "ready" is start-up. It exits when its stdin ends, so a parent that
/// dies leaves no orphans.
///
/// Threads: `main` warms up, then runs commands one at a time; `worker-stdin` reads commands and
/// answers pings at once; `worker-reporter` forwards state changes while a task runs.
public final class WorkerMain {
    /// Exit status when the parent sent a line that is not a command.
    static final int EXIT_BAD_COMMAND = 2;
    /// Exit status after an `Error` (out of memory…) escaped a task.
    static final int EXIT_TASK_ERROR = 70;
    /// The argument of a training run: warm up completely, then exit (see [AotCache]).
    static final String TRAIN = "--train";

    private WorkerMain() {}

    public static void main(String[] args) throws InterruptedException {
        // stdout carries the protocol alone: anything else printed goes to stderr
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        System.setOut(System.err);
        boolean train = args.length > 0 && args[0].equals(TRAIN);

        Worker worker = new Worker(RunClock.startingNow(), new Output(protocol));
        BlockingQueue<Protocol.Command> commands = new LinkedBlockingQueue<>();
        if (!train) Thread.ofPlatform().daemon(true).name("worker-stdin").start(() -> readCommands(worker, commands));

        long warmStart = System.nanoTime();
        WorkerWarmup.compute(worker.throwaway());
        if (train) {
            worker.warmHttp();
            System.exit(0);
        }
        worker.send(new Protocol.Ready(ProcessHandle.current().pid(), worker.clock.now(), System.nanoTime() - warmStart));
        while (true) worker.execute(commands.take());
    }

    /// Reads commands until stdin ends, then exits: the parent is gone or done with us.
    private static void readCommands(Worker worker, BlockingQueue<Protocol.Command> commands) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                Protocol.Command command = Protocol.readCommand(line);
                switch (command) {
                    case Protocol.Ping ping -> worker.send(new Protocol.Pong(ping.id(), worker.clock.now()));
                    case Protocol.Exit _ -> System.exit(0);
                    case null -> throw new IOException("an empty command");
                    default -> commands.add(command);
                }
            }
        } catch (IOException e) {
            System.err.println("worker: cannot read a command: " + e.getMessage());
            System.exit(EXIT_BAD_COMMAND);
        }
        System.exit(0);
    }

    /// Writes events, one line each, flushed at once.
    ///
    /// Thread-safety: thread-safe; lines from several threads never interleave.
    static final class Output {
        private final PrintStream out;

        Output(OutputStream out) {
            this.out = out instanceof PrintStream print ? print : new PrintStream(out, false, StandardCharsets.UTF_8);
        }

        synchronized void send(Protocol.Event event) {
            out.print(Protocol.write(event));
            out.print('\n');
            out.flush();
        }
    }

    /// One process's worker: its HTTP client (made when first needed; a run with other timeouts
    /// gets one derived from it), its counter and trace for the current run, and its interpreter.
    ///
    /// Thread-safety: [#execute] runs on one thread at a time (`main`); [#send] and the clock may
    /// be used from any thread.
    static final class Worker {
        private final RunClock clock;
        private final Output output;
        private final StateReporter reporter;
        private final RunControl control = new RunControl();
        /// The client made with the default timeouts; it owns the threads and connections.
        private Http baseHttp;
        /// The current run's client: [#baseHttp], or one derived from it with the run's timeouts.
        private Http http;
        private int connectTimeoutMs = RunParams.DEFAULT_CONNECT_TIMEOUT_MS;
        private int readTimeoutMs = RunParams.DEFAULT_READ_TIMEOUT_MS;
        private boolean httpWarm;
        private TraceRecorder recorder;
        private SharedCounter counter;
        private LaneTrack lane;
        private BlockingInterpreter interpreter;

        Worker(RunClock clock, Output output) {
            this.clock = clock;
            this.output = output;
            this.reporter = new StateReporter(output);
            reset();
        }

        /// A worker sharing this one's clock and HTTP client whose events go nowhere: for warm-ups.
        Worker throwaway() {
            Worker other = new Worker(clock, new Output(OutputStream.nullOutputStream()));
            other.baseHttp = baseHttp;
            other.http = baseHttp; // warm-ups fetch with the default timeouts, whatever the run's
            other.reset();
            return other;
        }

        void send(Protocol.Event event) {
            output.send(event);
        }

        void execute(Protocol.Command command) {
            switch (command) {
                case Protocol.Run run -> run(run.plan());
                case Protocol.Reset reset -> {
                    long start = System.nanoTime();
                    timeouts(reset.connectTimeoutMs(), reset.readTimeoutMs());
                    if (reset.http()) warmHttp();
                    reset();
                    send(new Protocol.Ready(ProcessHandle.current().pid(), clock.now(), httpWarmNanos(start, reset)));
                }
                case Protocol.Count count -> send(new Protocol.Counted(count.mode(), counter.value(count.mode())));
                case Protocol.Ping ping -> send(new Protocol.Pong(ping.id(), clock.now()));
                case Protocol.Exit _ -> System.exit(0);
            }
        }

        private static long httpWarmNanos(long start, Protocol.Reset reset) {
            return reset.http() ? System.nanoTime() - start : 0;
        }

        /// Makes the HTTP client if there is none and warms it, once.
        void warmHttp() {
            if (httpWarm) return;
            http();
            WorkerWarmup.http(throwaway());
            httpWarm = true;
        }

        private Http http() {
            if (http == null) {
                baseHttp = Http.createDefault();
                http = runClient();
                interpreter = new BlockingInterpreter(recorder, http, counter);
            }
            return http;
        }

        /// The timeouts of the run that begins; the client follows them.
        private void timeouts(int connectMs, int readMs) {
            connectTimeoutMs = connectMs;
            readTimeoutMs = readMs;
            if (baseHttp != null) http = runClient();
        }

        private Http runClient() {
            if (connectTimeoutMs == RunParams.DEFAULT_CONNECT_TIMEOUT_MS && readTimeoutMs == RunParams.DEFAULT_READ_TIMEOUT_MS) {
                return baseHttp;
            }
            return baseHttp.withTimeouts(Duration.ofMillis(connectTimeoutMs), Duration.ofMillis(readTimeoutMs));
        }

        private void reset() {
            recorder = TraceRecorder.create(clock, reporter::changed);
            counter = new SharedCounter();
            lane = recorder.track(recorder.addLane("worker", LaneKind.PROCESS));
            interpreter = new BlockingInterpreter(recorder, http, counter);
            reporter.follow(recorder, lane.lane());
        }

        private void run(TaskPlan plan) {
            if (http == null && plan.steps().stream().anyMatch(Step.Fetch.class::isInstance)) http();
            // code:process-worker
            TaskContext context = new TaskContext(lane, plan.id(), control);
            reporter.taskStarted();
            TaskOutcome outcome;
            Error fatal = null;
            try {
                // no queued time here: the parent draws how long the task waited for a process
                outcome = interpreter.run(plan, context, Long.MAX_VALUE);
            } catch (RuntimeException | Error e) {
                String message = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                context.fail(message);
                outcome = TaskOutcome.failure(plan.id(), plan.name(), message);
                if (e instanceof Error error) fatal = error;
            }
            // end:process-worker
            reporter.taskEnded();
            send(new Protocol.Outcome(plan.id(), outcome.ok(), outcome.result(), outcome.error()));
            if (fatal != null) {
                System.err.println("worker: " + fatal + " while running task " + plan.id() + "; exiting");
                System.exit(EXIT_TASK_ERROR);
            }
        }
    }
}
