"""The wrappers around a program's tasks, its pool and its coroutines."""

import collections.abc
import os
import sys
import threading

from . import common
from .common import describe, now
from .tracer import CURRENT_TASK, code_label, path_of, task_state


def run_task(function, index, args, kwargs, submitted=None, more=None):
    """Runs one task on this thread's lane: QUEUED since `submitted` (NO_LANE), then WORK, with
    the CPU step measured when the task is the step (sums, fib), then its outcome.

    `more` says whether another task is waiting for this thread: then the task's last events go
    out with the next task's first ones, in one write instead of two."""
    tracer = common.TRACER
    lane = tracer.lane()
    start = now()
    deferred = tracer.deferred.pop(threading.get_ident(), None)
    tracer.hold()
    if deferred:
        tracer.local.batch.extend(deferred)
    if submitted is not None:
        tracer.queued(index, submitted, start)
    state = {}
    tracer.local.task = (index, state)
    measure = tracer.workload in ("cpu", "fib")
    lane.enter("WORK", index, tracer.work_label(args), measure=measure, at=start)
    tracer.release()
    try:
        value = function(*args, **kwargs)
    except BaseException as error:
        tracer.hold()
        lane.close(error=describe(error))
        tracer.outcome(index, False, error=describe(error))
        tracer.release()
        raise
    finally:
        tracer.local.task = None
    tracer.hold()
    lane.close()
    count = None
    if tracer.workload == "race" and tracer.model == "processes":
        count = getattr(sys.modules.get(tracer.config["module"]), "counter", None)
    tracer.outcome(index, True, result=tracer.result_text(value, state), count=count)
    if more is not None and more():
        tracer.deferred[threading.get_ident()] = tracer.local.batch
        tracer.local.batch = None
    else:
        tracer.release()
    return value


def swapping_wrapper(module, name, wrapper_body):
    """Replaces `module.name` by a wrapper that, while it runs, puts the original back: a
    recursive function (fib) then calls itself unwrapped, at full speed. Used only where one
    thread runs the tasks (the synchronous loop, the event loop) or in a pool's process."""
    original = getattr(module, name)

    def wrapper(*args, **kwargs):
        if getattr(module, name) is not wrapper:
            return original(*args, **kwargs)
        setattr(module, name, original)
        try:
            return wrapper_body(original, args, kwargs)
        finally:
            setattr(module, name, wrapper)

    wrapper.__name__ = original.__name__
    wrapper.__qualname__ = original.__qualname__
    wrapper.__doc__ = original.__doc__
    wrapper.__wrapped__ = original
    setattr(module, name, wrapper)


def measured_step(original, args, kwargs):
    """A CPU step inside a task (the heavy parse, or the sum on the event loop): measured WORK on
    the task's worker lane; the lane goes back to the task's code afterwards."""
    current = task_state()
    lane = common.TRACER.lane()
    if current is None:
        return original(*args, **kwargs)
    index, state = current
    if common.TRACER.workload == "mixed":
        label = "heavy parse of {}, {} ms of CPU".format(path_of(state.get("url", "")), common.TRACER.config["cpu_ms"])
    else:
        label = common.TRACER.work_label(args)
    lane.enter("WORK", index, label, measure=True)
    try:
        return original(*args, **kwargs)
    finally:
        lane.enter("WORK", index, code_label(index))


class TaskCall:
    """A pool's task as it travels to a process: the program's function, called on
    (index, submitted, argument); the child reports the task's states on its own lane."""

    def __init__(self, function):
        self.function = function

    def __call__(self, item):
        index, submitted, argument = item
        return run_task(self.function, index, (argument,), {}, submitted)


def child_start(created, initializer, initargs):
    """The first thing a pool's process runs: STARTUP from the pool's creation in the parent to
    now, then the program's own initializer, if any, as more start-up."""
    tracer = common.TRACER
    lane = tracer.lane()
    tracer.emit({"type": "ended", "lane": lane.key, "task": -1, "state": "STARTUP", "start": created,
                 "end": now(), "error": None,
                 "label": "starting process %d: the interpreter and the program's imports" % os.getpid()})
    if initializer is not None:
        start = now()
        try:
            initializer(*initargs)
        finally:
            tracer.emit({"type": "ended", "lane": lane.key, "task": -1, "state": "STARTUP", "start": start,
                         "end": now(), "error": None,
                         "label": getattr(initializer, "__name__", "initializer") + "()"})


class TracedPool:
    """A `multiprocessing.Pool` with the run's number of processes whose `map` reports each
    task's queue time and states; other methods are the pool's own, untraced."""

    def __init__(self, pool):
        self._pool = pool

    def __enter__(self):
        self._pool.__enter__()
        return self

    def __exit__(self, *exc):
        return self._pool.__exit__(*exc)

    def __getattr__(self, name):
        return getattr(self._pool, name)

    def _items(self, iterable):
        submitted = now()
        return [(common.TRACER.next_task(), submitted, item) for item in iterable]

    def map(self, func, iterable, chunksize=None):
        return self._pool.map(TaskCall(func), self._items(iterable), chunksize)

    def imap(self, func, iterable, chunksize=1):
        return self._pool.imap(TaskCall(func), self._items(iterable), chunksize)

    def imap_unordered(self, func, iterable, chunksize=1):
        return self._pool.imap_unordered(TaskCall(func), self._items(iterable), chunksize)


class TracedCoroutine(collections.abc.Coroutine):
    """One event-loop task's coroutine, timed at every step the loop runs: QUEUED on the task's
    lane until the loop first runs it, WORK on the loop's lane while it runs, and its outcome."""

    __slots__ = ("inner", "index", "created", "args", "state", "started", "__weakref__")

    def __init__(self, inner, index, args):
        self.inner = inner
        self.index = index
        self.args = args
        self.created = now()
        self.state = {}
        self.started = False

    def send(self, value):
        return self._step(self.inner.send, value)

    def throw(self, *exc):
        return self._step(self.inner.throw, *exc)

    def close(self):
        self.inner.close()

    def __await__(self):
        return self

    def __iter__(self):
        return self

    def __next__(self):
        return self.send(None)

    def _step(self, resume, *value):
        tracer = common.TRACER
        lane = tracer.lane()
        start = now()
        if not self.started:
            self.started = True
            CURRENT_TASK.set((self.index, self.state))
            tracer.task_lane(self.index).enter("QUEUED", self.index, "ready, waiting for the loop", at=self.created)
            tracer.task_lane(self.index).close(start)
        label = tracer.work_label(self.args) if tracer.workload == "race" else code_label(self.index)
        lane.enter("WORK", self.index, label, at=start)
        try:
            result = resume(*value)
        except StopIteration as stop:
            lane.close()
            tracer.task_lane(self.index).close()
            tracer.outcome(self.index, True, result=tracer.result_text(stop.value, self.state))
            raise
        except BaseException as error:
            lane.close(error=describe(error))
            tracer.task_lane(self.index).close(error=describe(error))
            tracer.outcome(self.index, False, error=describe(error))
            raise
        lane.close()
        return result


class TimedSelectorMixin:
    """The event loop's selector: time in `select()` while downloads are in flight is the loop
    waiting for I/O (IO_WAIT on the loop's lane)."""

    def select(self, timeout=None):
        if timeout is not None and timeout <= 0:
            return super().select(timeout)
        start = now()
        ready = super().select(timeout)
        waiting = common.TRACER.in_flight
        if waiting > 0:
            lane = common.TRACER.lane()
            lane.enter("IO_WAIT", -1, "waiting for I/O: %d in flight" % waiting, at=start)
            lane.close()
        return ready
