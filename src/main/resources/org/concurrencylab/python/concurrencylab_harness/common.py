"""The harness's constants, its program table, and what every part of it shares."""

import json
import time


RS = b"\x1e"
# an event as one compact line of JSON; one encoder for every event (json.dumps with separators
# builds a new one per call)
ENCODE = json.JSONEncoder(separators=(",", ":")).encode
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
# the workloads whose tasks download pages
DOWNLOADS = ("download", "mixed")

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
    if model == "eventloop" and workload in DOWNLOADS:
        constants.append("CONNECTIONS")
    functions = ["main", task_function(model, workload)]
    if workload == "race" and model == "threads":
        functions = ["main", "run", "unsafe_task", "locked_task"]
    step = cpu_step(workload)
    if step and step not in functions:
        functions.append(step)
    if model == "eventloop" and variant == "stdlib" and workload in DOWNLOADS:
        functions.append("fetch")
    calls = {
        "threads": "ThreadPoolExecutor",
        "processes": "multiprocessing.Pool",
        "eventloop": "asyncio.run",
    }
    return constants, functions, calls.get(model)



# The runner's tracer (one per process), set by `instrument.setup`.
TRACER = None
