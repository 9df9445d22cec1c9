"""Every derivative rule against ``sympy.diff`` of the elementary form (JAX grad_test_spec style).

Each spec is an expression, its parameters and a sampler of points away from
kinks.  symgrad's formulas are evaluated at 30 digits and its compiled NumPy
function in float64; both must match ``sympy.diff`` of the expression with
the activations rewritten to elementary functions.
"""
from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pytest
import sympy as sp
from _reference import elementary, reference_grad, value_at
from sympy.codegen.cfunctions import Cbrt, exp2, expm1, hypot, log1p, log2, log10
from sympy.codegen.numpy_nodes import logaddexp

import symgrad as sg
from symgrad.autodiff import rules
from symgrad.frontend import lower

x, y = sp.symbols("x y", real=True)


def uniform(lo: float, hi: float) -> Callable[[random.Random], float]:
    return lambda rng: rng.uniform(lo, hi)


def away_from_zero(rng: random.Random) -> float:
    return rng.choice((-1, 1)) * rng.uniform(0.2, 2.0)


REAL = uniform(-2.0, 2.0)
POSITIVE = uniform(0.2, 3.0)
UNIT = uniform(-0.9, 0.9)


@dataclass
class Spec:
    name: str
    expr: sp.Expr
    wrt: tuple
    sample: dict            # symbol -> sampler
    valid: Callable[[dict], bool] = lambda p: True


def apart(p: dict) -> bool:           # Max/Min: no tie
    return abs(p[x] - p[y]) > 0.1


