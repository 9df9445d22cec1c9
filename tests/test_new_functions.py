"""The functions added with the op registry, in both back ends, against mpmath.

Values: each back end, float64 and float32, at random points and at the
domain's edges, against mpmath at 50 digits (at the edges, where a value is
not finite, against what NumPy/SciPy give: NaN and signed infinities).
Gradients: the compiled gradient against ``sympy.diff`` evaluated at 30
digits (the rules themselves are checked symbolically in ``test_rules.py``).
Conditions: ``ITE`` and ``Contains`` against SymPy's own evaluation.
"""
from __future__ import annotations

import math
import random
from collections.abc import Callable
from dataclasses import dataclass

import mpmath
import numpy as np
import pytest
import scipy.special
import sympy as sp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from _reference import elementary, reference_grad, value_at
from sympy.codegen.cfunctions import Cbrt, exp2, expm1, hypot, log1p, log2, log10
from sympy.codegen.numpy_nodes import logaddexp

import symgrad as sg
from symgrad.frontend.parse import parse

x, y = sp.symbols("x y", real=True)
BACKENDS = ["numpy", "llvm"]
#: relative tolerance per dtype: a few units in the last place
RTOL = {"float64": 4e-15, "float32": 2e-6}

mpmath.mp.dps = 50


@dataclass
class Case:
    name: str
    expr: sp.Expr                  # of x (and y)
    ref: Callable                  # mpmath function of the same arguments
    lo: float
    hi: float
    edges: tuple = ()              # points (x,) or (x, y) with NumPy's value as the reference
    numpy_ref: Callable | None = None   # NumPy/SciPy at the edges


def _cases() -> list[Case]:
    m = mpmath
    return [
        Case("expm1", expm1(x), m.expm1, -3, 3, ((0.0,), (-np.inf,), (1000.0,)), np.expm1),
        Case("log1p", log1p(x), m.log1p, -0.9, 5, ((-1.0,), (-2.0,), (0.0,)), np.log1p),
        Case("exp2", exp2(x), lambda a: m.power(2, a), -10, 10, ((1024.0,), (-1080.0,)), np.exp2),
        Case("log2", log2(x), lambda a: m.log(a, 2), 0.1, 100, ((0.0,), (-1.0,), (np.inf,)), np.log2),
        Case("log10", log10(x), m.log10, 0.1, 100, ((0.0,), (-1.0,)), np.log10),
        Case("Cbrt", Cbrt(x), m.cbrt, 0.01, 30, ((-8.0,), (0.0,), (-np.inf,)), np.cbrt),
        Case("logaddexp", logaddexp(x, y), lambda a, b: m.log(m.exp(a) + m.exp(b)), -20, 20,
             ((-np.inf, -np.inf), (np.inf, np.inf), (np.inf, 1.0), (-np.inf, 2.0), (3.0, 3.0)), np.logaddexp),
        Case("hypot", hypot(x, y), m.hypot, -5, 5, ((np.inf, np.nan), (0.0, 0.0), (1e300, 1e300)), np.hypot),
        Case("atan2", sp.atan2(y, x), lambda a, b: m.atan2(b, a), -5, 5,
             ((0.0, 0.0), (-1.0, 0.0), (-np.inf, 1.0)), lambda a, b: np.arctan2(b, a)),
        Case("sec", sp.sec(x), m.sec, -1.5, 1.5, ((0.0,),), lambda a: 1 / np.cos(a)),
        Case("csc", sp.csc(x), m.csc, 0.1, 3.0, ((0.0,),), lambda a: np.divide(1, np.sin(a))),
        Case("cot", sp.cot(x), m.cot, 0.1, 3.0, ((0.0,), (-0.0,)), lambda a: np.divide(1, np.tan(a))),
        Case("sech", sp.sech(x), m.sech, -5, 5, ((1000.0,), (0.0,)), lambda a: 1 / np.cosh(a)),
        Case("csch", sp.csch(x), m.csch, 0.1, 5, ((0.0,), (-0.0,), (1000.0,)), lambda a: np.divide(1, np.sinh(a))),
        Case("coth", sp.coth(x), m.coth, 0.1, 5, ((0.0,), (40.0,)), lambda a: np.divide(1, np.tanh(a))),
        Case("asinh", sp.asinh(x), m.asinh, -50, 50, ((0.0,), (1e300,), (-np.inf,)), np.arcsinh),
        Case("acosh", sp.acosh(x), m.acosh, 1.0, 50, ((1.0,), (0.5,), (np.inf,)), np.arccosh),
        Case("atanh", sp.atanh(x), m.atanh, -0.999, 0.999, ((1.0,), (-1.0,), (1.5,), (1 - 2**-52,)),
             np.arctanh),
        Case("erf", sp.erf(x), m.erf, -4, 4, ((np.inf,), (-np.inf,), (0.0,)), scipy.special.erf),
        Case("erfc", sp.erfc(x), m.erfc, -4, 8, ((np.inf,), (-np.inf,), (30.0,)), scipy.special.erfc),
        Case("gamma", sp.gamma(x), m.gamma, 0.1, 20, ((0.0,), (-1.0,), (-2.5,), (172.0,)), scipy.special.gamma),
        Case("loggamma", sp.loggamma(x), m.loggamma, 0.1, 100, ((0.0,), (-1.5,), (1.0,), (2.0,)),
             scipy.special.loggamma),
        Case("sign", sp.sign(x), m.sign, -3, 3, ((0.0,), (np.nan,), (-np.inf,)), np.sign),
    ]


