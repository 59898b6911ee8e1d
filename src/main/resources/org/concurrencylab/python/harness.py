"""Runs one of Concurrency Lab's Python programs under CPython and reports, as JSON lines, what
every worker did over time: the Python twin of a Java run, drawn like it.

The program is the very file the lab's Code tab shows. The harness imports it as a module (so its
`if __name__ == "__main__":` block does not run), sets its inputs to the run's (NUMBERS, PAGES,
CPU_MS, TASKS, TIMES, CONNECTIONS), wraps from outside its task function, its CPU step, its HTTP
calls, and the pool it makes, then calls its main(). The program's text is not changed.

Two processes, so that measuring costs the measured interpreter nothing:

* The relay (`harness.py relay CONFIG`) is the process the app starts. It talks to the app on
  stdin and stdout, one JSON object per line: it answers the clock handshake, starts the runner,
  forwards the runner's events in order, and samples the threads that are inside a CPU step to
  split their time into running and waiting for the GIL (see `Sampler`).
* The runner (`harness.py run CONFIG`) loads and runs the program. It and its pool processes write
  their events on the runner's stdout, each event as ONE write of RS + JSON + newline (well under
  PIPE_BUF, so the lines of several threads and processes never mix); anything else written there
  is the program's own output and reaches the app as `print` events.

Every time is `time.perf_counter_ns()`, one clock for the relay, the runner and its children
(CLOCK_MONOTONIC on Linux, mach_absolute_time on macOS, QueryPerformanceCounter on Windows).

The third role, `harness.py check PROGRAM...`, reads programs without running them and says, per
program, whether it has what the harness needs (the lab's tests run it on every program).
"""

import ast
import collections.abc
import contextvars
import importlib.abc
import importlib.util
import io
import json
import os
import queue
import subprocess
import sys
import threading
import time
import traceback

RS = b"\x1e"
CONFIG_ENV = "CONCURRENCYLAB_TWIN_CONFIG"
# The longest line either side accepts; a longer one is garbage.
MAX_LINE = 1 << 20
# The longest label or error an event carries, so that an event stays far below PIPE_BUF.
MAX_TEXT = 1000
# The most lines of the program's own output forwarded to the app.
MAX_PRINTS = 1000

# Exit codes of the runner.
EXIT_PROGRAM_FAILED = 1
EXIT_BAD_CONFIG = 2
EXIT_PARENT_GONE = 70

now = time.perf_counter_ns


def clip(text, limit=MAX_TEXT):
    text = str(text)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def describe(error):
    """`ZeroDivisionError: division by zero`."""
    message = str(error)
    return type(error).__name__ + (": " + message if message else "")


