"""`harness.py check PROGRAM...`: reads programs without running them."""

import ast
import json
import os

from .common import LIBRARIES, MODELS, WORKLOADS, needs, task_function


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