CASES = _cases()


def _points(case: Case, dtype: str, n: int = 40) -> list[tuple[float, ...]]:
    rng = random.Random(case.name)
    arity = 2 if y in case.expr.free_symbols else 1
    cast = np.dtype(dtype).type
    return [tuple(float(cast(rng.uniform(case.lo, case.hi))) for _ in range(arity)) for _ in range(n)]


def _compile(case: Case, backend: str, dtype: str, wrt=()):
    return sg.compile(case.expr, wrt=list(wrt), backend=backend, dtype=dtype)


def _call(fn, pts: list[tuple[float, ...]], dtype: str):
    cols = list(zip(*pts))
    names = ["x", "y"][:len(cols)]
    return fn(**{n: np.array(c, dtype=dtype) for n, c in zip(names, cols)})


@pytest.mark.parametrize("dtype", ["float64", "float32"])
@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_values_match_mpmath(case: Case, backend: str, dtype: str):
    pts = _points(case, dtype)
    value, _ = _call(_compile(case, backend, dtype), pts, dtype)
    ref = [float(case.ref(*(mpmath.mpf(v) for v in p))) for p in pts]
    # at its own precision: the reference rounded to the dtype
    ref = np.array(ref, dtype=dtype).astype(np.float64)
    np.testing.assert_allclose(np.asarray(value, dtype=np.float64), ref, rtol=RTOL[dtype],
                               atol=np.finfo(dtype).tiny, err_msg=f"{case.name} {backend} {dtype}")


@pytest.mark.parametrize("dtype", ["float64", "float32"])
@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("case", [c for c in CASES if c.edges], ids=lambda c: c.name)
def test_domain_edges_as_numpy_gives(case: Case, backend: str, dtype: str):
    with np.errstate(all="ignore"):     # 1e300 is inf in float32; NumPy warns at the poles
        pts = [tuple(float(np.dtype(dtype).type(v)) for v in p) for p in case.edges]
        value, _ = _call(_compile(case, backend, dtype), pts, dtype)
        cols = [np.array(c, dtype=dtype) for c in zip(*pts)]
        expected = np.asarray(case.numpy_ref(*cols), dtype=np.float64)
    got = np.asarray(value, dtype=np.float64)
    finite = np.isfinite(expected)
    assert np.array_equal(np.isnan(got), np.isnan(expected)), f"NaN at {pts}: {got} vs {expected}"
    assert np.array_equal(got[~finite & ~np.isnan(expected)], expected[~finite & ~np.isnan(expected)]), \
        f"infinities at {pts}: {got} vs {expected}"
    # the finite edge values: against mpmath as well as NumPy
    for p, g, e in zip(pts, got, expected):
        if math.isfinite(e):
            np.testing.assert_allclose(g, e, rtol=RTOL[dtype], atol=np.finfo(dtype).tiny)


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("case", [c for c in CASES if c.name != "sign"], ids=lambda c: c.name)
def test_compiled_gradient_matches_sympy_diff(case: Case, backend: str):
    wrt = sorted(case.expr.free_symbols, key=str)
    fn = _compile(case, backend, "float64", wrt)
    pts = _points(case, "float64", 8)
    _, grads = _call(fn, pts, "float64")
    for w, got, d in zip(wrt, grads, reference_grad(case.expr, wrt)):
        expected = [value_at(d, dict(zip(wrt, p))) for p in pts]
        np.testing.assert_allclose(got, expected, rtol=1e-12, atol=1e-300, err_msg=f"d/d{w}")


