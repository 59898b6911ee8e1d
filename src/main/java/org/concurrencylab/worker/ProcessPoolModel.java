package org.concurrencylab.worker;

import org.concurrencylab.core.run.RunParams;

import org.concurrencylab.core.model.CancelledException;
import org.concurrencylab.core.model.ConcurrencyModel;
import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.model.RunContext;
import org.concurrencylab.core.model.RunControl;
import org.concurrencylab.core.model.TaskOutcome;
import org.concurrencylab.core.trace.LaneKind;
import org.concurrencylab.core.trace.RunClock;
import org.concurrencylab.core.trace.Segment;
import org.concurrencylab.core.trace.State;
import org.concurrencylab.core.trace.TraceRecorder;
import org.concurrencylab.core.workload.Step;
import org.concurrencylab.core.workload.TaskPlan;
import org.concurrencylab.net.Http;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/// N worker processes taking tasks from one queue: Python's `multiprocessing.Pool`. Each process
/// is a JVM of its own ([WorkerMain]), with its own HTTP client and its own memory; tasks travel
/// to it as JSON lines, its state changes come back the same way and are drawn on its lane at the
/// child's own (aligned) times. A process's start-up is drawn as STARTUP: by default each run
/// starts its processes and stops them at its end; kept warm, they are reused across runs
/// through a [WorkerPool], so a second run starts at once.
///
/// Each idle process gets the next task, one task in flight per process: a process that dies
/// fails only its task in flight and the others take the rest; if every process dies, the tasks
/// left fail with a clear error. A stop kills the run's processes (the pool starts new ones for
/// the next run).
///
/// Thread-safety: [#run] is called by one thread at a time; [#childCounts] may be read from any
/// thread once the run has returned.
public final class ProcessPoolModel implements ConcurrencyModel {
    /// How long a process may take to start before it is given up.
    static final long STARTUP_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);
    /// How long the children may take to answer how far they counted.
    static final long COUNT_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(5);
    /// The dispatcher's longest wait for an event: how soon it sees a stop at the latest.
    private static final long MAX_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final int workers;
    private final WorkerPool pool;
    private final boolean keepWarm;
    private volatile List<Long> childCounts = List.of();

    /// A model whose processes stay in `pool` for later runs.
    public ProcessPoolModel(int workers, WorkerPool pool) {
        this(workers, pool, true);
    }

    /// A model on `pool`: with `keepWarm` its processes stay for later runs (and earlier runs'
    /// are reused); without, the run starts its own and stops them as it ends, as the article's
    /// `with Pool() as pool:` does.
    public ProcessPoolModel(int workers, WorkerPool pool, boolean keepWarm) {
        if (workers < 1 || workers > WorkerPool.MAX_WORKERS) {
            throw new IllegalArgumentException("workers must be between 1 and " + WorkerPool.MAX_WORKERS + ", was " + workers);
        }
        this.workers = workers;
        this.pool = pool;
        this.keepWarm = keepWarm;
    }

    @Override
    public ModelKind kind() {
        return ModelKind.PROCESSES;
    }

    @Override
    public int workers() {
        return workers;
    }

    /// After a race run: what each process's own counter read at the end, in lane order (a
    /// process that died before it could answer, or was still starting, is missing); the same
    /// counts go to the run's [org.concurrencylab.core.model.ModelFacts]. The processes share no
    /// memory, so each counted only its own tasks' increments, and the parent's counter stays 0.
    public List<Long> childCounts() {
        return childCounts;
    }

    @Override
    public void run(RunContext context) throws InterruptedException {
        childCounts = List.of();
        WorkerPool.Lease lease;
        try {
            lease = pool.lease(workers, context.control(), !keepWarm);
        } catch (CancelledException stopped) {
            return;
        }
        try (lease; RunControl.Registration killOnStop = context.control().onCancel(lease::killAll)) {
            childCounts = new Dispatcher(context, lease).run();
            for (long count : childCounts) context.facts().addWorkerCount(count);
        }
    }

    /// One run's dispatch: the run's thread takes events from the processes' reader threads off
    /// one queue, so all the run's state below is confined to that thread.
    private static final class Dispatcher {
        private final RunContext context;
        private final WorkerPool.Lease lease;
        private final TraceRecorder recorder;
        private final RunClock clock;
        private final BlockingQueue<WorkerProcess.Event> events = new LinkedBlockingQueue<>();
        private final List<ProcessLane> lanes = new ArrayList<>();
        private final Deque<TaskPlan> queue;
        private final Protocol.Reset reset;
        private final Step.CounterMode countMode;
        private final Map<Integer, Long> counts = new TreeMap<>();
        private int finished;
        private String lastDeath;

        Dispatcher(RunContext context, WorkerPool.Lease lease) {
            this.context = context;
            this.lease = lease;
            this.recorder = context.recorder();
            this.clock = recorder.clock();
            this.queue = new ArrayDeque<>(context.plans());
            boolean http = context.plans().stream().flatMap(p -> p.steps().stream()).anyMatch(Step.Fetch.class::isInstance);
            // the children make their own clients, with the timeouts of the run's
            Http client = context.http();
            this.reset = client == null ? new Protocol.Reset(http)
                    : new Protocol.Reset(http, millis(client.connectTimeout()), millis(client.readTimeout()));
            this.countMode = context.plans().stream().flatMap(p -> p.steps().stream())
                    .filter(Step.Increment.class::isInstance).map(s -> ((Step.Increment) s).mode())
                    .findFirst().orElse(null);
        }

        /// Runs every task; returns the processes' counts (race runs) or an empty list.
        List<Long> run() throws InterruptedException {
            boolean clean = false;
            try {
                openLanes();
                dispatch();
                if (!context.control().cancelled()) collectCounts();
                clean = true;
                return List.copyOf(counts.values());
            } finally {
                for (ProcessLane lane : lanes) {
                    if (lane.worker() != null) lane.worker().attach(null);
                }
                if (!clean || context.control().cancelled()) stopAll("cancelled");
                for (ProcessLane lane : lanes) lane.endStartup();
            }
        }

        private void openLanes() {
            long now = clock.now();
            for (int slot = 0; slot < lease.size(); slot++) {
                WorkerProcess worker = lease.worker(slot);
                String name = "process " + (slot + 1) + (worker == null ? " (not started)" : " (pid " + worker.pid() + ")");
                int lane = recorder.addLane(name, LaneKind.PROCESS).id();
                ProcessLane processLane = new ProcessLane(recorder, worker, slot, lane);
                lanes.add(processLane);
                if (worker == null) {
                    processLane.notStarted(lease.startError(slot));
                    lastDeath = lease.startError(slot);
                } else {
                    worker.attach(events::add);
                    processLane.open(reset, now);
                    if (processLane.status() == ProcessLane.Status.DEAD) lastDeath = processLane.deathReason();
                }
            }
        }

        private void dispatch() throws InterruptedException {
            RunControl control = context.control();
            long submitted = clock.now();
            // code:process-pool
            while (finished < context.plans().size() && !control.cancelled()) {
                for (ProcessLane lane : lanes) {
                    if (lane.idle() && !queue.isEmpty()) {
                        TaskPlan plan = queue.poll();           // each idle process takes the next task:
                        queued(plan, submitted, clock.now());
                        lane.send(plan, clock.now());           // one task in flight per process
                    }
                }
                if (lanes.stream().allMatch(l -> l.status() == ProcessLane.Status.DEAD)) {
                    failQueued(submitted);                      // no process left to run them
                    break;
                }
                WorkerProcess.Event event = events.poll(waitNanos(), TimeUnit.NANOSECONDS);
                if (event != null) handle(event);               // states, outcomes, deaths
                long now = clock.now();
                for (ProcessLane lane : lanes) lane.tick(now);  // draw long states while they last
                giveUpSlowStarts(now);
            }
            // end:process-pool
        }

        private void handle(WorkerProcess.Event event) {
            // after a stop, the processes die because they were killed: the stop says what happened
            if (context.control().cancelled()) return;
            ProcessLane lane = lanes.get(event.worker().slot());
            if (lane.worker() != event.worker()) return;
            switch (event) {
                case WorkerProcess.Started _ -> lane.started(reset);
                case WorkerProcess.Message(WorkerProcess _, Protocol.Event message) -> {
                    switch (message) {
                        case Protocol.Ready _ -> lane.prepared(clock.now());
                        case Protocol.Began began -> lane.began(began);
                        case Protocol.Ended ended -> lane.ended(ended);
                        case Protocol.Outcome outcome -> {
                            TaskOutcome done = lane.outcome(outcome);
                            if (done != null) finish(done);
                            else lane.kill(lane.worker().describe() + " sent an unexpected message: the outcome of task "
                                    + outcome.task() + (lane.task() == null ? " while idle" : " while running task " + lane.task().id()));
                        }
                        case Protocol.Counted counted -> counts.put(lane.slot(), counted.value());
                        case Protocol.Pong _ -> { }
                    }
                }
                case WorkerProcess.Unreadable unreadable -> laneDied(lane, unreadable.error());
                case WorkerProcess.Exited exited -> laneDied(lane, lane.exitMessage(exited.code()));
            }
        }

        private void laneDied(ProcessLane lane, String error) {
            if (lane.status() == ProcessLane.Status.DEAD) return;
            lastDeath = error;
            TaskPlan failed = lane.die(error, clock.now());
            if (failed != null) finish(TaskOutcome.failure(failed.id(), failed.name(), error));
        }

        private void finish(TaskOutcome outcome) {
            context.outcomes().add(outcome);
            finished++;
        }

        private void queued(TaskPlan plan, long since, long now) {
            if (now > since) recorder.record(Segment.closed(Segment.NO_LANE, plan.id(), State.QUEUED, since, now, plan.name()));
        }

        /// Every process is gone: the tasks still queued fail, each with the reason.
        private void failQueued(long submitted) {
            String error = "not run: no worker process is left (" + lastDeath + ")";
            long now = clock.now();
            for (TaskPlan plan = queue.poll(); plan != null; plan = queue.poll()) {
                recorder.record(new Segment(Segment.NO_LANE, plan.id(), State.QUEUED, submitted, Math.max(submitted, now),
                        plan.name(), error, false));
                finish(TaskOutcome.failure(plan.id(), plan.name(), error));
            }
        }

        private long waitNanos() {
            long now = clock.now();
            long wait = MAX_WAIT_NANOS;
            for (ProcessLane lane : lanes) wait = Math.min(wait, lane.nextTick() - now);
            return Math.max(0, wait);
        }

        private void giveUpSlowStarts(long now) {
            for (ProcessLane lane : lanes) {
                ProcessLane.Status status = lane.status();
                if ((status == ProcessLane.Status.STARTING || status == ProcessLane.Status.PREPARING)
                        && now - lane.startupSince() > STARTUP_TIMEOUT_NANOS) {
                    lane.kill(lane.worker().describe() + " did not start within "
                            + TimeUnit.NANOSECONDS.toSeconds(STARTUP_TIMEOUT_NANOS) + " s");
                }
            }
        }

        /// At the end of a race run, asks each process what its own counter reads.
        private void collectCounts() throws InterruptedException {
            if (countMode == null) return;
            for (ProcessLane lane : lanes) {
                if (!lane.idle()) continue;
                try {
                    lane.worker().send(new Protocol.Count(countMode));
                } catch (IOException e) {
                    // the process is exiting: its count is lost with it
                }
            }
            long deadline = System.nanoTime() + COUNT_TIMEOUT_NANOS;
            while (lanes.stream().anyMatch(l -> l.idle() && !counts.containsKey(l.slot())) && !context.control().cancelled()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) break;
                WorkerProcess.Event event = events.poll(Math.min(left, MAX_WAIT_NANOS), TimeUnit.NANOSECONDS);
                if (event != null) handle(event);
            }
        }

        /// Ends the run's open states with `reason` and kills the run's processes.
        private void stopAll(String reason) {
            lease.killAll();
            long now = clock.now();
            for (ProcessLane lane : lanes) {
                if (lane.status() != ProcessLane.Status.DEAD) lane.die(reason, now);
            }
        }
    }

    /// `d` in whole ms, within what a [Protocol.Reset] carries (OkHttp's 0, no timeout, is the most).
    private static int millis(Duration d) {
        long ms = d.toMillis();
        return ms <= 0 || ms > RunParams.MAX_TIMEOUT_MS ? RunParams.MAX_TIMEOUT_MS : (int) ms;
    }
}
