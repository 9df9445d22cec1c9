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