@pytest.mark.parametrize("dtype", ["float64", "float32"])
@pytest.mark.parametrize("backend", BACKENDS)
def test_digamma_matches_mpmath(backend, dtype):
    # above 0 within 4 eps relative (codegen/llvm_math/gamma.py), also next to its root 1.4616...
    rng = np.random.default_rng(7)
    pts = np.concatenate([rng.uniform(1e-3, 40, 200), rng.uniform(0.8, 2.2, 200), 10.0 ** rng.uniform(-20, 20, 50),
                          [1.4616321449683622]]).astype(dtype)
    value, _ = sg.compile(sp.digamma(x), backend=backend, dtype=dtype)(x=pts)
    ref = np.array([float(mpmath.digamma(mpmath.mpf(float(v)))) for v in pts], dtype=dtype).astype(np.float64)
    np.testing.assert_allclose(np.asarray(value, np.float64), ref, rtol=4 * np.finfo(dtype).eps)
    # below 0 (reflection) in float64, away from the poles; at the poles NaN/inf as SciPy gives
    neg = -rng.uniform(0.05, 0.95, 50) - rng.integers(0, 6, 50)
    value, _ = sg.compile(sp.digamma(x), backend=backend)(x=neg)
    np.testing.assert_allclose(value, [float(mpmath.digamma(v)) for v in neg], rtol=1e-12, atol=1e-12)
    poles = np.array([0.0, -0.0, -1.0, -7.0, np.inf, -np.inf, np.nan])
    with np.errstate(all="ignore"):
        value, _ = sg.compile(sp.digamma(x), backend=backend)(x=poles)
    np.testing.assert_array_equal(value, scipy.special.psi(poles))


@pytest.mark.parametrize("dtype", ["float64", "float32"])
@pytest.mark.parametrize("backend", BACKENDS)
def test_trigamma_matches_mpmath(backend, dtype):
    # within 3 eps relative on both sides of 0 (codegen/llvm_math/gamma.py); +inf at the poles
    rng = np.random.default_rng(11)
    pts = np.concatenate([rng.uniform(1e-3, 40, 200), 10.0 ** rng.uniform(-15, 15, 50),
                          -rng.uniform(0.05, 0.95, 50) - rng.integers(0, 6, 50)]).astype(dtype)
    value, _ = sg.compile(sp.polygamma(1, x), backend=backend, dtype=dtype)(x=pts)
    ref = np.array([float(mpmath.psi(1, mpmath.mpf(float(v)))) for v in pts], dtype=dtype).astype(np.float64)
    np.testing.assert_allclose(np.asarray(value, np.float64), ref, rtol=3 * np.finfo(dtype).eps)
    poles = np.array([0.0, -0.0, -1.0, -7.0, np.inf, -np.inf, np.nan])
    value, _ = sg.compile(sp.polygamma(1, x), backend=backend)(x=poles)
    np.testing.assert_array_equal(value, scipy.special.polygamma(1, poles))


def test_loggamma_hessian_compiles_in_both_backends():
    # d2/dxdy loggamma(xy) = psi(xy) + xy psi'(xy): trigamma, which the llvm backend has
    H = sg.hessian(sp.loggamma(x * y), [x, y])
    u = mpmath.mpf(1.5) * mpmath.mpf(0.7)
    for backend in BACKENDS:
        value, _ = sg.compile(H[0, 1], backend=backend)(x=1.5, y=0.7)
        assert value == pytest.approx(float(mpmath.digamma(u) + u * mpmath.psi(1, u)), rel=1e-13)


def test_llvm_refuses_polygamma_beyond_trigamma_by_name():
    with pytest.raises(NotImplementedError, match=r"orders 0 and 1 \(digamma, trigamma\) only, not order 2"):
        sg.compile(sp.polygamma(2, x), backend="llvm")


