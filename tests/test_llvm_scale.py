"""Huge scalar programs on the llvm backend: cut into bounded pieces, compiled at a level
that suits their size, and agreeing with the numpy backend.

Compile times are measured in benchmarks/compile_scale.py, not here.
"""
from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

import symgrad as sg

pytest.importorskip("llvmlite")

from symgrad.codegen.llvm.jit import FULL, QUICK  # noqa: E402
from symgrad.codegen.llvm.segments import MAX_FANIN, split_wide_nodes  # noqa: E402

x, y = sp.symbols("x y")


def tanh_terms(k: int) -> sp.Expr:
    """k tanh terms of x and y: about 8k nodes with the gradient (its sums have k terms)."""
    return sp.Add(*[sp.tanh((i % 7 + 1) * x / 8 + sp.Rational(i + 1, k) * y) for i in range(k)])


def chain(depth: int) -> sp.Expr:
    f = x
    for _ in range(depth):
        f = (f + 1) * y
    return f


def _both(expr, points):
    fl = sg.compile(expr, [x, y], backend="llvm")
    fn = sg.compile(expr, [x, y], backend="numpy")
    return fl, fl(**points), fn(**points)


def test_a_12000_node_program_matches_numpy():
    f = tanh_terms(1500)
    rng = np.random.default_rng(0)
    points = dict(x=rng.uniform(-3, 3, 300), y=rng.uniform(-3, 3, 300))
    fl, (v1, g1), (v2, g2) = _both(f, points)
    assert fl.kernel.level == QUICK      # beyond QUICK_OPS computed nodes
    # 1,500 terms (|term| <= 1), each within a few ulp of np.tanh, summed in the same
    # order: each of the 1,500 partial sums (|partial| <= 1,500) may round differently
    atol = 1500 * 4 * np.finfo(float).eps * 1500
    for a, b in zip((v1, *g1), (v2, *g2)):
        np.testing.assert_allclose(a, b, rtol=0, atol=atol)


def test_a_deep_chain_matches_numpy():
    # 700 levels: 2,800 nodes, run in segments at the full level; every level's
    # (f + 1) crosses from the forward segments to the backward ones through a row
    f = chain(700)
    points = dict(x=np.linspace(-1, 1, 257), y=np.linspace(0.99, 0.999, 257))
    fl, (v1, g1), (v2, g2) = _both(f, points)
    assert fl.kernel.level == FULL
    # a product of 700 rounded factors: relative errors add up to ~700 ulp
    for a, b in zip((v1, *g1), (v2, *g2)):
        np.testing.assert_allclose(a, b, rtol=700 * np.finfo(float).eps * 4)


def test_wide_sums_become_chains_of_partials_in_the_same_order():
    xs = sp.symbols(f"x0:{3 * MAX_FANIN}")
    p = sg.grad(sp.Add(*xs) * sp.Mul(*xs), [xs[0]]).program
    q = split_wide_nodes(p)
    assert max(len(n.args) for n in q.nodes) <= MAX_FANIN
    assert [n for n, _ in q.inputs] == [n for n, _ in p.inputs]
    assert [n for n, _ in q.outputs] == [n for n, _ in p.outputs]
    wide = [n for n in p.nodes if len(n.args) > MAX_FANIN]
    # each wide node: its first MAX_FANIN arguments, then the partial and the next ones
    parts = [n for n in q.nodes if n.op is wide[0].op and len(n.args) == MAX_FANIN]
    assert parts and split_wide_nodes(q) is q


def test_sum_of_many_inputs_matches_numpy_bit_for_bit():
    # the partial sums keep the left-to-right order of the unsplit sum: same rounding
    xs = sp.symbols("x0:200")
    f = sp.Add(*[v * v for v in xs])
    rng = np.random.default_rng(1)
    args = {str(v): rng.uniform(-1e3, 1e3, 64) for v in xs}
    fl = sg.compile(f, list(xs[:3]), backend="llvm")
    fn = sg.compile(f, list(xs[:3]), backend="numpy")
    np.testing.assert_array_equal(fl(**args)[0], fn(**args)[0])
