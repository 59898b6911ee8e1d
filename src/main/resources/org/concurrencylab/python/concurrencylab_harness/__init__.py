"""The parts of the harness that `harness.py` runs (see its docstring)."""
