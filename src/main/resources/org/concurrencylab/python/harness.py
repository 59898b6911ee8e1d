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

This file is the entry of the three roles; the package beside it holds the parts:
`concurrencylab_harness.common` (constants, the program table), `.check`, `.tracer` (events and
lanes), `.tasks` (the wrappers of tasks, pools and coroutines), `.instrument` (the runner),
`.sampler` and `.relay`.
"""

import os
import sys

# the package sits beside this script; with PYTHONSAFEPATH (or python -P) the script's folder is
# not on the path by itself
_HERE = os.path.dirname(os.path.abspath(__file__))
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)

from concurrencylab_harness.check import check
from concurrencylab_harness.common import CONFIG_ENV, EXIT_BAD_CONFIG
from concurrencylab_harness.instrument import run, setup
from concurrencylab_harness.relay import relay

if __name__ == "__mp_main__" and os.environ.get(CONFIG_ENV):
    # a process a pool spawned (spawn or forkserver): it imports the program afresh, instrumented
    setup(os.environ[CONFIG_ENV], parent=False)

if __name__ == "__main__":
    role = sys.argv[1] if len(sys.argv) > 1 else ""
    if role == "relay" and len(sys.argv) == 3:
        sys.exit(relay(sys.argv[2], os.path.abspath(__file__)))
    elif role == "run" and len(sys.argv) == 3:
        run(sys.argv[2])
    elif role == "check" and len(sys.argv) > 2:
        check(sys.argv[2:])
    else:
        sys.stderr.write("usage: harness.py relay CONFIG | run CONFIG | check PROGRAM...\n")
        sys.exit(EXIT_BAD_CONFIG)
