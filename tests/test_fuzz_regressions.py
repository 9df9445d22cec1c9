"""Defects the differential fuzzer (tests/test_fuzz_scalar.py, tests/test_fuzz_networks.py) found.

Each is the smallest input found, checked against an independent reference.
"""
from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

import symgrad as sg

X, Y = sp.symbols("X Y", real=True)


@pytest.mark.parametrize("backend", ["numpy", "llvm"])
def test_a_false_condition_inside_a_condition_prints_and_compiles(backend):
    # SymPy writes And(X > -1, Piecewise-valued condition) as ITE(c, d, False); the lowered
    # False was a node of op BooleanFalse, which to_sympy took for an operation: TypeError
    e = sp.Piecewise((X * Y, sp.ITE(X > Y, X > -1, False)), (X, True))
    g = sg.grad(e, [X, Y])
    want = [sp.diff(e.rewrite(sp.Piecewise), w) for w in (X, Y)]
    for px, py in [(0.5, 0.25), (0.25, 0.5), (-2.0, -3.0)]:
        at = {X: px, Y: py}
        assert [float(d.subs(at)) for d in g] == [float(w.subs(at)) for w in want]
        value, grads = sg.compile(e, [X, Y], backend=backend)(X=px, Y=py)
        assert float(value) == float(e.subs(at))
        np.testing.assert_array_equal([float(d) for d in grads], [float(w.subs(at)) for w in want])


@pytest.mark.parametrize("backend", ["numpy", "llvm"])
def test_a_comparison_with_a_piecewise_inside_and_prints(backend):
    # X > Piecewise(...) is a truth-valued Piecewise in SymPy; a gradient formula holding
    # And(that, ...) raised TypeError "expecting bool or Boolean" in to_sympy
    inner = sp.Piecewise((-2 * sg.elu(Y, sp.Rational(1, 2)), Y < -2), (-sg.elu(Y, sp.Rational(1, 2)) - 2, True))
    e = sp.Piecewise((X * Y, sp.And(X > inner, X > -1)), (X - Y, True))
    g = sg.grad(e, [X, Y])
    for px, py in [(0.5, 0.25), (-3.0, -0.5), (0.7, -3.0), (-0.5, -3.0)]:
        at = {X: px, Y: py}
        taken = bool(px > float(inner.subs(at)) and px > -1)
        want = [py, px] if taken else [1.0, -1.0]
        assert [float(d.subs(at)) for d in g] == want
        _, grads = sg.compile(e, [X, Y], backend=backend)(X=px, Y=py)
        assert [float(d) for d in grads] == want


def test_the_reference_counts_cbrt_as_transcendental():
    # the long profile's only mismatches: llvm's cbrt is 1-2 ulps off (NumPy's is correctly
    # rounded), within the 4 ulps every transcendental function is allowed; the reference had
    # taken Cbrt for correctly rounded because its elementary form is a product
    from _fuzz_reference import ULPS, evaluate
    from sympy.codegen.cfunctions import Cbrt
    ev = evaluate(Cbrt(X), {X: -0.017175032018916216, Y: 0.0})
    v = abs(ev.value)
    assert ev.M >= ULPS * v and ev.bound(2.0 ** -53, 0.0) > 7.73e-17
    for backend in ("numpy", "llvm"):
        got = sg.compile(Cbrt(X), [X], backend=backend)(X=-0.017175032018916216)[0]
        assert abs(float(got) - float(ev.value)) <= ev.bound(2.0 ** -53, 0.0)