def load_config(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


# --------------------------------------------------------------------------------------------
# The program table: what the harness looks for in each program.
# --------------------------------------------------------------------------------------------

MODELS = ("sync", "threads", "eventloop", "processes")
WORKLOADS = ("cpu", "download", "mixed", "race", "fib")

# The inputs each workload's programs take, as module-level constants.
INPUTS = {
    "cpu": ("NUMBERS",),
    "fib": ("NUMBERS",),
    "download": ("PAGES",),
    "mixed": ("PAGES", "CPU_MS"),
    "race": ("TASKS", "TIMES"),
}

# The library each workload's programs use for HTTP, by model (none: the standard library).
LIBRARIES = {
    ("sync", "download"): "requests", ("sync", "mixed"): "requests",
    ("threads", "download"): "requests", ("threads", "mixed"): "requests",
    ("processes", "download"): "requests", ("processes", "mixed"): "requests",
    ("eventloop", "download"): "aiohttp", ("eventloop", "mixed"): "aiohttp",
}


def task_function(model, workload, mode="UNSAFE"):
    """The name of the function that is one task."""
    if workload == "race":
        if model == "threads":
            return "unsafe_task" if mode == "UNSAFE" else "locked_task"
        return "task"
    if model == "eventloop" and workload in ("cpu", "fib"):
        return "task"
    return {"cpu": "sum_of_squares", "fib": "fib", "download": "download", "mixed": "download_and_parse"}[workload]


def cpu_step(workload):
    """The function whose time is the task's CPU step, measured for the GIL; None if none."""
    return {"cpu": "sum_of_squares", "fib": "fib", "mixed": "heavy_parse"}.get(workload)


def needs(model, workload, variant):
    """What the harness needs in a program: module constants, functions, and the call that
    makes its workers."""
    constants = list(INPUTS[workload])
    if model == "eventloop" and workload in ("download", "mixed"):
        constants.append("CONNECTIONS")
    functions = ["main", task_function(model, workload)]
    if workload == "race" and model == "threads":
        functions = ["main", "run", "unsafe_task", "locked_task"]
    step = cpu_step(workload)
    if step and step not in functions:
        functions.append(step)
    if model == "eventloop" and variant == "stdlib" and workload in ("download", "mixed"):
        functions.append("fetch")
    calls = {
        "threads": "ThreadPoolExecutor",
        "processes": "multiprocessing.Pool",
        "eventloop": "asyncio.run",
    }
    return constants, functions, calls.get(model)


# --------------------------------------------------------------------------------------------
# check: read programs without running them.
# --------------------------------------------------------------------------------------------

def check(paths):
    """Prints one JSON line per program: {"program", "ok", "problems"}."""
    for path in paths:
        name = os.path.basename(path)
        stem = name[:-3]
        variant = "stdlib" if stem.endswith("_stdlib") else "library"
        model, _, workload = stem.replace("_stdlib", "").partition("_")
        problems = []
        if model not in MODELS or workload not in WORKLOADS:
            problems.append("the name is not MODEL_WORKLOAD.py")
        else:
            with open(path, encoding="utf-8") as f:
                tree = ast.parse(f.read(), filename=name)
            constants, functions, call = needs(model, workload, variant)
            assigned = set()
            defined = {}
            for node in tree.body:
                if isinstance(node, ast.Assign):
                    for target in node.targets:
                        for element in (target.elts if isinstance(target, ast.Tuple) else [target]):
                            if isinstance(element, ast.Name):
                                assigned.add(element.id)
                elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    defined[node.name] = node
            problems += ["no module constant " + c for c in constants if c not in assigned]
            problems += ["no function " + f + "()" for f in functions if f not in defined]
            if model == "eventloop":
                coroutine = task_function(model, workload)
                if coroutine in defined and not isinstance(defined[coroutine], ast.AsyncFunctionDef):
                    problems.append(coroutine + "() is not a coroutine function (async def)")
            if call and call + "(" not in ast.unparse(tree):
                problems.append("no call of " + call + "()")
            library = LIBRARIES.get((model, workload))
            imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
            if variant == "library" and library and library not in imported:
                problems.append("does not import " + library)
            if variant == "stdlib" and (imported & {"requests", "aiohttp"}):
                problems.append("the standard-library variant imports a third-party library")
        print(json.dumps({"program": name, "ok": not problems, "problems": problems}))


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
        data = b"".join(RS + json.dumps(event, separators=(",", ":")).encode("utf-8") + b"\n" for event in events)
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


TRACER = None
# The event loop's current task, per asyncio task.
CURRENT_TASK = contextvars.ContextVar("concurrencylab_task", default=None)


def task_state():
    """The current task's (index, scratch dict) on this thread or asyncio task, or None."""
    if TRACER.model == "eventloop":
        return CURRENT_TASK.get()
    return getattr(TRACER.local, "task", None)


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
    if TRACER.model == "eventloop":
        TRACER.in_flight += 1
        TRACER.task_lane(index).enter("IO_WAIT", index, str(url), live=True)
    else:
        TRACER.lane().enter("IO_WAIT", index, str(url), live=True)
    return current


def io_end(current, size, error=None):
    if current is None:
        return
    index, state = current
    state["bytes"] = size
    url = state.get("url", "")
    label = "{} ({:,} bytes)".format(url, size) if error is None else url
    if TRACER.model == "eventloop":
        TRACER.in_flight -= 1
        lane = TRACER.task_lane(index)
        if lane.state == "IO_WAIT":
            lane.relabel(label)
            lane.close(error=error)
    else:
        lane = TRACER.lane()
        if lane.state == "IO_WAIT":
            lane.relabel(label)
            if error is not None:
                lane.close(error=error)
            else:
                lane.enter("WORK", index, "parse " + path_of(url))


def run_task(function, index, args, kwargs, submitted=None, more=None):
    """Runs one task on this thread's lane: QUEUED since `submitted` (NO_LANE), then WORK, with
    the CPU step measured when the task is the step (sums, fib), then its outcome.

    `more` says whether another task is waiting for this thread: then the task's last events go
    out with the next task's first ones, in one write instead of two."""
    tracer = TRACER
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
    lane = TRACER.lane()
    if current is None:
        return original(*args, **kwargs)
    index, state = current
    if TRACER.workload == "mixed":
        label = "heavy parse of {}, {} ms of CPU".format(path_of(state.get("url", "")), TRACER.config["cpu_ms"])
    else:
        label = TRACER.work_label(args)
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
    lane = TRACER.lane()
    TRACER.emit({"type": "ended", "lane": lane.key, "task": -1, "state": "STARTUP", "start": created, "end": now(),
                 "label": "starting process %d: the interpreter and the program's imports" % os.getpid(), "error": None})
    if initializer is not None:
        start = now()
        try:
            initializer(*initargs)
        finally:
            TRACER.emit({"type": "ended", "lane": lane.key, "task": -1, "state": "STARTUP", "start": start, "end": now(),
                         "label": getattr(initializer, "__name__", "initializer") + "()", "error": None})


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
        return [(TRACER.next_task(), submitted, item) for item in iterable]

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
        tracer = TRACER
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
        waiting = TRACER.in_flight
        if waiting > 0:
            lane = TRACER.lane()
            lane.enter("IO_WAIT", -1, "waiting for I/O: %d in flight" % waiting, at=start)
            lane.close()
        return ready


# ---- the HTTP libraries, wrapped where the request is made ----

def patch_urllib(config):
    import urllib.request
    import urllib.response

    opener = urllib.request.OpenerDirector
    original = opener.open
    timeout = config.get("read_timeout", 30.0)

    def open(self, fullurl, data=None, timeout=timeout):
        url = fullurl if isinstance(fullurl, str) else fullurl.full_url
        current = io_begin(url)
        try:
            response = original(self, fullurl, data, timeout)
            with response:
                body = response.read()
        except BaseException as error:
            io_end(current, 0, describe(error))
            raise
        io_end(current, len(body))
        # the page is read inside the download; the program reads it from memory
        return urllib.response.addinfourl(io.BytesIO(body), response.headers, response.url, response.status)

    opener.open = open


def patch_requests(config):
    import requests

    original = requests.Session.request
    timeouts = (config.get("connect_timeout", 10.0), config.get("read_timeout", 30.0))

    def request(self, method, url, *args, **kwargs):
        kwargs.setdefault("timeout", timeouts)
        current = io_begin(url)
        try:
            response = original(self, method, url, *args, **kwargs)
            size = len(response.content)
        except BaseException as error:
            io_end(current, 0, describe(error))
            raise
        io_end(current, size)
        return response

    requests.Session.request = request


def patch_aiohttp(config):
    import aiohttp

    original_request = aiohttp.ClientSession._request
    original_read = aiohttp.ClientResponse.read
    downloads = {}  # id(response) -> its download, until its body is read

    async def _request(self, method, url, *args, **kwargs):
        current = io_begin(url)
        try:
            response = await original_request(self, method, url, *args, **kwargs)
        except BaseException as error:
            io_end(current, 0, describe(error))
            raise
        if current is not None:
            downloads[id(response)] = current
        return response

    async def read(self):
        current = downloads.pop(id(self), None)
        try:
            body = await original_read(self)
        except BaseException as error:
            io_end(current, 0, describe(error))
            raise
        io_end(current, len(body))
        return body

    aiohttp.ClientSession._request = _request
    aiohttp.ClientResponse.read = read


def patch_fetch(module):
    """The standard-library event-loop programs' own `fetch(url)`: the download."""
    original = module.fetch

    async def fetch(url, *args, **kwargs):
        current = io_begin(url)
        try:
            body = await original(url, *args, **kwargs)
        except BaseException as error:
            io_end(current, 0, describe(error))
            raise
        io_end(current, len(body))
        return body

    fetch.__name__ = original.__name__
    fetch.__wrapped__ = original
    module.fetch = fetch


def patch_event_loop():
    import asyncio
    import selectors

    class TimedSelector(TimedSelectorMixin, selectors.DefaultSelector):
        pass

    asyncio.events.new_event_loop = lambda: asyncio.SelectorEventLoop(TimedSelector())


# ---- instrumenting a program ----

def set_inputs(module, config):
    workload = config["workload"]
    if workload in ("cpu", "fib"):
        module.NUMBERS = list(config["numbers"])
    if workload in ("download", "mixed"):
        module.PAGES = list(config["pages"])
    if workload == "mixed":
        module.CPU_MS = config["cpu_ms"]
    if workload == "race":
        module.TASKS = config["tasks"]
        module.TIMES = config["times"]
    if hasattr(module, "CONNECTIONS"):
        module.CONNECTIONS = config.get("connections", module.CONNECTIONS)


def instrument(module, config, parent):
    """Sets `module`'s inputs and wraps it. `parent` is false in a pool's spawned process, which
    needs the inputs and wrappers but makes no pool."""
    model, workload = config["model"], config["workload"]
    set_inputs(module, config)
    library = LIBRARIES.get((model, workload))
    if library == "requests" and config["variant"] == "library":
        patch_requests(config)
    patch_urllib(config)
    if library == "aiohttp":
        if config["variant"] == "library":
            patch_aiohttp(config)
        else:
            patch_fetch(module)

    step = cpu_step(workload)
    task = task_function(model, workload, config.get("mode", "UNSAFE"))
    if model == "sync":
        swapping_wrapper(module, task, lambda original, args, kwargs:
                         run_task(original, TRACER.next_task(), args, kwargs))
        if step and step != task:
            swapping_wrapper(module, step, measured_step)
    elif model == "eventloop":
        original = getattr(module, task)

        def coroutine_task(*args, **kwargs):
            return TracedCoroutine(original(*args, **kwargs), TRACER.next_task(), args)

        coroutine_task.__name__ = original.__name__
        coroutine_task.__wrapped__ = original
        setattr(module, task, coroutine_task)
        if step:
            swapping_wrapper(module, step, measured_step)
        patch_event_loop()
    elif model == "threads":
        if step and step != task:
            setattr(module, step, threaded_step(getattr(module, step)))
        module.ThreadPoolExecutor = traced_executor(config["workers"])
        if workload == "race":
            original_run = module.run
            chosen = task

            def run(task_to_run):
                if getattr(task_to_run, "__name__", "") != chosen:
                    return None  # the other half of main(): not this run's counter mode
                return original_run(task_to_run)

            run.__name__ = "run"
            run.__wrapped__ = original_run
            module.run = run
    elif model == "processes":
        if step and step != task:
            setattr(module, step, threaded_step(getattr(module, step)))
        if parent:
            patch_pool(config)


def threaded_step(original):
    """A CPU step inside a task where several threads may run it at once: measured WORK."""
    def step(*args, **kwargs):
        return measured_step(original, args, kwargs)

    step.__name__ = original.__name__
    step.__qualname__ = original.__qualname__
    step.__wrapped__ = original
    return step


def traced_executor(workers):
    from concurrent.futures import ThreadPoolExecutor

    class TracedThreadPoolExecutor(ThreadPoolExecutor):
        """The program's ThreadPoolExecutor, with the run's number of threads; every task
        submitted (map submits too) reports its queue time and its states."""

        def __init__(self, max_workers=None, *args, **kwargs):
            super().__init__(workers, *args, **kwargs)

        def submit(self, fn, /, *args, **kwargs):
            return super().submit(run_task, fn, TRACER.next_task(), args, kwargs, now(), self._more)

        def _more(self):
            # ThreadPoolExecutor's own queue of work items: not empty, this thread takes another
            # (or, rarely, another thread takes it first: shutdown writes what was held)
            return not self._work_queue.empty()

        def shutdown(self, *args, **kwargs):
            try:
                return super().shutdown(*args, **kwargs)
            finally:
                TRACER.flush_deferred()

    TracedThreadPoolExecutor.__name__ = "ThreadPoolExecutor"
    return TracedThreadPoolExecutor


def patch_pool(config):
    import multiprocessing

    workers = config["workers"]
    method = config.get("start_method")
    context = multiprocessing.get_context(method) if method else multiprocessing.get_context()

    def Pool(processes=None, initializer=None, initargs=(), maxtasksperchild=None):
        created = now()
        pool = context.Pool(workers, child_start, (created, initializer, initargs), maxtasksperchild)
        # the processes are started: their start-up is drawn from now on, until each says it is up
        # (a process still starting when the pool is done keeps its lane and its start-up)
        TRACER.emit_many([{"type": "began", "lane": "process:%d" % process.pid, "task": -1, "state": "STARTUP",
                           "label": "starting process %d: the interpreter and the program's imports" % process.pid,
                           "time": created, "announce": True} for process in getattr(pool, "_pool", [])])
        return TracedPool(pool)

    multiprocessing.Pool = Pool


class ProgramFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Imports the program under its own name and instruments it as it loads, in the runner and
    in every process a pool spawns (which imports it afresh to find the task's function)."""

    def __init__(self, config, parent):
        self.config = config
        self.parent = parent

    def find_spec(self, fullname, path=None, target=None):
        if fullname != self.config["module"]:
            return None
        return importlib.util.spec_from_file_location(fullname, self.config["path"], loader=self)

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        with open(self.config["path"], encoding="utf-8") as f:
            code = compile(f.read(), self.config["path"], "exec")
        exec(code, module.__dict__)
        instrument(module, self.config, self.parent)


def choose_variant(config):
    """The program to run: the one the Code tab shows, or its standard-library variant when the
    library it needs does not import (or when asked for)."""
    library = LIBRARIES.get((config["model"], config["workload"]))
    wanted = config.get("variant", "auto")
    if library is None or wanted == "library":
        return "library", config["program"]
    if wanted == "stdlib":
        return "stdlib", config["stdlib"]
    try:
        __import__(library)
        return "library", config["program"]
    except ImportError:
        return "stdlib", config["stdlib"]


def setup(config_path, parent):
    """Loads the config and installs the finder; returns the config."""
    global TRACER
    config = load_config(config_path)
    variant, path = choose_variant(config)
    config["variant"] = variant
    config["path"] = path
    config["module"] = os.path.basename(path)[:-3]
    TRACER = Tracer(config)
    sys.meta_path.insert(0, ProgramFinder(config, parent))
    return config


def watch_parent():
    """Exits when stdin ends: the relay is gone, and the run with it."""
    try:
        while os.read(0, 4096):
            pass
    except OSError:
        pass
    os._exit(EXIT_PARENT_GONE)


def run(config_path):
    try:
        config = setup(config_path, parent=True)
        sys.path.insert(0, os.path.dirname(config["path"]))
        module = importlib.import_module(config["module"])
    except BaseException as error:
        if TRACER is None:
            sys.stderr.write("harness: cannot read the config: %s\n" % describe(error))
            sys.exit(EXIT_BAD_CONFIG)
        TRACER.emit({"type": "failed", "where": "load", "error": clip(describe(error)),
                     "trace": clip("".join(traceback.format_exc()), 3000)})
        sys.exit(EXIT_PROGRAM_FAILED)
    TRACER.emit({"type": "ready", "variant": config["variant"], "program": os.path.basename(config["path"]),
                 "startMethod": start_method(config)})
    if not os.read(0, 64).startswith(b"go"):
        os._exit(EXIT_PARENT_GONE)
    threading.Thread(target=watch_parent, name="harness-parent-watch", daemon=True).start()
    start = now()
    TRACER.emit({"type": "main", "time": start})
    try:
        module.main()
    except BaseException as error:
        end = now()
        TRACER.emit({"type": "failed", "where": "main", "error": clip(describe(error)),
                     "trace": clip("".join(traceback.format_exc()), 3000)})
        sys.stdout.flush()
        os._exit(EXIT_PROGRAM_FAILED)
    end = now()
    sys.stdout.flush()
    counter = getattr(module, "counter", None) if config["workload"] == "race" else None
    TRACER.emit({"type": "done", "time": end, "wall": end - start, "counter": counter})
    sys.stdout.flush()
    # the pool's processes and threads are the program's to end; a clean exit waits for them
    sys.exit(0)


def start_method(config):
    if config["model"] != "processes":
        return None
    import multiprocessing
    return config.get("start_method") or multiprocessing.get_start_method()


# --------------------------------------------------------------------------------------------
# The relay: the app's side of the harness.
# --------------------------------------------------------------------------------------------

class Sampler:
    """Splits the CPU steps of the program's threads into running and waiting for the GIL.

    Every `period` (1 ms by default) it reads `/proc/PID/task/TID/stat` of every thread of the
    watched processes (the runner, and each pool process once it reports a step) and keeps each
    thread's recent scheduler states and its run delay: R (on a CPU, or runnable and waiting for
    one) is WORK, except for the waits for a core, READY, that the run delay (field 2 of
    `schedstat`, the ns runnable but not running, added when the wait ends) places within R; S
    (asleep: in CPython a thread that waits for the GIL sleeps on a condition variable) is
    LOCK_WAIT, "waiting for the GIL"; other states (exiting, stopped) say nothing and are
    skipped. (Drawing all of R as WORK drew five GIL-bound threads on two cores computing at
    once for a third of the run: woken to take the GIL, they wait for a core.) A CPU step sleeps on nothing else, so within one, S is the GIL. (A free-threaded
    build has no GIL to wait for: its threads are R side by side, drawn computing at once.)
    Threads are sampled all along, not only once a step is reported, because a step's events
    reach the relay late: a thread that stamps the time and then writes its event may lose the
    GIL in between, for tens of ms. (A pool's processes are the exception: see `eager`.)

    A step's pieces are built from that history: a change of state is placed halfway between the
    two samples that saw it, so a drawn edge is within half a period of the true one, and the
    drawing's resolution is the sampling period (about 1.1 ms on the 2-core machine, as the
    relay's sleep overshoots) while the relay gets a core: when the machine keeps it from one
    (a JVM compiling at the run's start), a state is drawn on until the next sample, and two
    threads may show WORK at once for up to that gap. A wait for a core is drawn for the length
    the kernel measured, ending halfway between the samples around its end. Pieces go out `LAG` behind the present, so that the step's end,
    itself reported late, is nearly always known before the samples after it are read; a piece
    that would still run past the end is cut at it. The state is read rather than schedstat's
    on-CPU counter because the kernel updates that counter of a running thread only at its
    scheduler tick (4 ms at HZ=250), too coarse for a 5 ms switch interval.

    The totals of a step are exact where the kernel is: on-CPU time from the thread's own
    CLOCK_THREAD_CPUTIME_ID at the step's edges, runqueue wait from `/proc/PID/task/TID/schedstat`
    (field 2, the ns it was runnable but not running) read when the step is reported and when it
    ends (to within the reporting delay), and GIL wait = wall - on-CPU - runqueue.

    Without /proc (macOS, Windows) nothing is sampled: a step stays one WORK segment and only its
    totals are reported, with GIL wait = wall - on-CPU: the coarser fallback of the thread's CPU
    clock at the step's edges.

    The relay is a separate process with its own interpreter, so sampling takes nothing from the
    measured interpreter's GIL; it costs a few per cent of one core.

    Thread-safety: confined to the relay's main thread."""

    LAG = 100_000_000
    RESCAN = 20_000_000
    HISTORY = 4_000_000_000

    class Thread:
        __slots__ = ("stat", "schedstat", "times", "running", "base", "delay", "ready", "ready_base")

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
        thread = Sampler.Thread()
        try:
            thread.stat = os.open(base + "stat", os.O_RDONLY)
            thread.schedstat = os.open(base + "schedstat", os.O_RDONLY)
        except OSError:
            return None
        thread.times, thread.running, thread.base = [], [], 0
        thread.delay, thread.ready, thread.ready_base = None, [], 0
        self.threads[key] = thread
        return thread

    def sample(self, t):
        for key, thread in list(self.threads.items()):
            try:
                raw = os.pread(thread.stat, 512, 0)
                state = raw[raw.rindex(b")") + 2:raw.rindex(b")") + 3]
                delay = int(os.pread(thread.schedstat, 128, 0).split()[1])
            except (OSError, ValueError, IndexError):
                self.forget(key)
                continue
            if thread.delay is not None and delay > thread.delay:
                self.queued(thread, t, delay - thread.delay)
            thread.delay = delay
            if state not in (b"R", b"S"):
                continue  # exiting, stopped, in the disk: no news of the GIL
            thread.times.append(t)
            thread.running.append(state == b"R")
            if len(thread.times) > 64 and t - thread.times[0] > self.HISTORY:
                self.trim(key, thread)

    def queued(self, thread, t, waited):
        """The thread waited `waited` ns in the runqueue and got a core since the last sample.

        The kernel adds a wait to the thread's run delay when the wait ends, so the wait ended
        between the two samples: it is placed to end halfway between them (or to start just after
        the last one, if that saw the thread asleep), never over the wait placed before it. R
        means "on a core, or runnable and waiting for one"; these intervals tell the two apart."""
        last = thread.times[-1] if thread.times else t
        if thread.times and not thread.running[-1]:
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
            cut = min(cut, keep - thread.base)
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
        self.send({"type": "ended", "lane": step.lane, "task": step.task, "state": step.piece, "start": step.piece_start,
                   "end": edge, "label": self.label(step), "error": None})
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
        runq = max(0, min(wall - cpu, self.runqueue(step.thread) - step.runq)) if step.thread is not None else 0
        self.send({"type": "gil", "lane": step.lane, "task": step.task, "wall": wall, "cpu": cpu, "runq": runq,
                   "wait": wall - cpu - runq, "drawn": step.drawn_wait, "sampled": step.thread is not None,
                   "period": self.period})


class Relay:
    """The relay's state: its output to the app, the runner, and the sampler.

    Thread-safety: the reader threads only put what they read on one queue; the main thread does
    everything else."""

    KNOWN = {"ready", "main", "began", "ended", "outcome", "done", "failed"}
    # the events go out in batches, every 10 ms (a pong at once): one write per sample cost the
    # relay a quarter of its time
    FLUSH = 10_000_000

    def __init__(self, config_path, harness_path):
        self.config = load_config(config_path)
        self.config_path = config_path
        self.harness_path = harness_path
        self.inbox = queue.Queue()
        self.out = []
        self.sampler = Sampler(int(self.config.get("sample_ms", 1.0) * 1_000_000), self.out.append,
                               eager=self.config.get("model") != "processes")
        self.runner = None
        self.pending_text = b""
        self.prints = 0
        self.stderr_tail = collections.deque(maxlen=20)
        self.garbled = None
        self.lanes_seen = set()
        self.urgent = False
        self.flushed = 0

    def flush(self):
        self.urgent = False
        self.flushed = now()
        if not self.out:
            return
        data = b"".join(json.dumps(event, separators=(",", ":")).encode("utf-8") + b"\n" for event in self.out)
        self.out.clear()
        view = memoryview(data)
        while view:
            view = view[os.write(1, view):]

    def start_runner(self):
        env = dict(os.environ)
        env[CONFIG_ENV] = self.config_path
        env.setdefault("PYTHONIOENCODING", "utf-8")
        kwargs = {}
        if os.name == "posix":
            # its own process group, to be killed with its pool; not its own session, which on Linux
            # is its own scheduling group (autogroup): the lab's background work at nice 19 would
            # then take half the cores from the program as from an equal, where the Java workers
            # are weighed against it by their nice values
            if sys.version_info >= (3, 11):
                kwargs["process_group"] = 0
            else:
                kwargs["preexec_fn"] = os.setpgrp  # no thread runs yet: the relay starts its readers after

        self.runner = subprocess.Popen([sys.executable, "-u", self.harness_path, "run", self.config_path],
                                       stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                       env=env, **kwargs)
        for source, fd in (("app", 0), ("runner", self.runner.stdout.fileno()), ("stderr", self.runner.stderr.fileno())):
            threading.Thread(target=self.read, args=(source, fd), name="relay-" + source, daemon=True).start()

    def read(self, source, fd):
        """Puts what `fd` gives on the inbox, raw (a buffered reader would hold a lock that a
        daemon thread must not hold at the interpreter's exit)."""
        try:
            for chunk in iter(lambda: os.read(fd, 65536), b""):
                self.inbox.put((source, chunk))
        except OSError:
            pass
        self.inbox.put((source, None))

    def kill_runner(self):
        if self.runner is None or self.runner.poll() is not None:
            return
        try:
            if os.name == "posix":
                os.killpg(self.runner.pid, 9)
            else:
                self.runner.kill()
        except OSError:
            pass

    def main(self):
        self.start_runner()
        self.out.append({"type": "hello", "pid": os.getpid(), "time": now(),
                         "python": "%s %s" % (sys.implementation.name, sys.version.split()[0])})
        self.flush()
        if self.config.get("workload") in ("cpu", "fib", "mixed"):
            self.sampler.watch(self.runner.pid)
        runner_open = stderr_open = True
        buffers = {"app": b"", "runner": b"", "stderr": b""}
        while runner_open or stderr_open:
            try:
                source, data = self.inbox.get(timeout=self.sampler.wait())
            except queue.Empty:
                source, data = None, None
            if source is not None:
                if data is None:
                    if source == "app":
                        self.kill_runner()  # the app is gone
                        return 0
                    if source == "runner":
                        runner_open = False
                    else:
                        stderr_open = False
                    if buffers[source]:
                        self.take(source, buffers[source])
                        buffers[source] = b""
                else:
                    lines = (buffers[source] + data).split(b"\n")
                    buffers[source] = lines.pop()
                    for line in lines:
                        self.take(source, line)
                    if len(buffers[source]) > MAX_LINE:
                        buffers[source] = b""
                        if source == "runner":
                            self.garble("a line of more than %d KiB" % (MAX_LINE >> 10))
            self.sampler.tick()
            if self.urgent or now() - self.flushed >= self.FLUSH:
                self.flush()
        code = self.runner.wait()
        if self.pending_text:
            self.print_text(b"")
        self.out.append({"type": "exit", "code": code, "stderr": " | ".join(self.stderr_tail)})
        self.flush()
        return 0

    def take(self, source, line):
        if source == "app":
            self.command(line)
        elif source == "runner":
            self.line(line)
        elif line.strip():
            self.stderr_tail.append(clip(line.decode("utf-8", "replace").rstrip(), 300))

    def command(self, line):
        try:
            command = json.loads(line)
            kind = command["type"]
        except (ValueError, KeyError, TypeError):
            self.out.append({"type": "failed", "where": "relay", "error": "the app sent an unreadable command", "trace": ""})
            self.kill_runner()
            return
        if kind == "ping":
            self.out.append({"type": "pong", "id": command["id"], "time": now()})
            self.urgent = True  # the clock handshake times the round trip
        elif kind == "go":
            try:
                self.runner.stdin.write(b"go\n")
                self.runner.stdin.flush()
            except OSError:
                pass
        elif kind == "stop":
            self.kill_runner()

    def line(self, line):
        if self.garbled:
            return
        at = line.find(RS)
        if at < 0:
            self.print_text(line)
            return
        if at > 0:
            self.pending_text += line[:at]
        record = line[at + 1:]
        try:
            event = json.loads(record)
            kind = event["type"]
        except (ValueError, KeyError, TypeError):
            self.garble(clip(record.decode("utf-8", "replace"), 120))
            return
        if kind not in self.KNOWN:
            self.garble("an event of unknown type %r" % clip(kind, 40))
            return
        lane = event.get("lane")
        if kind == "began" and event.pop("announce", False):
            if lane in self.lanes_seen:
                return  # the process said it was up before its parent could say it was starting
        if lane is not None:
            self.lanes_seen.add(lane)
        if kind == "began" and "measure" in event:
            self.sampler.began(event)
        elif kind == "ended":
            self.sampler.ended(event)
        else:
            self.out.append(event)
            self.urgent = kind != "began"  # ready, main, done: the app waits for them

    def print_text(self, line):
        text = (self.pending_text + line).decode("utf-8", "replace").rstrip("\r")
        self.pending_text = b""
        self.prints += 1
        if self.prints <= MAX_PRINTS:
            self.out.append({"type": "print", "text": clip(text, 2000)})

    def garble(self, what):
        self.garbled = what
        self.out.append({"type": "failed", "where": "events", "trace": "",
                         "error": "the program wrote an unreadable event: " + what})
        self.kill_runner()


def relay(config_path):
    return Relay(config_path, os.path.abspath(__file__)).main()


# --------------------------------------------------------------------------------------------

if __name__ == "__mp_main__" and os.environ.get(CONFIG_ENV):
    # a process a pool spawned (spawn or forkserver): it imports the program afresh, instrumented
    setup(os.environ[CONFIG_ENV], parent=False)

if __name__ == "__main__":
    role = sys.argv[1] if len(sys.argv) > 1 else ""
    if role == "relay" and len(sys.argv) == 3:
        sys.exit(relay(sys.argv[2]))
    elif role == "run" and len(sys.argv) == 3:
        run(sys.argv[2])
    elif role == "check" and len(sys.argv) > 2:
        check(sys.argv[2:])
    else:
        sys.stderr.write("usage: harness.py relay CONFIG | run CONFIG | check PROGRAM...\n")
        sys.exit(EXIT_BAD_CONFIG)
