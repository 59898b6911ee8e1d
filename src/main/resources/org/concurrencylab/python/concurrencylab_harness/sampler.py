"""The relay's sampler: the kernel's view of the measured threads, turned into pieces."""

import os

from .common import now

# a thread's state in /proc/PID/task/TID/stat, as the byte read there
R, S = ord("R"), ord("S")


class Sampler:
    """Splits the CPU steps of the program's threads into running and waiting for the GIL.

    Every `period` (1 ms by default) it reads `/proc/PID/task/TID/schedstat` of every thread of the
    watched processes (the runner, and each pool process once it reports a step), and its `stat`
    when that moved (see below), and keeps each thread's recent scheduler states and its run delay:
    R (on a CPU, or runnable and waiting for one) is WORK, except for the waits for a core, READY,
    that the run delay (field 2 of `schedstat`, the ns runnable but not running, added when the wait
    ends) places within R; S (asleep: in CPython a thread that waits for the GIL sleeps on a
    condition variable) is LOCK_WAIT, "waiting for the GIL"; other states (exiting, stopped) say
    nothing and are skipped. (Drawing all of R as WORK drew five GIL-bound threads on two cores
    computing at once for a third of the run: woken to take the GIL, they wait for a core.) A CPU
    step sleeps on nothing else, so within one, S is the GIL. (A free-threaded build has no GIL to
    wait for: its threads are R side by side, drawn computing at once.)
    Threads are sampled all along, not only once a step is reported, because a step's events
    reach the relay late: a thread that stamps the time and then writes its event may lose the
    GIL in between, for tens of ms. (A pool's processes are the exception: see `eager`.)

    A step's pieces are built from that history: a change of state is placed halfway between the
    two samples that saw it, so a drawn edge is within half a period of the true one, and the
    drawing's resolution is the sampling period (about 1.1 ms on the 2-core machine, as the
    relay's sleep overshoots) while the relay gets a core: when the machine keeps it from one
    (a JVM compiling at the run's start), a state is drawn on until the next sample, and two
    threads may show WORK at once for up to that gap. A wait for a core is drawn for the length
    the kernel measured, ending halfway between the samples around its end. Pieces go out `LAG`
    behind the present, so that the step's end, itself reported late, is nearly always known
    before the samples after it are read; a piece that would still run past the end is cut at it.
    The state is read rather than schedstat's on-CPU counter because the kernel updates that
    counter of a running thread only at its scheduler tick (4 ms at HZ=250), too coarse for a
    5 ms switch interval. But `schedstat` is read first, and `stat` only when it moved: its three
    numbers (on-CPU ns, run delay, times switched in) change whenever the thread is switched in
    or out, as the kernel adds the time it ran when it leaves a core, and at its ticks. Unchanged,
    the thread is where the last sample saw it: on a core still, in the runqueue still, or
    asleep, or woken and not yet on a core (that wait is drawn from the run delay once it ends).
    (The kernel also adds to the run delay when it moves a waiting thread to another core's
    runqueue: `stat` is then read, R, while the thread still waits, as every sample read it
    before.) A kernel without scheduler statistics writes `0 0 0`, which never moves: there
    `stat` is read at every sample. Generating `stat` costs the kernel about three times what
    `schedstat` does, and most threads of a GIL-bound run sleep through most samples.

    The totals of a step are exact where the kernel is: on-CPU time from the thread's own
    CLOCK_THREAD_CPUTIME_ID at the step's edges, runqueue wait from `/proc/PID/task/TID/schedstat`
    (field 2, the ns it was runnable but not running) read when the step is reported, less the
    waits sampled since it began, and when it ends, less the waits sampled since it ended (so a
    step's total spans its own edges, not the late reports of them), and GIL wait = wall - on-CPU
    - runqueue.

    Without /proc (macOS, Windows) nothing is sampled: a step stays one WORK segment and only its
    totals are reported, with GIL wait = wall - on-CPU: the coarser fallback of the thread's CPU
    clock at the step's edges.

    The relay is a separate process with its own interpreter, so sampling takes nothing from the
    measured interpreter's GIL; it costs a few per cent of one core.

    Thread-safety: confined to the relay's main thread."""

    LAG = 100_000_000
    RESCAN = 20_000_000
    # the steps' pieces are built every 10 ms, not at every sample: the pieces are the same (they
    # come from the samples, LAG behind), and building them at every sample was a third of the
    # relay's work
    ADVANCE = 10_000_000
    HISTORY = 4_000_000_000

    class Thread:
        __slots__ = ("stat", "schedstat", "times", "running", "base", "delay", "ready", "ready_base",
                     "sched", "state", "read")

        def __init__(self, stat, schedstat):
            """A thread not sampled yet, whose `stat` and `schedstat` are open as these fds."""
            self.stat, self.schedstat = stat, schedstat
            self.times, self.running, self.base = [], [], 0
            self.delay, self.ready, self.ready_base = None, [], 0
            self.sched, self.state, self.read = None, None, False

    class Step:
        __slots__ = ("lane", "task", "label", "start", "cpu", "runq", "thread", "key",
                     "piece", "piece_start", "next", "drawn_wait", "base_state", "cursor", "ready_next")

    def __init__(self, period_ns, send, eager=True):
        self.period = period_ns
        self.send = send
        # every thread from the start (threads: a step's event may come tens of ms late, behind
        # the GIL), or only those that reported a step (a pool's processes: each one runs alone
        # on its own GIL and reports at once; its other threads never compute, and sampling them
        # cost the relay a core's tenth)
        self.eager = eager
        self.procfs = os.path.isdir("/proc/self/task")
        self.pids = set()
        self.threads = {}
        self.steps = {}
        self.due = 0
        self.scanned = 0
        self.advanced = 0

    def watch(self, pid):
        if self.procfs:
            self.pids.add(pid)
            self.scan(now())

    def active(self):
        return bool(self.pids)

    def wait(self):
        """Seconds until the next sample is due; None when nothing is to be sampled."""
        if not self.active():
            return None
        return max(0, self.due - now()) / 1e9

    def tick(self):
        t = now()
        if not self.active() or t < self.due:
            return
        if t - self.scanned >= self.RESCAN:
            self.scan(t)
        self.sample(t)
        self.due = t + self.period
        if t - self.advanced >= self.ADVANCE:
            self.advanced = t
            for step in list(self.steps.values()):
                self.advance(step, t - self.LAG)

    def scan(self, t):
        """Finds the watched processes' threads; forgets the processes that are gone."""
        self.scanned = t
        for pid in list(self.pids):
            try:
                tids = os.listdir("/proc/%d/task" % pid)
            except OSError:
                self.pids.discard(pid)
                continue
            if not self.eager:
                continue
            for tid in tids:
                key = (pid, int(tid))
                if key not in self.threads:
                    self.open(key)

    def open(self, key):
        base = "/proc/%d/task/%d/" % key
        try:
            stat = os.open(base + "stat", os.O_RDONLY)
        except OSError:
            return None
        try:
            schedstat = os.open(base + "schedstat", os.O_RDONLY)
        except OSError:
            os.close(stat)  # the thread ended between the two
            return None
        thread = Sampler.Thread(stat, schedstat)
        self.threads[key] = thread
        return thread

    def sample(self, t):
        pread = os.pread
        for key, thread in list(self.threads.items()):
            try:
                sched = pread(thread.schedstat, 128, 0)
                if sched == thread.sched and not sched.endswith(b" 0\n"):
                    # nothing switched the thread in or out since the last sample: it is where it
                    # was (see the class's comment), and its `stat`, most of a sample's cost, is
                    # not read (a count of 0 switches in: no statistics, or it never ran)
                    state, read = thread.state, False
                else:
                    raw = pread(thread.stat, 512, 0)
                    state, read = raw[raw.rindex(b")") + 2], True
                    delay = int(sched.split(None, 2)[1])
            except (OSError, ValueError, IndexError):
                self.forget(key)
                continue
            if read:
                if thread.delay is not None and delay > thread.delay:
                    self.queued(thread, t, delay - thread.delay)
                thread.sched, thread.state, thread.delay = sched, state, delay
            if state != R and state != S:
                thread.read = False  # the last sample kept is no longer the last state read
                continue  # exiting, stopped, in the disk: no news of the GIL
            times = thread.times
            times.append(t)
            thread.running.append(state == R)
            thread.read = read
            if len(times) > 64 and t - times[0] > self.HISTORY:
                self.trim(key, thread)

    def queued(self, thread, t, waited):
        """The thread waited `waited` ns in the runqueue and got a core since the last sample.

        The kernel adds a wait to the thread's run delay when the wait ends, so the wait ended
        between the two samples: it is placed to end halfway between them (or to start just after
        the last one, if that read the thread asleep: one that only kept the state from the sample
        before may have missed a wake-up), never over the wait placed before it. R
        means "on a core, or runnable and waiting for one"; these intervals tell the two apart."""
        last = thread.times[-1] if thread.times else t
        if thread.times and not thread.running[-1] and thread.read:
            start = last
            end = min(t, start + waited)
        else:
            end = (last + t) // 2
            start = end - waited
        if thread.ready:
            start = max(start, thread.ready[-1][1])
        if end > start:
            thread.ready.append((start, end))

    def trim(self, key, thread):
        keep = min((step.next for step in self.steps.values() if step.key == key), default=None)
        cut = len(thread.times) // 2
        if keep is not None:
            # `advance` reads the sample before a step's next one too (where the state changed)
            cut = min(cut, keep - thread.base - 1)
        if cut > 0:
            oldest = thread.times[cut]
            del thread.times[:cut]
            del thread.running[:cut]
            thread.base += cut
            keep_ready = min((step.ready_next for step in self.steps.values() if step.key == key),
                             default=thread.ready_base + len(thread.ready)) - thread.ready_base
            drop = 0
            while drop < min(keep_ready, len(thread.ready)) and thread.ready[drop][1] <= oldest:
                drop += 1
            del thread.ready[:drop]
            thread.ready_base += drop

    def forget(self, key):
        thread = self.threads.pop(key, None)
        if thread is not None:
            for fd in (thread.stat, thread.schedstat):
                os.close(fd)

    def runqueue(self, thread):
        if thread is None:
            return 0
        try:
            return int(os.pread(thread.schedstat, 128, 0).split()[1])
        except (OSError, ValueError, IndexError):
            return 0

    def runqueue_at(self, thread, t):
        """The thread's run delay as it stood at `t`: read now, less the waits sampled since."""
        return self.runqueue(thread) - sum(end - start for start, end in thread.ready if end > t)

    def began(self, event):
        measure = event.pop("measure")
        step = Sampler.Step()
        step.lane, step.task, step.label, step.start = event["lane"], event["task"], event["label"], event["time"]
        step.cpu = measure["cpu"]
        step.key = (measure["pid"], measure["tid"])
        step.thread = None
        if self.procfs:
            if measure["pid"] not in self.pids:
                self.watch(measure["pid"])
            step.thread = self.threads.get(step.key) or self.open(step.key)
        step.runq = self.runqueue(step.thread)
        step.piece = step.base_state = "WORK"
        step.piece_start = step.cursor = step.start
        step.drawn_wait = 0
        step.ready_next = 0
        step.next = None
        thread = step.thread
        if thread is not None:
            ready = thread.ready
            j = len(ready)
            while j > 0 and ready[j - 1][1] > step.start:
                j -= 1
            step.ready_next = thread.ready_base + j
            # the step is reported late (its thread may lose the GIL between reading the clock
            # and writing the event): the waits for a core the kernel added since the step began
            # are taken back, so that its runqueue total counts from its start, as its pieces do
            step.runq -= sum(end - start for start, end in ready[j:])
            # at its start the thread ran Python code (it read the clock): the step starts as
            # WORK, and the samples after that instant tell the rest
            i = len(thread.times)
            while i > 0 and thread.times[i - 1] > step.start:
                i -= 1
            step.next = thread.base + i
        self.steps[step.lane] = step
        self.send(event)

    def advance(self, step, limit):
        """Turns the thread's samples up to `limit` into the step's pieces."""
        thread = step.thread
        if thread is None or step.next is None or self.threads.get(step.key) is not thread:
            return
        i = step.next - thread.base
        times, running = thread.times, thread.running
        while i < len(times) and times[i] <= limit:
            state = "WORK" if running[i] else "LOCK_WAIT"
            if state != step.base_state:
                before = max(times[i - 1], step.start) if i > 0 else step.start
                self.draw(step, max(step.cursor, (before + times[i]) // 2))
                step.base_state = state
            i += 1
        if i > 0:
            self.draw(step, min(limit, times[i - 1]))
        step.next = thread.base + i

    def draw(self, step, upto):
        """Draws the step from its cursor to `upto` in the state its samples saw, with the
        thread's runqueue waits over it as READY: R alone cannot tell "on a core" from "waiting
        for one", and on a busy machine the second is a third of a GIL-bound thread's R time."""
        cursor = step.cursor
        if upto <= cursor:
            return
        thread = step.thread
        ready = thread.ready
        j = max(0, step.ready_next - thread.ready_base)
        while j < len(ready):
            start, end = ready[j]
            if start >= upto:
                break
            if end > cursor:
                if start > cursor:
                    self.set_piece(step, step.base_state, cursor)
                    cursor = start
                self.set_piece(step, "READY", cursor)
                cursor = min(end, upto)
                if end > upto:
                    break  # the wait goes on past `upto`: the next call starts within it
            j += 1
        step.ready_next = thread.ready_base + j
        if cursor < upto:
            self.set_piece(step, step.base_state, cursor)
        step.cursor = upto

    def set_piece(self, step, piece, at):
        if piece != step.piece:
            self.change(step, piece, max(at, step.piece_start))

    def change(self, step, piece, edge):
        """The step's piece ends at `edge` and `piece` begins there: one `began`, which ends the
        lane's open piece at its time (an `ended` before it would say nothing more: a piece's
        label does not change while it lasts, and the events and their encoding were half of the
        relay's work). The step's last piece ends with the step's own `ended`."""
        if step.piece == "LOCK_WAIT":
            step.drawn_wait += edge - step.piece_start
        step.piece, step.piece_start = piece, edge
        self.send({"type": "began", "lane": step.lane, "task": step.task, "state": piece, "label": self.label(step),
                   "time": edge})

    def label(self, step):
        if step.piece == "LOCK_WAIT":
            return "waiting for the GIL"
        return "ready, waiting for a core" if step.piece == "READY" else step.label

    def ended(self, event):
        """A state ended; if it is a measured step, its last pieces and its totals go out."""
        cpu_end = event.pop("cpu", None)
        step = self.steps.get(event["lane"])
        if step is None or step.task != event["task"] or event["state"] != "WORK":
            self.send(event)
            return
        del self.steps[event["lane"]]
        end = event["end"]
        step.label = event["label"]
        self.advance(step, end)
        if step.thread is not None and step.next is not None:
            self.draw(step, end)
        end = max(end, step.piece_start)
        if step.piece != "WORK":
            # the thread had the GIL and a core back to end the step: it ran for the end of it
            self.change(step, "WORK", max(step.piece_start, min(end, step.piece_start + (end - step.piece_start) // 2)))
        event["start"] = step.piece_start
        event["end"] = end
        self.send(event)
        wall = end - step.start
        cpu = max(0, min(wall, (cpu_end - step.cpu) if cpu_end is not None else wall))
        runq = max(0, min(wall - cpu, self.runqueue_at(step.thread, end) - step.runq)) if step.thread is not None else 0
        self.send({"type": "gil", "lane": step.lane, "task": step.task, "wall": wall, "cpu": cpu, "runq": runq,
                   "wait": wall - cpu - runq, "drawn": step.drawn_wait, "sampled": step.thread is not None,
                   "period": self.period})
