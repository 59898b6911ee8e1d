"""The runner's events and lanes: what each thread and process reports."""

import contextvars
import os
import threading
import time

from . import common
from .common import ENCODE, RS, clip, now


# --------------------------------------------------------------------------------------------
# The runner: events, lanes, and the wrappers.
# --------------------------------------------------------------------------------------------

class Emitter:
    """Writes events on fd 1, one write each.

    Thread-safety: thread-safe; a lock keeps one thread's events in the order it wrote them. A
    forked child starts with a fresh lock."""

    def __init__(self):
        self.lock = threading.Lock()
        if hasattr(os, "register_at_fork"):
            os.register_at_fork(after_in_child=self._forked)

    def _forked(self):
        self.lock = threading.Lock()

    def emit(self, events):
        """Writes `events` in one write: every write lets go of the GIL, and a thread that lets
        go of it while others wait gets it back only after them, so fewer writes disturb the
        threads' turns less."""
        data = b"".join([RS + ENCODE(event).encode("utf-8") + b"\n" for event in events])
        with self.lock:
            view = memoryview(data)
            while view:
                view = view[os.write(1, view):]


class Lane:
    """What one lane is doing, as a little state machine: entering a state ends the one before.

    A state is announced with `began` only when it is `live` (a CPU step, a download: long enough
    to be drawn while it lasts); every state ends with one `ended` carrying its exact times.

    Thread-safety: confined to the thread that works on the lane (a task lane of the event loop:
    to the loop's thread)."""

    __slots__ = ("tracer", "key", "state", "task", "label", "start", "cpu")

    def __init__(self, tracer, key):
        self.tracer = tracer
        self.key = key
        self.state = None
        self.task = -1
        self.label = ""
        self.start = 0
        self.cpu = None

    def enter(self, state, task, label, live=False, measure=False, at=None):
        t = now() if at is None else at
        held = getattr(self.tracer.local, "batch", None) is not None
        if not held:
            self.tracer.hold()
        self.close(t)
        self.state, self.task, self.label, self.start = state, task, clip(label), t
        self.cpu = None
        if live or measure:
            event = {"type": "began", "lane": self.key, "task": task, "state": state, "label": self.label, "time": t}
            if measure:
                self.cpu = time.thread_time_ns()
                event["measure"] = {"pid": os.getpid(), "tid": threading.get_native_id(), "cpu": self.cpu}
            self.tracer.emit(event)
        if not held:
            self.tracer.release()

    def relabel(self, label):
        self.label = clip(label)

    def close(self, t=None, error=None):
        if self.state is None:
            return
        t = now() if t is None else t
        event = {"type": "ended", "lane": self.key, "task": self.task, "state": self.state, "start": self.start,
                 "end": max(t, self.start), "label": self.label, "error": None if error is None else clip(error)}
        if self.cpu is not None:
            event["cpu"] = time.thread_time_ns()
        self.state = None
        self.cpu = None
        self.tracer.emit(event)


