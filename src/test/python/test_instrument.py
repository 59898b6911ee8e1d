"""What instrumenting a program brings into its interpreter."""

import os
import subprocess
import sys
import textwrap
import unittest

PROGRAM = textwrap.dedent("""
    import sys
    import types
    from concurrencylab_harness import instrument

    module = types.ModuleType("program")
    module.NUMBERS, module.PAGES = [], []
    module.sum_of_squares = lambda n: 0
    module.download = lambda url: b""
    instrument.instrument(module, {"model": "sync", "workload": sys.argv[1], "variant": "stdlib",
                                   "numbers": [], "pages": []}, parent=True)
    print("urllib.request" in sys.modules)
""")


class InstrumentTest(unittest.TestCase):
    def urllib_imported(self, workload):
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
        done = subprocess.run([sys.executable, "-c", PROGRAM, workload], env=env, capture_output=True,
                              text=True, timeout=60)
        self.assertEqual(0, done.returncode, done.stderr)
        return done.stdout.strip() == "True"

    def test_a_cpu_program_gets_no_http_client_it_does_not_use(self):
        # importing urllib.request (http.client, ssl, email…) moves the heap the program computes
        # in: it made the event loop's sums 15 % slower recorded than bare
        self.assertFalse(self.urllib_imported("cpu"))

    def test_a_program_that_downloads_has_its_urllib_measured(self):
        self.assertTrue(self.urllib_imported("download"))


if __name__ == "__main__":
    unittest.main()
