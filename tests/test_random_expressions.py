"""Hypothesis-generated expressions: symgrad vs ``sympy.diff`` + ``sympy.lambdify`` (mpmath, 30 digits)."""
from __future__ import annotations

import math

import mpmath
import sympy as sp
from _reference import elementary
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import symgrad as sg

x, y = sp.symbols("x y", real=True)

UNARY = [
    sp.sin, sp.cos, sp.tanh, sp.atan, sg.sigmoid, sg.softplus,
    lambda u: sp.exp(u / 4),
    lambda u: sp.log(1 + u ** 2),
    lambda u: sp.sqrt(1 + u ** 2),
]
BINARY = [
    lambda a, b: a + b,
    lambda a, b: a - b,
    lambda a, b: a * b,
    lambda a, b: a / (1 + b ** 2),
    lambda a, b: a ** 2 * b,
]

leaves = st.sampled_from([x, y, sp.Integer(2), sp.Rational(-1, 3)])
exprs = st.recursive(
    leaves,
    lambda sub: st.one_of(
        st.builds(lambda f, a: f(a), st.sampled_from(UNARY), sub),
        st.builds(lambda f, a, b: f(a, b), st.sampled_from(BINARY), sub, sub),
    ),
    max_leaves=10,
)
coords = st.floats(-1.5, 1.5, allow_nan=False)


@settings(max_examples=100, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(expr=exprs, px=coords, py=coords)
def test_random_expression_gradient(expr, px, py):
    assume(expr.free_symbols)
    wrt = [x, y]
    fn = sg.compile(expr, wrt=wrt)
    g = sg.grad(expr, wrt)
    ref = [sp.lambdify(wrt, sp.diff(elementary(expr), w), "mpmath") for w in wrt]
    with mpmath.workdps(30):
        expected = [complex(r(mpmath.mpf(px), mpmath.mpf(py))) for r in ref]
        ours = [complex(sp.lambdify(wrt, elementary(d), "mpmath")(mpmath.mpf(px), mpmath.mpf(py)))
                for d in g]
    assume(all(e.imag == 0 and math.isfinite(e.real) for e in expected))
    expected = [e.real for e in expected]
    # symgrad's formulas are exactly right ...
    for o, e in zip(ours, expected):
        assert abs(o.real - e) <= 1e-20 * (1 + abs(e)), (expr, o, e)
    # ... and the compiled float64 program evaluates them to float64 accuracy
    args = {"x": px, "y": py}
    _, grads = fn(**{k: v for k, v in args.items() if k in fn.args})
    for a, e in zip(grads, expected):
        assert abs(float(a) - e) <= 1e-9 * (1 + abs(e)), (expr, float(a), e)
