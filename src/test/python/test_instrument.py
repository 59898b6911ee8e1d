"""What instrumenting a program brings into its interpreter."""

import json
import os
import subprocess
import sys
import textwrap
import unittest

from concurrencylab_harness.common import DOWNLOADS, MODELS, WORKLOADS

# a program with every name the harness may wrap, instrumented as the runner (parent) or a pool's
# spawned process (not the parent) does it, on its standard-library variant
PROGRAM = textwrap.dedent("""
    import json
    import sys
    import types
    from concurrencylab_harness import instrument

    module = types.ModuleType("program")
    module.NUMBERS, module.PAGES, module.CPU_MS, module.TASKS, module.TIMES = [], [], 1, 1, 1
    for name in ("sum_of_squares", "fib", "download", "download_and_parse", "heavy_parse", "task",
                 "unsafe_task", "locked_task", "run", "fetch"):
        setattr(module, name, lambda *args: None)
    model, workload, parent = sys.argv[1], sys.argv[2], sys.argv[3] == "parent"
    config = {"model": model, "workload": workload, "variant": "stdlib", "workers": 2, "numbers": [],
              "pages": [], "cpu_ms": 1, "tasks": 1, "times": 1}
    instrument.instrument(module, config, parent=parent)
    print(json.dumps("urllib.request" in sys.modules))
""")


class InstrumentTest(unittest.TestCase):
    def urllib_imported(self, model, workload, parent):
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
        done = subprocess.run([sys.executable, "-c", PROGRAM, model, workload, "parent" if parent else "child"],
                              env=env, capture_output=True, text=True, timeout=60)
        self.assertEqual(0, done.returncode, done.stderr)
        return json.loads(done.stdout)

    def test_only_a_program_that_downloads_gets_the_http_client_measured(self):
        # importing urllib.request (http.client, email…) moves the heap a CPU program computes in:
        # it made the event loop's sums 15 % slower recorded than bare
        for model in MODELS:
            for workload in WORKLOADS:
                for parent in (True, False) if model == "processes" else (True,):
                    with self.subTest(model=model, workload=workload, parent=parent):
                        self.assertEqual(workload in DOWNLOADS,
                                         self.urllib_imported(model, workload, parent))


if __name__ == "__main__":
    unittest.main()
