"""Large expressions (no RecursionError), byte-identical output, and the golden NumPy source."""
from __future__ import annotations

import math
import os
import subprocess
import sys
from pathlib import Path

import pytest
import sympy as sp

import symgrad as sg

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).parent / "golden"


def dag_size(expr: sp.Basic) -> int:
    seen, stack = set(), [expr]
    while stack:
        e = stack.pop()
        if e not in seen:
            seen.add(e)
            stack.extend(e.args)
    return len(seen)


def deep_chain(depth: int, x: sp.Symbol) -> sp.Expr:
    """log/exp alternately, unevaluated: SymPy's evaluating constructors recurse on such chains.

    ``Expr.__new__`` builds the same node as ``log(e, evaluate=False)``, ten times faster.
    """
    e = x
    for i in range(depth):
        e = sp.Expr.__new__(sp.log if i % 2 == 0 else sp.exp, e)
        hash(e), e.is_commutative  # SymPy caches both: compute them level by level, not recursively later
    return e


def test_hundred_thousand_node_expression_grad_and_compile():
    # a 99,000-deep chain plus a 900-term sum: over 10^5 distinct SymPy nodes
    depth = 99_000
    x = sp.Symbol("x")
    ws, us = sp.symbols("w0:900"), sp.symbols("u0:900")
    f = sp.Add(deep_chain(depth, x), *[sp.Mul(w, u, evaluate=False) for w, u in zip(ws, us)],
               evaluate=False)
    assert dag_size(f) >= 100_000
    g = sg.grad(f, [x, ws[0]])
    assert g.program.stats().transcendental == depth
    assert g[ws[0]] == us[0]
    fn = sg.compile(f, wrt=[x, ws[0]])
    value, (dx, dw0) = fn(x=1.7, **{str(s): 0.5 for s in ws + us})
    # reference: the same chain evaluated and differentiated (forward mode) by a float loop
    v, d = 1.7, 1.0
    for i in range(depth):
        v, d = (math.log(v), d / v) if i % 2 == 0 else (math.exp(v), d * math.exp(v))
    assert value == pytest.approx(v + 900 * 0.25, rel=1e-12)
    assert dx == pytest.approx(d, rel=1e-9)
    assert dw0 == 0.5


def test_wide_sum_compiles():
    # a shared parameter gets one adjoint term per use: gradients produce such sums naturally
    x = sp.Symbol("x")
    ys = sp.symbols("y0:5000")
    f = sp.Add(*[sp.sin(x * y) for y in ys])
    fn = sg.compile(f, wrt=[x])
    _, (dx,) = fn(x=0.0, **{str(y): 1.0 for y in ys})
    assert dx == 5000.0


SCRIPT = """
import sympy as sp, symgrad as sg
w, x, b, t, lam, y, z = sp.symbols("w x b t lambda y z")
L = (sg.sigmoid(w*x + b) - t)**2/2 + lam*w**2/2 + sp.Max(y, z)*sp.tanh(w*y) \
    + sp.Piecewise((y**2, y < 0), (sg.softplus(z*b), True)) + sg.elu(x*z) + sp.Abs(b - z)
fn = sg.compile(L, wrt=[w, b, y, z, x, lam, t])
print(fn.source)
print(sg.grad(L, [w, b, y, z, x, lam, t]).program)
"""


def test_generated_source_is_byte_identical_across_hash_seeds():
    outs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        r = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, env=env,
                           capture_output=True, check=True)
        outs.append(r.stdout)
    assert outs[0] == outs[1]
    assert b"def value_and_grad" in outs[0]


def toy_loss_source() -> str:
    w, x, b, t, lam = sp.symbols("w x b t lambda")
    L = sp.Rational(1, 2) * (sg.sigmoid(w * x + b) - t) ** 2 + lam * w ** 2 / 2
    return sg.compile(L, wrt=[w, b]).source


def test_golden_numpy_source_of_the_toy_loss():
    """Compare with tests/golden/toy_loss_numpy.py.txt; SYMGRAD_UPDATE_GOLDEN=1 rewrites it."""
    path = GOLDEN / "toy_loss_numpy.py.txt"
    source = toy_loss_source()
    if os.environ.get("SYMGRAD_UPDATE_GOLDEN") == "1":
        path.write_text(source)
    assert path.exists(), f"{path} missing: run with SYMGRAD_UPDATE_GOLDEN=1 to create it"
    assert source == path.read_text(), (
        f"generated NumPy source differs from {path}; review the change, then refresh it "
        "with SYMGRAD_UPDATE_GOLDEN=1")
