"""ns/element of symgrad.codegen.llvm_math functions in a JIT loop, against NumPy, in one run.

    python benchmarks/llvm_math_bench.py [--n 1000000] [--repeat 20] [--write]

Each llvm_math kernel is ``out[i] = f(in[i])`` compiled at O3 with loop and SLP
vectorization for the host CPU, once with LLVM's default tuning and once with
512-bit vectors allowed (``harness.host_target_machine(wide=True)``); the peer is the NumPy (or SciPy) expression
that computes the same thing into a preallocated ``out``.  Best of ``repeat``.
``--write`` puts the table into docs/benchmarks.md ("## Math functions").
"""
from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _doc import replace_section  # benchmarks/_doc.py: this script's section of docs/benchmarks.md

from symgrad.codegen.llvm_math import EMITTERS, MEDIUM
from symgrad.codegen.llvm_math.harness import MapJit

NAMES = list(EMITTERS) + list(MEDIUM)

try:
    from scipy.special import expit
except ImportError:  # pragma: no cover - scipy is a dev dependency
    expit = None


def _numpy_peers() -> dict[str, Callable[[np.ndarray, np.ndarray], object]]:
    def sigmoid(x, out):
        if expit is not None:
            return expit(x, out=out)
        np.negative(x, out=out)
        np.exp(out, out=out)
        out += 1
        return np.reciprocal(out, out=out)

    def softplus(x, out):
        np.abs(x, out=out)
        np.negative(out, out=out)
        np.exp(out, out=out)
        np.log1p(out, out=out)
        return np.add(out, np.maximum(x, 0), out=out)

    return {"exp": lambda x, out: np.exp(x, out=out), "expm1": lambda x, out: np.expm1(x, out=out),
            "log": lambda x, out: np.log(x, out=out), "log1p": lambda x, out: np.log1p(x, out=out),
            "tanh": lambda x, out: np.tanh(x, out=out), "sigmoid": sigmoid, "softplus": softplus,
            "sin": lambda x, out: np.sin(x, out=out), "cos": lambda x, out: np.cos(x, out=out),
            "tan": lambda x, out: np.tan(x, out=out), "sinh": lambda x, out: np.sinh(x, out=out),
            "cosh": lambda x, out: np.cosh(x, out=out), "atan": lambda x, out: np.arctan(x, out=out),
            "asin": lambda x, out: np.arcsin(x, out=out), "acos": lambda x, out: np.arccos(x, out=out),
            "pow": lambda x, y, out: np.power(x, y, out=out),
            "sin.medium": lambda x, out: np.sin(x, out=out), "cos.medium": lambda x, out: np.cos(x, out=out),
            "tan.medium": lambda x, out: np.tan(x, out=out)}


def _inputs(name: str, n: int, dtype: type) -> tuple[np.ndarray, ...]:
    rng = np.random.default_rng(0)
    if name == "pow":
        return rng.uniform(0.1, 10, n).astype(dtype), rng.uniform(-5, 5, n).astype(dtype)
    return (_unary_input(name, n, dtype, rng),)


def _unary_input(name: str, n: int, dtype: type, rng: np.random.Generator) -> np.ndarray:
    if name == "log":
        return rng.uniform(1e-3, 1e3, n).astype(dtype)
    if name == "log1p":
        return rng.uniform(-0.9, 1e3, n).astype(dtype)
    if name in ("asin", "acos"):
        return rng.uniform(-1, 1, n).astype(dtype)
    if name.split(".")[0] in ("sin", "cos", "tan"):
        return rng.uniform(-100, 100, n).astype(dtype)
    return rng.uniform(-20, 20, n).astype(dtype)


def _best_ns(fn: Callable[[], object], n: int, repeat: int) -> float:
    fn()
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best / n * 1e9


def main(argv: list[str] | None = None) -> str:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--write", action="store_true", help="write the table into docs/benchmarks.md")
    args = ap.parse_args(argv)
    peers = _numpy_peers()
    header = ("| function | dtype | llvm_math ns/elem | llvm_math 512-bit ns/elem | NumPy ns/elem "
              "| NumPy / llvm_math | NumPy / 512-bit |")
    lines = [header, "|---|---|---:|---:|---:|---:|---:|"]
    for dtype in (np.float64, np.float32):
        jit, wide = MapJit(NAMES, dtype), MapJit(NAMES, dtype, wide=True)
        for name in NAMES:
            xs = _inputs(name, args.n, dtype)
            out = np.empty_like(xs[0])
            ours = _best_ns(lambda: jit.into(name, *xs, out), args.n, args.repeat)  # noqa: B023
            zmm = _best_ns(lambda: wide.into(name, *xs, out), args.n, args.repeat)  # noqa: B023
            theirs = _best_ns(lambda: peers[name](*xs, out), args.n, args.repeat)  # noqa: B023
            lines.append(f"| {name} | {np.dtype(dtype).name} | {ours:.2f} | {zmm:.2f} | {theirs:.2f} "
                         f"| {theirs / ours:.2f}x | {theirs / zmm:.2f}x |")
    table = "\n".join(lines)
    head = (f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, n = {args.n} elements, best of "
            f"{args.repeat}: `python benchmarks/llvm_math_bench.py --write`.")
    print(head + "\n\n" + table)
    if args.write:
        replace_section("Math functions", "## Math functions: codegen/llvm_math against NumPy\n\n"
                        + head + "\n\n" + table + "\n" + NOTES)
    return table


NOTES = """
Each row is a loop `out[i] = f(x[i])` compiled on its own.  sin, cos and tan
are accurate over the whole finite range: beyond 1.6e6 (float64) or 4.2e8
(float32) a Payne-Hanek reduction takes over, and as straight-line code it is
computed for every element, which is what these rows cost.  The `.medium`
rows leave it out (accurate below those bounds only).  Compiled scalar
kernels use the `.medium` functions for blocks of 256 samples, tensor kernels
for each fused loop nest, and recompute a block or nest with the full ones
only when one of its arguments is beyond the bound, so ordinary data pays the
`.medium` price.  Arguments here are uniform in [-100, 100].
"""


if __name__ == "__main__":
    main()