def test_parser_calls_the_new_functions():
    f = parse("erf(x) + atan2(y, x) + log1p(x)*hypot(x, y) + cbrt(y) + loggamma(x)")
    X, Y = sp.symbols("x y")
    assert f == sp.erf(X) + sp.atan2(Y, X) + log1p(X) * hypot(X, Y) + Cbrt(Y) + sp.loggamma(X)


# -- conditions ---------------------------------------------------------------------------------
CONDITIONS = [
    pytest.param(sp.ITE(x > 0, x, y), id="ITE-values"),   # SymPy takes symbols as values here
    pytest.param(sp.Piecewise((x * y, sp.ITE(x > 0, y > 1, y < -1)), (y, True)), id="ITE-truth"),
    pytest.param(sp.Piecewise((x * y, sp.Contains(x, sp.Interval.Lopen(0, 1))), (x + y, True)),
                 id="Contains-interval"),
    pytest.param(sp.Piecewise((x ** 2, sp.Contains(x, sp.Union(sp.Interval(-2, -1), sp.Interval.open(1, 2)))),
                              (y, True)), id="Contains-union"),
    pytest.param(sp.Piecewise((x * y, sp.Contains(x, sp.S.Naturals)), (y, True)), id="Contains-naturals"),
    pytest.param(sp.Piecewise((x * y, sp.Contains(x, sp.FiniteSet(-1, 2))), (-y, True)), id="Contains-finite"),
]
GRID = [(-2.0, 0.5), (-1.5, 2.0), (-1.0, -2.0), (0.0, 1.5), (0.5, 2.0), (1.0, -1.5), (1.5, 0.5), (2.0, 3.0)]


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("expr", CONDITIONS)
def test_conditions_against_sympy(expr, backend):
    fn = sg.compile(expr, wrt=[x, y], backend=backend)
    xs, ys = (np.array(c) for c in zip(*GRID))
    value, grads = fn(x=xs, y=ys)
    for k, (a, b) in enumerate(GRID):
        # exact where integral, so that SymPy decides membership of the integers
        at = {s: sp.Integer(int(v)) if v.is_integer() else sp.Float(v) for s, v in ((x, a), (y, b))}
        branch = expr.rewrite(sp.Piecewise) if isinstance(expr, sp.ITE) else expr
        # the branch taken at the point, its value and its derivative (the points sit on
        # no kink but the interval ends, where the branch whose condition holds is taken)
        taken = _taken(branch, at)
        assert value[k] == float(taken.xreplace(at)), (a, b)
        for w, g in zip((x, y), grads):
            assert g[k] == pytest.approx(float(sp.diff(taken, w).xreplace(at)), abs=1e-15), (a, b, w)


def _taken(expr: sp.Expr, at: dict) -> sp.Expr:
    if not isinstance(expr, sp.Piecewise):
        return expr
    for e, c in expr.args:
        if bool(c.xreplace(at).simplify()) if not isinstance(c, sp.Contains) else \
                bool(c.args[1].contains(at[c.args[0]])):
            return e
    raise AssertionError("no branch taken")


def test_contains_on_a_set_without_comparisons_is_refused():
    with pytest.raises(sg.UnsupportedExpressionError, match="Contains"):
        sg.grad(sp.Piecewise((x, sp.Contains(x, sp.ImageSet(sp.Lambda(y, 2 * y), sp.S.Integers))),
                             (y, True)), [x])


@pytest.mark.parametrize("case", [c for c in CASES if c.name != "sign"], ids=lambda c: c.name)
def test_second_derivatives_match_sympy(case: Case):
    # reverse over reverse runs the rules on their own output (hypot's ans, polygamma's order + 1)
    wrt = sorted(case.expr.free_symbols, key=str)
    H = sg.hessian(case.expr, wrt)
    e = elementary(case.expr)
    for p in _points(case, "float64", 3):
        at = dict(zip(wrt, p))
        for i, a in enumerate(wrt):
            for j, b in enumerate(wrt):
                expected = value_at(sp.diff(e, a, b), at)
                assert value_at(elementary(H[i, j]), at) == pytest.approx(expected, rel=1e-12, abs=1e-300), \
                    (case.name, a, b, p)


