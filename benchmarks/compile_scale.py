"""Compile time at scale: both backends on programs of 10^3 to 10^5 nodes.

Two scalar workloads of issue 15 (item 16), value and gradient with respect
to x and y, at several sizes, both backends in one process:

* ``tanh``: a sum of k terms ``tanh(c_i x + d_i y)``, about 8 program nodes per term
  (12,500 terms: 10^5 nodes);
* ``chain``: ``f = x`` then ``f = (f + 1)*y`` d times, 4 nodes per level.

The time is the whole of ``sg.compile`` plus the first call (which builds the
llvm kernel), with the disk cache off; building the SymPy expression is not
timed.  The growth exponent is the slope of log(time) over log(nodes), fitted
over all sizes and between neighbouring sizes.  The llvm backend compiles
programs beyond ``symgrad.codegen.llvm.kernel.QUICK_OPS`` computed nodes at the quick
level (no optimization pipeline, see ``symgrad.codegen.llvm.jit.QUICK``), so its curve
has a step there; the exponents are given on both sides of it too.

    .venv/bin/python benchmarks/compile_scale.py                  # 1e3, 1e4, 1e5 nodes
    .venv/bin/python benchmarks/compile_scale.py 1000 4000 --write
"""
from __future__ import annotations

import argparse
import datetime
import os
import platform
import resource
import sys
import time
from pathlib import Path

from _doc import replace_section  # benchmarks/_doc.py: this script's section of docs/benchmarks.md

import numpy as np
import sympy as sp

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ["SYMGRAD_CACHE"] = "0"   # every llvm build compiles

import symgrad as sg  # noqa: E402
from symgrad.codegen.llvm.kernel import QUICK_OPS  # noqa: E402

x, y = sp.symbols("x y")


def tanh_terms(nodes: int) -> sp.Expr:
    k = max(1, nodes // 8)
    return sp.Add(*[sp.tanh((i % 7 + 1) * x / 8 + sp.Rational(i + 1, k) * y) for i in range(k)])


def chain(nodes: int) -> sp.Expr:
    f = x
    for _ in range(max(1, nodes // 4)):
        f = (f + 1) * y
    return f


WORKLOADS = {"tanh": tanh_terms, "chain": chain}


def compile_time(expr: sp.Expr, backend: str) -> tuple[float, int, int]:
    """Seconds for ``sg.compile`` and a first call; program nodes and computed nodes."""
    t0 = time.perf_counter()
    fn = sg.compile(expr, [x, y], backend=backend)
    fn(x=np.linspace(-1, 1, 8), y=np.linspace(0.5, 0.9, 8))
    dt = time.perf_counter() - t0
    return dt, len(fn.program.nodes), sum(1 for n in fn.program.nodes if n.args)


def slope(rows: list[tuple[int, float]]) -> float:
    """Least-squares slope of log(time) over log(nodes)."""
    if len(rows) < 2:
        return float("nan")
    n, t = np.log([r[0] for r in rows]), np.log([r[1] for r in rows])
    return float(np.polyfit(n, t, 1)[0])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sizes", type=float, nargs="*", default=[1e3, 1e4, 1e5], help="program sizes in nodes")
    ap.add_argument("--write", action="store_true", help="write the table into docs/benchmarks.md")
    args = ap.parse_args()
    results = []   # (workload, backend, nodes, ops, seconds)
    for name, make in WORKLOADS.items():
        for size in args.sizes:
            expr = make(int(size))
            for backend in ("numpy", "llvm"):
                dt, nodes, ops = compile_time(expr, backend)
                results.append((name, backend, nodes, ops, dt))
                print(f"{name:6s} {backend:6s} {nodes:>8,} nodes {dt:8.2f} s", flush=True)
    lines = ["| workload | nodes | numpy backend s | llvm backend s | llvm / numpy | llvm level |",
             "|---|---|---|---|---|---|"]
    for name in WORKLOADS:
        for nodes in sorted({r[2] for r in results if r[0] == name}):
            t = {r[1]: r for r in results if r[0] == name and r[2] == nodes}
            level = "quick" if t["llvm"][3] > QUICK_OPS else "full"
            lines.append(f"| {name} | {nodes:,} | {t['numpy'][4]:.2f} | {t['llvm'][4]:.2f} "
                         f"| {t['llvm'][4] / t['numpy'][4]:.1f} | {level} |")
    notes = []
    for name in WORKLOADS:
        for backend in ("numpy", "llvm"):
            rows = sorted((r[2], r[4]) for r in results if r[0] == name and r[1] == backend)
            steps = ", ".join(f"{slope([a, b]):.2f}" for a, b in zip(rows, rows[1:]))
            text = f"- {name}, {backend}: growth exponent {slope(rows):.2f} over all sizes"
            if steps:
                text += f" (between neighbouring sizes: {steps})"
            if backend == "llvm":
                ops = {r[2]: r[3] for r in results if r[0] == name}
                for side, keep in (("full", lambda n: ops[n] <= QUICK_OPS), ("quick", lambda n: ops[n] > QUICK_OPS)):
                    part = [r for r in rows if keep(r[0])]
                    if len(part) >= 2:
                        text += f"; {slope(part):.2f} at the {side} level alone"
            notes.append(text)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    table = "\n".join(lines)
    print(table, *notes, f"peak memory of the process: {rss:.0f} MB", sep="\n")
    if args.write:
        when = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        sizes = " ".join(f"{s:g}" for s in args.sizes)
        section = (
            "## Compile time at scale\n\n"
            f"Measured {when} on {platform.machine()}, {os.cpu_count()} cores (shared with other jobs), "
            f"Python {platform.python_version()}; one process: "
            f"`python benchmarks/compile_scale.py {sizes} --write`.  Time of `sg.compile` plus the "
            "first call (which builds the llvm kernel), disk cache off, value and gradient with respect "
            "to x and y; `tanh` is a sum of tanh(c_i x + d_i y) terms (about 8 nodes each), `chain` is "
            "`f = (f + 1)*y` repeated (4 nodes per level).  The llvm backend compiles programs of more "
            f"than {QUICK_OPS:,} computed nodes at the quick level (no optimization pipeline, "
            "`symgrad.codegen.llvm.jit.QUICK`): its kernels then run about 5x slower per sample than at the full "
            "level.\n\n"
            f"{table}\n\n" + "\n".join(notes) + f"\n\nPeak memory of the process: {rss:.0f} MB.\n")
        replace_section("Compile time at scale", section)


if __name__ == "__main__":
    main()
