"""Guarded branches, ties and 0**y: gradients that select instead of multiplying by 0.

References: ``sympy.diff`` evaluated at 30 digits (mpmath never overflows, so
``exp(1000) * 0`` is 0 there), and torch autograd for the conventions torch
defines (``torch.maximum`` ties, ``pow`` at a zero base).
"""
from __future__ import annotations

import warnings

import numpy as np
import pytest
import sympy as sp
from _reference import reference_grad, value_at
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import symgrad as sg
from symgrad.ir.graph import BOOLEAN_OPS

x, y = sp.symbols("x y", real=True)
P = sp.Piecewise
BACKENDS = ["numpy", "llvm"]


def run(expr, wrt, backend, **at):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")           # the untaken branch may warn in NumPy
        with np.errstate(all="ignore"):
            value, grads = sg.compile(expr, wrt, backend=backend)(**at)
    return float(value), [float(g) for g in grads]


# expression, points; the expected gradient is sympy.diff at each point
GUARDED = [
    (P((sp.sqrt(x), x > 0), (0, True)), [-1.0, 0.0, 4.0]),
    (P((sp.log(x) ** 2, x > 0), (x, True)), [-1.0, 2.0]),
    (P((0, x <= 0), (x * sp.log(x), True)), [-1.0, 0.0, 3.0]),
    (sp.Min(sp.exp(x), 1), [1000.0, -1.0]),
    (P((sp.sin(x) / x, sp.Ne(x, 0)), (1, True)), [0.0, 0.5]),
    # item 4: the inner Piecewise has no default branch
    (P((P((x ** 2, x > 1)), x > 0), (x, True)), [-1.0, 2.0]),
    # two guards on different conditions share sqrt(x): the sum of gates stays gated
    (P((sp.sqrt(x), x > 0), (0, True)) + P((3 * sp.sqrt(x), x > 1), (x, True)), [-1.0, 0.5, 4.0]),
    # a guard inside a guard, and a product with a guarded factor
    (P((P((sp.log(x), x > 0), (0, True)) * sp.exp(x), x > -5), (0, True)), [-1.0, -6.0, 2.0]),
    # 1/sigmoid(x) = 1 + exp(-x): the adjoint -(1/sigmoid)^2 used to overflow first
    (-10 / sg.sigmoid(x), [-539.7, -30.0, 2.0]),
]


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("expr,points", GUARDED, ids=[str(e) for e, _ in GUARDED])
def test_guarded_branch_keeps_its_gradient(expr, points, backend):
    (ref,) = reference_grad(expr, [x])
    for v in points:
        expected = value_at(ref, {x: v})
        _, (got,) = run(expr, [x], backend, x=v)
        assert np.isfinite(got), f"{expr} at x={v}: {got}"
        assert got == pytest.approx(expected, rel=1e-13, abs=1e-300), f"{expr} at x={v}"


def test_minus_ten_over_sigmoid_analytic():
    # d/dx(-10/sigmoid(x)) = -10 d/dx(1 + exp(-x)) * (-1) = 10 exp(-x)
    for backend in BACKENDS:
        value, (d,) = run(-10 / sg.sigmoid(x), [x], backend, x=-539.7)
        assert d == pytest.approx(10 * np.exp(539.7), rel=1e-13)
        assert value == pytest.approx(-10 * (1 + np.exp(539.7)), rel=1e-13)


@pytest.mark.parametrize("backend", BACKENDS)
def test_no_branch_taken_gives_nan_value_and_zero_gradient(backend):
    # as torch.where(c, a, nan): the value is NaN, no branch receives a gradient
    value, (d,) = run(P((P((x ** 2, x > 1)), x > 0), (x, True)), [x], backend, x=0.5)
    assert np.isnan(value) and d == 0.0


def test_piecewise_in_a_condition_converts_to_sympy():
    # item 4: SymPy's ITE rewrite of y >= Piecewise((x, x < 10)) needs a default branch
    f = sp.Max(y, P((x, x < 10)))
    g = sg.grad(f, [x, y])
    fn = sg.compile(f, [x, y])
    for at, expected in [({x: 3.0, y: 1.0}, (1.0, 0.0)), ({x: 3.0, y: 5.0}, (0.0, 1.0))]:
        assert (value_at(g[x], at), value_at(g[y], at)) == expected
        _, grads = fn(x=at[x], y=at[y])
        assert tuple(grads) == expected
    assert "Piecewise" in str(g[x])


def test_gating_adds_no_arithmetic():
    """The guarded gradient does the taken branch's arithmetic once, plus selects."""
    def arithmetic(expr):
        prog = sg.grad(expr, [x]).program
        return sorted(n.op.__name__ for n in prog.nodes
                      if n.args and n.op not in (sp.Piecewise, *BOOLEAN_OPS))
    branch = sp.log(x) ** 2 * sp.sin(x) + sp.sqrt(x)
    guarded = P((branch, x > 0), (0, True))
    assert arithmetic(guarded) == arithmetic(branch)