#: total functions on the reals (or made so), for random compositions.  Cbrt gets a positive
#: argument: SymPy's derivative of the real cube root (real_root) of a negative or nested
#: argument keeps an unevaluated Derivative(sign(...)) or compares a complex branch, so it is
#: no reference there; Cbrt at negative arguments is checked in CASES against math.cbrt
TOTAL = [sp.erf, sp.erfc, sp.asinh, sp.sech, lambda a: Cbrt(a * a + 1), expm1, lambda a: log1p(a * a), lambda a: hypot(a, 1),
         lambda a: sp.atan2(a, 2), lambda a: logaddexp(a, -a / 2), lambda a: sp.loggamma(a * a + 1),
         lambda a: sp.acosh(a * a + 1), lambda a: sp.atanh(sp.tanh(a) / 2), lambda a: log2(a * a + 1)]


@st.composite
def compositions(draw, depth: int = 3) -> sp.Expr:
    if depth == 0 or draw(st.booleans()):
        return draw(st.sampled_from([x, y, x * y, x - y]))
    f = draw(st.sampled_from(TOTAL))
    inner = draw(compositions(depth - 1))
    return f(inner) if draw(st.booleans()) else f(inner) * draw(compositions(depth - 1))


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(expr=compositions())
def test_random_compositions_agree_with_mpmath_in_both_backends(expr):
    wrt = [x, y]
    pts = [(-1.3, 0.4), (0.7, 1.9), (2.2, -0.6)]
    ref_grad = reference_grad(expr, wrt)
    expected = [[value_at(elementary(r), {x: a, y: b}) for (a, b) in pts] for r in [expr, *ref_grad]]
    for backend in BACKENDS:
        value, grads = sg.compile(expr, wrt=wrt, backend=backend)(x=np.array([a for a, _ in pts]),
                                                                  y=np.array([b for _, b in pts]))
        for got, ref in zip([value, *grads], expected):
            np.testing.assert_allclose(got, ref, rtol=1e-12, atol=1e-14, err_msg=f"{expr} ({backend})")


# -- in tensor programs -------------------------------------------------------------------------
#: symgrad's function of an entry, and torch's of a tensor (given the torch module)
TORCH = [
    pytest.param(sp.erf, lambda torch, t: torch.erf(t), id="erf"),
    pytest.param(sp.asinh, lambda torch, t: torch.asinh(t), id="asinh"),
    pytest.param(lambda d: sp.loggamma(d * d + 1), lambda torch, t: torch.lgamma(t * t + 1), id="loggamma"),
    pytest.param(lambda d: logaddexp(d, 2 * d), lambda torch, t: torch.logaddexp(t, 2 * t), id="logaddexp"),
    pytest.param(lambda d: hypot(d, 1), lambda torch, t: torch.hypot(t, torch.ones_like(t)), id="hypot"),
]


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("f, torch_f", TORCH)
def test_entrywise_on_matrices_against_torch_autograd(f, torch_f, backend):
    torch = pytest.importorskip("torch")
    from symgrad.tensor import Elementwise, Sum
    N = sp.Symbol("N", integer=True, positive=True)
    X, W = sp.MatrixSymbol("X", N, 3), sp.MatrixSymbol("W", 3, 2)
    rng = np.random.default_rng(3)
    Xv, Wv = rng.normal(size=(6, 3)), 0.5 * rng.normal(size=(3, 2))
    value, (d_W,) = sg.compile(Sum(Elementwise(f, X * W)), wrt=[W], backend=backend)(X=Xv, W=Wv)
    Wt = torch.tensor(Wv, requires_grad=True)
    out = torch_f(torch, torch.tensor(Xv) @ Wt).sum()
    out.backward()
    assert float(value) == pytest.approx(out.item(), rel=1e-13)
    np.testing.assert_allclose(d_W, Wt.grad.numpy(), rtol=1e-12, atol=1e-14)


def test_numpy_backend_without_scipy_names_the_function(monkeypatch):
    import sys
    monkeypatch.setitem(sys.modules, "scipy.special", None)     # `from scipy.special import` fails
    with pytest.raises(ImportError, match="computes erf with scipy.special.erf, and scipy is not installed"):
        sg.compile(sp.erf(x), wrt=[x], backend="numpy")
    # programs that need no scipy do not import it
    assert sg.compile(sp.atanh(x), wrt=[x], backend="numpy")(x=0.5)[0] == pytest.approx(math.atanh(0.5))