class Tracer:
    """The events of one process (the runner, or one process of a pool), and the run's inputs.

    Thread-safety: thread-safe; each thread keeps its lane and its current task in a thread-local."""

    def __init__(self, config):
        self.config = config
        self.model = config["model"]
        self.workload = config["workload"]
        self.emitter = Emitter()
        self.local = threading.local()
        self.index_lock = threading.Lock()
        self.next_index = 0
        self.task_lanes = {}
        self.in_flight = 0
        # a pool thread's last events, held for its next task's (see run_task)
        self.deferred = {}
        if hasattr(os, "register_at_fork"):
            os.register_at_fork(after_in_child=self._forked)

    def _forked(self):
        # a pool's forked process: its threads and tasks are its own
        self.local = threading.local()
        self.index_lock = threading.Lock()
        self.task_lanes = {}
        self.deferred = {}

    def emit(self, event):
        batch = getattr(self.local, "batch", None)
        if batch is None:
            self.emitter.emit((event,))
        else:
            batch.append(event)

    def emit_many(self, events):
        if events:
            self.emitter.emit(events)

    def flush_deferred(self):
        """Writes the events held for a next task that went to another thread."""
        while self.deferred:
            _, events = self.deferred.popitem()
            self.emitter.emit(events)

    def hold(self):
        """Holds this thread's events until `release`, to write them in one go."""
        self.local.batch = []

    def release(self):
        batch = getattr(self.local, "batch", None)
        self.local.batch = None
        if batch:
            self.emitter.emit(batch)

    def next_task(self):
        with self.index_lock:
            index = self.next_index
            self.next_index += 1
            return index

    def lane(self):
        """This thread's lane: `main` for the synchronous loop, one per pool thread, one per
        process of a pool, `loop` for the event loop's thread."""
        lane = getattr(self.local, "lane", None)
        if lane is None:
            if self.model == "sync":
                key = "main"
            elif self.model == "processes":
                key = "process:%d" % os.getpid()
            elif self.model == "eventloop":
                key = "loop"
            else:
                key = "thread:%d" % threading.get_native_id()
            lane = Lane(self, key)
            self.local.lane = lane
        return lane

    def task_lane(self, index):
        """The event loop's lane of task `index`: its own waits."""
        lane = self.task_lanes.get(index)
        if lane is None:
            lane = self.task_lanes[index] = Lane(self, "task:%d" % index)
        return lane

    def queued(self, index, since, until, label=""):
        if until > since:
            self.emit({"type": "ended", "lane": None, "task": index, "state": "QUEUED", "start": since, "end": until,
                       "label": label, "error": None})

    def outcome(self, index, ok, result=None, error=None, count=None):
        self.emit({"type": "outcome", "lane": self.lane().key if self.model != "eventloop" else "task:%d" % index,
                   "task": index, "ok": ok, "result": None if result is None else clip(result),
                   "error": None if error is None else clip(error), "count": count})

    # ---- what a task's result says, the way the Java's does ----

    def result_text(self, value, state):
        workload = self.workload
        try:
            if workload in ("cpu", "fib"):
                return str(value)
            if workload == "download":
                links, words = value
                return "{:,} bytes, {} links, {:,} words".format(state.get("bytes", 0), links, words)
            if workload == "mixed":
                return "{:,} bytes parsed {:,} times".format(state.get("bytes", 0), value)
            if workload == "race":
                return "{:,} increments".format(self.config["times"])
        except (TypeError, ValueError):
            pass
        return clip(repr(value))

    def work_label(self, args):
        workload = self.workload
        if workload == "cpu" and args:
            return "n = {:,}".format(args[0])
        if workload == "fib" and args:
            return "fib({})".format(args[0])
        if workload == "race":
            return "counter += 1, {:,} times ({})".format(self.config["times"], self.config.get("mode", "UNSAFE").lower())
        return "start of the task"


def code_label(index):
    return "task %d's code" % (index + 1)


# The event loop's current task, per asyncio task.
CURRENT_TASK = contextvars.ContextVar("concurrencylab_task", default=None)


def task_state():
    """The current task's (index, scratch dict) on this thread or asyncio task, or None."""
    if common.TRACER.model == "eventloop":
        return CURRENT_TASK.get()
    return getattr(common.TRACER.local, "task", None)


def path_of(url):
    from urllib.parse import urlsplit
    return urlsplit(str(url)).path or "/"


def io_begin(url):
    """A download starts: IO_WAIT on the task's lane (its own lane on the event loop)."""
    current = task_state()
    if current is None:
        return None
    index, state = current
    state["url"] = str(url)
    if common.TRACER.model == "eventloop":
        common.TRACER.in_flight += 1
        common.TRACER.task_lane(index).enter("IO_WAIT", index, str(url), live=True)
    else:
        common.TRACER.lane().enter("IO_WAIT", index, str(url), live=True)
    return current


def io_end(current, size, error=None):
    if current is None:
        return
    index, state = current
    state["bytes"] = size
    url = state.get("url", "")
    label = "{} ({:,} bytes)".format(url, size) if error is None else url
    if common.TRACER.model == "eventloop":
        common.TRACER.in_flight -= 1
        lane = common.TRACER.task_lane(index)
        if lane.state == "IO_WAIT":
            lane.relabel(label)
            lane.close(error=error)
    else:
        lane = common.TRACER.lane()
        if lane.state == "IO_WAIT":
            lane.relabel(label)
            if error is not None:
                lane.close(error=error)
            else:
                lane.enter("WORK", index, "parse " + path_of(url))
