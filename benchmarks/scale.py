"""Scale: peak memory and time of derive, compile and run, for big scalar expressions and deep networks.

Workloads, each at several sizes, on both backends:

* ``tanh``: a sum of k terms ``tanh(c_i x + d_i y)`` (about 8 program nodes per term), up to 10^5 nodes;
* ``chain``: ``f = (f + 1)*y`` repeated (4 nodes per level): a deep expression, up to 10^5 nodes;
* ``mlp``: ``L`` Dense(64, 64) + tanh layers and a softmax cross-entropy, batch 64, up to 50 layers.

Every measurement runs in a fresh process (so its peak RSS is its own), with the
disk cache off.  Phases: *derive* is ``sg.grad`` (lowering and the reverse
sweep), *compile* is the backend's build of that program (NumPy source, or
LLVM IR and machine code), *run* is the first call on data, each in CPU seconds of the process (the
machine is shared; wall time would measure the other jobs too).  Peak RSS is the
process's high-water mark minus the mark after imports and building the SymPy
expression.  The growth exponent is the least-squares slope of log(total time)
(or log(peak RSS)) over log(size): 1 is linear.

    .venv/bin/python benchmarks/scale.py            # print the table
    .venv/bin/python benchmarks/scale.py --write    # and write it into docs/benchmarks.md
    .venv/bin/python benchmarks/scale.py --quick    # small sizes only
"""
from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

SIZES = {"tanh": [1000, 10000, 100000], "chain": [1000, 10000, 100000], "mlp": [5, 10, 25, 50]}
QUICK = {"tanh": [1000, 10000], "chain": [1000, 10000], "mlp": [5, 10]}
UNIT = {"tanh": "nodes", "chain": "nodes", "mlp": "layers"}