# -- Max/Min ties: torch.maximum / torch.minimum split the gradient -------------------------------
torch = pytest.importorskip("torch")

TIES = [
    (sp.Max(x, y), torch.maximum, (1.0, 1.0)),
    (sp.Max(y, x), lambda a, b: torch.maximum(b, a), (1.0, 1.0)),
    (sp.Min(x, y), torch.minimum, (-2.0, -2.0)),
    (sp.Max(x, y), torch.maximum, (3.0, 1.0)),
    (sp.Min(x, y), torch.minimum, (3.0, 1.0)),
    (sp.Max(x, 0) + 0 * y, lambda a, b: torch.maximum(a, torch.zeros_like(a)) + 0 * b, (0.0, 1.0)),
    (sg.relu(x) + 0 * y, lambda a, b: torch.relu(a) + 0 * b, (0.0, 1.0)),
]


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("expr,tfn,at", TIES, ids=[f"{e}@{a}" for e, _, a in TIES])
def test_ties_match_torch(expr, tfn, at, backend):
    a, b = (torch.tensor(v, dtype=torch.float64, requires_grad=True) for v in at)
    tfn(a, b).backward()
    _, grads = run(expr, [x, y], backend, x=at[0], y=at[1])
    assert grads == [a.grad.item(), b.grad.item()]


# -- x**y at a zero base: torch's pow_backward_self / pow_backward_exponent --------------------
POW_POINTS = [(0.0, 2.0), (0.0, 0.0), (0.0, -1.0), (0.0, 0.5), (0.0, 3.0), (2.0, 0.0),
              (-2.0, 2.0), (-2.0, 0.5), (1.5, -0.5)]


@pytest.mark.parametrize("backend", BACKENDS)
def test_pow_at_zero_base_matches_torch(backend):
    for xv, yv in POW_POINTS:
        a = torch.tensor(xv, dtype=torch.float64, requires_grad=True)
        b = torch.tensor(yv, dtype=torch.float64, requires_grad=True)
        (a ** b).backward()
        _, grads = run(x ** y, [x, y], backend, x=xv, y=yv)
        np.testing.assert_allclose(grads, [a.grad.item(), b.grad.item()], rtol=1e-14,
                                   equal_nan=True, err_msg=f"x**y at {(xv, yv)}")


# -- property: an untaken branch never leaks into the gradient ------------------------------------
UNSAFE = [sp.sqrt, sp.log, lambda u: 1 / u, lambda u: u * sp.log(u), lambda u: sp.log(u) ** 2,
          lambda u: sp.exp(1 / u)]
SAFE = [lambda t: t ** 2, sp.sin, lambda t: sp.exp(t / 4), lambda t: 3 * t - 1, lambda t: sp.Integer(0)]


@st.composite
def guarded(draw):
    a = draw(st.sampled_from([-2, -1, 1, 3]))
    b = draw(st.sampled_from([-1, 0, 2]))
    u = a * x + b
    unsafe = draw(st.sampled_from(UNSAFE))(u)
    safe = draw(st.sampled_from(SAFE))(x)
    expr = P((unsafe, u > 0), (safe, True)) if draw(st.booleans()) else P((safe, u <= 0), (unsafe, True))
    wrap = draw(st.sampled_from(["none", "scale", "outer", "sum"]))
    if wrap == "scale":
        expr = expr * sp.cos(x) + x
    elif wrap == "outer":
        expr = P((expr, x < 2), (x, True))
    elif wrap == "sum":
        expr = expr + P((sp.sqrt(u), u > 1), (0, True))
    point = draw(st.sampled_from([-3.0, -1.0, -0.5, 0.0, 0.5, 1.0, 2.5]))
    return expr, point


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(guarded(), st.sampled_from(BACKENDS))
def test_untaken_branch_never_leaks(case, backend):
    expr, v = case
    (ref,) = reference_grad(expr, [x])
    try:
        expected = value_at(ref, {x: v})
    except (TypeError, ValueError):         # zoo or nan: the taken branch itself is not finite
        return
    if not np.isfinite(expected):
        return
    _, (got,) = run(expr, [x], backend, x=v)
    assert got == pytest.approx(expected, rel=1e-12, abs=1e-12), f"{expr} at x={v}"


@pytest.mark.parametrize("backend", BACKENDS)
def test_an_untaken_branch_does_not_warn(backend):
    """np.where computes both branches; what it discards must not warn (llvm never does)."""
    f = P((sp.sqrt(x), x > 0), (sp.log(x + 1), True))
    fn = sg.compile(f, [x], backend=backend)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        value, (d,) = fn(x=np.array([-1.0, 4.0]))
    assert value[0] == -np.inf and value[1] == 2.0 and d[1] == 0.25