SPECS = [
    Spec("Add", x + 2 * y + 3, (x, y), {x: REAL, y: REAL}),
    Spec("Mul", x * y * (x + 1), (x, y), {x: REAL, y: REAL}),
    Spec("Pow-int", x ** 3 - 2 * x ** 2, (x,), {x: REAL}),
    Spec("Pow-recip", x ** -1, (x,), {x: away_from_zero}),
    Spec("Pow-neg2", (x ** 2 + 1) ** -2, (x,), {x: REAL}),
    Spec("sqrt", sp.sqrt(x), (x,), {x: POSITIVE}),
    Spec("Pow-rational", x ** sp.Rational(3, 2), (x,), {x: POSITIVE}),
    Spec("Pow-x**y", x ** y, (x, y), {x: POSITIVE, y: REAL}),
    Spec("Pow-2**x", 2 ** x, (x,), {x: REAL}),
    Spec("exp", sp.exp(x * y), (x, y), {x: REAL, y: REAL}),
    Spec("log", sp.log(x), (x,), {x: POSITIVE}),
    Spec("sin", sp.sin(x * y), (x, y), {x: REAL, y: REAL}),
    Spec("cos", sp.cos(x), (x,), {x: REAL}),
    Spec("tan", sp.tan(x), (x,), {x: uniform(-1.2, 1.2)}),
    Spec("tanh", sp.tanh(x - y), (x, y), {x: REAL, y: REAL}),
    Spec("sinh", sp.sinh(x), (x,), {x: REAL}),
    Spec("cosh", sp.cosh(x), (x,), {x: REAL}),
    Spec("asin", sp.asin(x), (x,), {x: UNIT}),
    Spec("acos", sp.acos(x), (x,), {x: UNIT}),
    Spec("atan", sp.atan(x), (x,), {x: REAL}),
    Spec("Abs", sp.Abs(x) * y, (x, y), {x: away_from_zero, y: REAL}),
    Spec("sign", sp.sign(x) * x ** 2, (x,), {x: away_from_zero}),
    Spec("floor", sp.floor(x) + x, (x,), {x: REAL}, lambda p: abs(p[x] - round(p[x])) > 0.05),
    Spec("ceiling", sp.ceiling(x) * x, (x,), {x: REAL}, lambda p: abs(p[x] - round(p[x])) > 0.05),
    Spec("Max", sp.Max(x, y) * x, (x, y), {x: REAL, y: REAL}, apart),
    Spec("Min", sp.Min(x, y) * y, (x, y), {x: REAL, y: REAL}, apart),
    Spec("Max-3", sp.Max(x, y, 1), (x, y), {x: REAL, y: REAL},
         lambda p: apart(p) and abs(p[x] - 1) > 0.1 and abs(p[y] - 1) > 0.1),
    Spec("Heaviside", sp.Heaviside(x, 0) * x ** 2 + y, (x, y), {x: away_from_zero, y: REAL}),
    Spec("Piecewise", sp.Piecewise((x ** 2 * y, x < 0), (sp.sin(x) + y, True)), (x, y),
         {x: away_from_zero, y: REAL}),
    Spec("Piecewise-and", sp.Piecewise((x * y, (x > 0) & (y > 0)), (x + y, True)), (x, y),
         {x: away_from_zero, y: away_from_zero}),
    Spec("sigmoid", sg.sigmoid(x * y), (x, y), {x: REAL, y: REAL}),
    Spec("relu", sg.relu(x) * y, (x, y), {x: away_from_zero, y: REAL}),
    Spec("softplus", sg.softplus(x), (x,), {x: uniform(-5, 5)}),
    Spec("leaky_relu", sg.leaky_relu(x), (x,), {x: away_from_zero}),
    Spec("leaky_relu-alpha", sg.leaky_relu(x, y), (x, y), {x: away_from_zero, y: uniform(0, 0.5)}),
    Spec("elu", sg.elu(x), (x,), {x: away_from_zero}),
    Spec("elu-alpha", sg.elu(x, y), (x, y), {x: away_from_zero, y: uniform(0.5, 2)}),
    # the functions added with the op registry (issue 14)
    Spec("expm1", expm1(x * y), (x, y), {x: REAL, y: REAL}),
    Spec("log1p", log1p(x), (x,), {x: uniform(-0.9, 3)}),
    Spec("exp2", exp2(x), (x,), {x: REAL}),
    Spec("log2", log2(x), (x,), {x: POSITIVE}),
    Spec("log10", log10(x * y), (x, y), {x: POSITIVE, y: POSITIVE}),
    Spec("logaddexp", logaddexp(x, y), (x, y), {x: REAL, y: REAL}),
    Spec("Cbrt", Cbrt(x), (x,), {x: POSITIVE}),
    Spec("hypot", hypot(x, y), (x, y), {x: REAL, y: REAL}),
    Spec("atan2", sp.atan2(y, x), (x, y), {x: REAL, y: REAL}),
    Spec("sec", sp.sec(x), (x,), {x: uniform(-1.2, 1.2)}),
    Spec("csc", sp.csc(x), (x,), {x: uniform(0.2, 3.0)}),
    Spec("cot", sp.cot(x), (x,), {x: uniform(0.2, 3.0)}),
    Spec("sech", sp.sech(x), (x,), {x: REAL}),
    Spec("csch", sp.csch(x), (x,), {x: away_from_zero}),
    Spec("coth", sp.coth(x), (x,), {x: away_from_zero}),
    Spec("asinh", sp.asinh(x), (x,), {x: uniform(-5, 5)}),
    Spec("acosh", sp.acosh(x), (x,), {x: uniform(1.1, 5)}),
    Spec("atanh", sp.atanh(x), (x,), {x: UNIT}),
    Spec("erf", sp.erf(x * y), (x, y), {x: REAL, y: REAL}),
    Spec("erfc", sp.erfc(x), (x,), {x: REAL}),
    Spec("gamma", sp.gamma(x), (x,), {x: uniform(0.2, 5)}),
    Spec("gamma-negative", sp.gamma(x), (x,), {x: uniform(-2.9, -2.1)}),
    Spec("loggamma", sp.loggamma(x), (x,), {x: uniform(0.2, 5)}),
    Spec("digamma", sp.digamma(x), (x,), {x: uniform(0.2, 5)}),
    Spec("polygamma", sp.polygamma(2, x), (x,), {x: uniform(0.2, 5)}),
]