def _child(workload: str, size: int, backend: str) -> dict:
    """Runs in the measuring process: build, derive, compile, run; print one JSON line."""
    import resource
    import time

    import sympy as sp

    import symgrad as sg
    from symgrad import codegen, losses, nn

    def rss_mb() -> float:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    x, y = sp.symbols("x y")
    if workload == "tanh":
        k = max(1, size // 8)
        f = sp.Add(*[sp.tanh((i % 7 + 1) * x / 8 + sp.Rational(i + 1, k) * y) for i in range(k)])
        wrt, data = [x, y], {"x": np.linspace(-1, 1, 64), "y": np.linspace(0.5, 0.9, 64)}
    elif workload == "chain":
        f = x
        for _ in range(max(1, size // 4)):
            f = (f + 1) * y
        wrt, data = [x, y], {"x": np.linspace(-1, 1, 64), "y": np.linspace(0.5, 0.9, 64)}
    else:
        X, Y = nn.input("X", 64), nn.input("Y", 64)
        layers = []
        for _ in range(size):
            layers += [nn.Dense(64, 64), nn.Tanh()]
        model = nn.Sequential(*layers)
        f = losses.softmax_cross_entropy(model(X), Y)
        wrt = model.parameters()
        rng = np.random.default_rng(0)
        data = {"X": rng.normal(size=(64, 64)), "Y": np.eye(64)[rng.integers(0, 64, 64)],
                **nn.init_params(model, seed=0)}
    base = rss_mb()
    # CPU seconds of this process (all its threads): the machine is shared, and wall time
    # would measure the other jobs as much as symgrad
    clock = time.process_time
    t0 = clock()
    g = sg.grad(f, wrt)
    t1 = clock()
    fn = codegen.backend(backend).build(g.program, "float64", [str(w) for w in wrt])
    t2 = clock()
    value = fn(**data)[0]
    t3 = clock()
    assert np.all(np.isfinite(value))
    return {"workload": workload, "size": size, "backend": backend, "nodes": len(g.program.nodes),
            "derive": t1 - t0, "compile": t2 - t1, "run": t3 - t2, "rss": rss_mb() - base}


def measure(workload: str, size: int, backend: str) -> dict:
    env = dict(os.environ, SYMGRAD_CACHE="0", PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, __file__, "--child", workload, str(size), backend],
                         capture_output=True, text=True, env=env, timeout=3600)
    if out.returncode != 0:
        raise RuntimeError(f"{workload} {size} {backend}: {out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


#: how to read the table: written from the run of 2026-12-03 (docs/benchmarks.md); revise it when the numbers move
READING = """
What the exponents say. Derive (`sg.grad`) and the NumPy backend grow
linearly from 10^3 to 10^5 nodes, both wide (`tanh`) and 25,000 levels deep
(`chain`), with no RecursionError; peak RSS grows linearly on NumPy (about
3 KB per node) and sublinearly on llvm, whose ~95 MB of JIT start-up
dominates small programs. The llvm compile times are not one curve: programs
beyond `QUICK_OPS` computed nodes (10,000) compile at the quick level, so
`tanh` at 10^5 nodes (44 s) costs only 2.5x its 10^4-node program at the full
level (18 s); on either side of that step compile time is close to linear
(exponents 0.90-1.17 at the full level, 0.91-1.09 at the quick level, in
"Compile time at scale"). The llvm **tensor** compile is superlinear in depth: 25 -> 50
layers doubles the nodes and multiplies compile time by 2.3 (exponent 1.29
from 5 to 50 layers; in one process 5, 10, 20, 40 layers took 0.8, 1.6, 3.6,
11.2 CPU s). Three quarters of it is LLVM optimizing one kernel function
(27,679 GEPs for a 583-node program); it is not fixed here (docs/reliability.md,
known limits). Runs of one step stay small: a 50-layer step is 0.02 CPU s on
either backend.
"""


def slope(xs, ys) -> float:
    if len(xs) < 2:
        return float("nan")
    return float(np.polyfit(np.log(xs), np.log(np.maximum(ys, 1e-3)), 1)[0])


def table(results: list[dict]) -> tuple[str, list[str]]:
    lines = ["| workload | size | program nodes | backend | derive CPU s | compile CPU s | run CPU s | peak RSS MB |",
             "|---|---|---|---|---|---|---|---|"]
    for r in results:
        lines.append(f"| {r['workload']} | {r['size']:,} {UNIT[r['workload']]} | {r['nodes']:,} | {r['backend']} "
                     f"| {r['derive']:.2f} | {r['compile']:.2f} | {r['run']:.3f} | {r['rss']:.0f} |")
    notes = []
    for w in SIZES:
        for b in ("numpy", "llvm"):
            rows = [r for r in results if r["workload"] == w and r["backend"] == b]
            if len(rows) < 2:
                continue
            n = [r["nodes"] for r in rows]
            parts = [f"{ph} {slope(n, [r[ph] for r in rows]):.2f}" for ph in ("derive", "compile")]
            total = [r["derive"] + r["compile"] + r["run"] for r in rows]
            notes.append(f"- {w}, {b}: growth exponent over program nodes: total time {slope(n, total):.2f} "
                         f"({', '.join(parts)}), peak RSS {slope(n, [r['rss'] for r in rows]):.2f}")
    return "\n".join(lines), notes


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        print(json.dumps(_child(sys.argv[2], int(sys.argv[3]), sys.argv[4])))
        return
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help="write the table into docs/benchmarks.md")
    ap.add_argument("--quick", action="store_true", help="small sizes only")
    args = ap.parse_args()
    sizes = QUICK if args.quick else SIZES
    results = []
    for workload, ns in sizes.items():
        for size in ns:
            for backend in ("numpy", "llvm"):
                r = measure(workload, size, backend)
                results.append(r)
                print(json.dumps(r), flush=True)
    text, notes = table(results)
    print(text, *notes, sep="\n")
    if args.write:
        sys.path.insert(0, str(HERE))
        from _doc import replace_section
        when = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        section = (
            "## Scale: memory and time of derive, compile and run\n\n"
            f"Measured {when} on {platform.machine()}, {os.cpu_count()} cores shared with other jobs, "
            f"Python {platform.python_version()}: `python benchmarks/scale.py --write`.  Each row is a "
            "fresh process, disk cache off; *derive* is `sg.grad`, *compile* the backend's build, *run* "
            "the first call (64 samples, or a batch of 64), in CPU seconds of the process (the machine "
            "was shared with other jobs, which wall time would count too); peak RSS is the process's high-water mark "
            "above its mark after building the SymPy expression.  `tanh`: a sum of tanh(c_i x + d_i y) "
            "terms; `chain`: `f = (f + 1)*y` repeated (a deep expression); `mlp`: L Dense(64, 64) + tanh "
            "layers, softmax cross-entropy.\n\n"
            f"{text}\n\n" + "\n".join(notes) + "\n" + READING)
        replace_section("Scale: memory and time", section)


if __name__ == "__main__":
    main()
