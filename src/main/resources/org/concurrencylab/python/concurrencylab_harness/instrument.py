"""The runner: wraps a program from outside (its HTTP calls, its pool, its steps) and runs it."""

import importlib.abc
import importlib.util
import io
import os
import sys
import threading
import traceback

from . import common
from .common import (DOWNLOADS, EXIT_BAD_CONFIG, EXIT_PARENT_GONE, EXIT_PROGRAM_FAILED, LIBRARIES, clip, cpu_step, describe,
                     load_config, now, task_function)
from .tracer import Tracer, io_begin, io_end
from .tasks import (TimedSelectorMixin, TracedCoroutine, TracedPool, child_start, measured_step, run_task,
                    swapping_wrapper)


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
    if workload in DOWNLOADS:
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
    if workload in DOWNLOADS:
        # only where pages are downloaded: importing urllib.request (http.client, email…)
        # into a CPU program's interpreter moved its heap enough to make the event loop's sums
        # 15 % slower than the same program run bare, in one layout of the harness
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
                         run_task(original, common.TRACER.next_task(), args, kwargs))
        if step and step != task:
            swapping_wrapper(module, step, measured_step)
    elif model == "eventloop":
        original = getattr(module, task)

        def coroutine_task(*args, **kwargs):
            return TracedCoroutine(original(*args, **kwargs), common.TRACER.next_task(), args)

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
            return super().submit(run_task, fn, common.TRACER.next_task(), args, kwargs, now(), self._more)

        def _more(self):
            # ThreadPoolExecutor's own queue of work items: not empty, this thread takes another
            # (or, rarely, another thread takes it first: shutdown writes what was held)
            return not self._work_queue.empty()

        def shutdown(self, *args, **kwargs):
            try:
                return super().shutdown(*args, **kwargs)
            finally:
                common.TRACER.flush_deferred()

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
        common.TRACER.emit_many([
            {"type": "began", "lane": "process:%d" % process.pid, "task": -1, "state": "STARTUP", "time": created,
             "label": "starting process %d: the interpreter and the program's imports" % process.pid,
             "announce": True}
            for process in getattr(pool, "_pool", [])])
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
    config = load_config(config_path)
    variant, path = choose_variant(config)
    config["variant"] = variant
    config["path"] = path
    config["module"] = os.path.basename(path)[:-3]
    common.TRACER = Tracer(config)
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
        if common.TRACER is None:
            sys.stderr.write("harness: cannot read the config: %s\n" % describe(error))
            sys.exit(EXIT_BAD_CONFIG)
        common.TRACER.emit({"type": "failed", "where": "load", "error": clip(describe(error)),
                     "trace": clip("".join(traceback.format_exc()), 3000)})
        sys.exit(EXIT_PROGRAM_FAILED)
    common.TRACER.emit({"type": "ready", "variant": config["variant"], "program": os.path.basename(config["path"]),
                 "startMethod": start_method(config)})
    if not os.read(0, 64).startswith(b"go"):
        os._exit(EXIT_PARENT_GONE)
    threading.Thread(target=watch_parent, name="harness-parent-watch", daemon=True).start()
    start = now()
    common.TRACER.emit({"type": "main", "time": start})
    try:
        module.main()
    except BaseException as error:
        end = now()
        common.TRACER.emit({"type": "failed", "where": "main", "error": clip(describe(error)),
                     "trace": clip("".join(traceback.format_exc()), 3000)})
        sys.stdout.flush()
        os._exit(EXIT_PROGRAM_FAILED)
    end = now()
    sys.stdout.flush()
    counter = getattr(module, "counter", None) if config["workload"] == "race" else None
    common.TRACER.emit({"type": "done", "time": end, "wall": end - start, "counter": counter})
    sys.stdout.flush()
    # the pool's processes and threads are the program's to end; a clean exit waits for them
    sys.exit(0)


def start_method(config):
    if config["model"] != "processes":
        return None
    import multiprocessing
    return config.get("start_method") or multiprocessing.get_start_method()