def points(spec: Spec, n: int = 5) -> list[dict]:
    rng = random.Random(spec.name)
    out = []
    while len(out) < n:
        p = {s: draw(rng) for s, draw in spec.sample.items()}
        if spec.valid(p):
            out.append(p)
    return out


def fd(expr: sp.Expr, w: sp.Symbol, p: dict) -> float:
    """Central difference at 40 digits, for what sympy.diff leaves unevaluated (floor)."""
    h = sp.Float("1e-15", 40)
    at = {s: sp.Float(v, 40) for s, v in p.items()}
    plus, minus = expr.xreplace({**at, w: at[w] + h}), expr.xreplace({**at, w: at[w] - h})
    return float(sp.N((plus - minus) / (2 * h), 40))


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.name)
def test_rule_matches_sympy_diff(spec: Spec):
    g = sg.grad(spec.expr, spec.wrt)
    ref = reference_grad(spec.expr, spec.wrt)
    fn = sg.compile(spec.expr, wrt=spec.wrt)
    for p in points(spec):
        expected = [value_at(r, p) if not r.has(sp.Derivative) else fd(spec.expr, w, p)
                    for r, w in zip(ref, spec.wrt)]
        got = [value_at(elementary(d), p) for d in g]
        np.testing.assert_allclose(got, expected, rtol=1e-12, atol=1e-14, err_msg=f"formula at {p}")
        args = {str(s): v for s, v in p.items() if str(s) in fn.args}
        value, grads = fn(**args)
        assert value == pytest.approx(value_at(elementary(spec.expr), p), rel=1e-12, abs=1e-14)
        np.testing.assert_allclose(grads, expected, rtol=1e-10, atol=1e-12, err_msg=f"compiled at {p}")


SCALAR_OPS = set(lower.ELEMENTWISE) | {sp.Add, sp.Mul, sp.Pow, sp.Max, sp.Min, sp.Piecewise}


def test_rule_table_covers_every_scalar_rule():
    covered = {type(n) for s in SPECS for n in sp.preorder_traversal(s.expr)}
    missing = sorted(op.__name__ for op in SCALAR_OPS & set(rules.VJP) - covered)
    assert not missing, f"scalar rules without a spec: {missing}"


def test_every_supported_scalar_node_type_has_a_rule():
    no_rule = sorted(op.__name__ for op in SCALAR_OPS - set(rules.VJP))
    assert no_rule == [], f"supported node types with no derivative rule: {no_rule}"


def test_missing_rule_fails_loudly_naming_the_op():
    class cube(sp.Function):
        pass

    lower.ELEMENTWISE.add(cube)
    try:
        with pytest.raises(sg.NoDerivativeRuleError, match="cube"):
            sg.grad(cube(x) + x, [x])
    finally:
        lower.ELEMENTWISE.discard(cube)


def test_rules_reuse_forward_values():
    # sigma' = sigma (1 - sigma), tanh' = 1 - tanh^2, exp' = exp: no new transcendental call
    for f in (sg.sigmoid(x * y), sp.tanh(x * y), sp.exp(x * y)):
        assert sg.grad(f, [x, y]).program.stats().transcendental == 1, f


def test_heaviside_with_default_value_compiles():
    fn = sg.compile(sp.Heaviside(x) * y, wrt=[y])
    value, (d_y,) = fn(x=2.0, y=3.0)
    assert (value, d_y) == (3.0, 1.0)


@pytest.mark.parametrize("expr", [x + sp.sqrt(5), sp.sqrt(2) * x, x ** sp.sqrt(2), x + 2 ** sp.Rational(1, 3)],
                         ids=str)
def test_irrational_constants(expr):
    g = sg.grad(expr, [x])
    p = {x: 1.3}
    assert value_at(g[x], p) == pytest.approx(value_at(reference_grad(expr, [x])[0], p), rel=1e-12)
