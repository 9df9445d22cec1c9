"""Random scalar expressions for the differential fuzzer (tests/test_fuzz_scalar.py).

Every op of ``symgrad/ir/ops_scalar.py`` appears, each with its argument
mapped into its domain by a smooth map (``tanh`` into (-1, 1), ``u**2 + c``
onto the positive reals, ``sigmoid`` into a bounded interval) so that the
expression is real wherever it is evaluated.  Leaves are the two variables
``X`` and ``Y`` and constants of both signs from 1e-8 to 1e8, exact
(integers, rationals, pi, E) and floating.
"""
from __future__ import annotations

import sympy as sp
from hypothesis import strategies as st
from sympy.codegen.cfunctions import Cbrt, exp2, expm1, hypot, log1p, log2, log10
from sympy.codegen.numpy_nodes import logaddexp

import symgrad as sg

X, Y = sp.symbols("X Y", real=True)

Q = sp.Rational


def _unit(u):
    """(-9/10, 9/10)."""
    return Q(9, 10) * sp.tanh(u)


def _pos(u, c=Q(1, 4)):
    return u ** 2 + c


#: name -> f(u): every unary op, its argument kept in its domain
UNARY = {
    "sin": sp.sin, "cos": sp.cos, "tan": lambda u: sp.tan(Q(3, 2) * sp.tanh(u)),
    "sec": lambda u: sp.sec(Q(3, 2) * sp.tanh(u)),
    "csc": lambda u: sp.csc(Q(1, 4) + Q(5, 2) * sg.sigmoid(u)),
    "cot": lambda u: sp.cot(Q(1, 4) + Q(5, 2) * sg.sigmoid(u)),
    "asin": lambda u: sp.asin(_unit(u)), "acos": lambda u: sp.acos(_unit(u)), "atan": sp.atan,
    "sinh": sp.sinh, "cosh": sp.cosh, "tanh": sp.tanh, "sech": sp.sech,
    "csch": lambda u: sp.csch(_pos(u)), "coth": lambda u: sp.coth(_pos(u)),
    "asinh": sp.asinh, "acosh": lambda u: sp.acosh(_pos(u, Q(5, 4))), "atanh": lambda u: sp.atanh(_unit(u)),
    "exp": sp.exp, "log": lambda u: sp.log(_pos(u)), "expm1": expm1,
    "log1p": lambda u: log1p(_pos(u, Q(-1, 2))), "exp2": exp2, "log2": lambda u: log2(_pos(u)),
    "log10": lambda u: log10(_pos(u)), "Cbrt": Cbrt, "sqrt": lambda u: sp.sqrt(_pos(u)),
    "erf": sp.erf, "erfc": sp.erfc, "gamma": lambda u: sp.gamma(Q(1, 2) + 3 * sg.sigmoid(u)),
    "loggamma": lambda u: sp.loggamma(_pos(u)), "digamma": lambda u: sp.polygamma(0, _pos(u, Q(1, 2))),
    "Abs": sp.Abs, "sign": lambda u: sp.sign(u) * X, "floor": lambda u: sp.floor(u) + u,
    "ceiling": lambda u: sp.ceiling(u) * Y, "Heaviside": lambda u: sp.Heaviside(u) * X,
    "sigmoid": sg.sigmoid, "relu": sg.relu, "softplus": sg.softplus,
    "leaky_relu": lambda u: sg.leaky_relu(u, Q(1, 10)), "elu": lambda u: sg.elu(u, Q(1, 2)),
    "square": lambda u: u ** 2, "cube": lambda u: u ** 3, "inverse": lambda u: _pos(u) ** -1,
    "rsqrt3": lambda u: _pos(u) ** Q(-3, 2), "pow0.7": lambda u: _pos(u) ** sp.Float(0.7),
    "neg": lambda u: -u,
}

#: name -> f(a, b)
BINARY = {
    "add": lambda a, b: a + b, "sub": lambda a, b: a - b, "mul": lambda a, b: a * b,
    "div": lambda a, b: a / _pos(b), "Max": sp.Max, "Min": sp.Min,
    "atan2": sp.atan2, "hypot": hypot, "logaddexp": logaddexp,
    "pow": lambda a, b: _pos(a) ** sp.tanh(b),
    "Piecewise": lambda a, b: sp.Piecewise((a, X > b), (b, True)),
    "Piecewise_and": lambda a, b: sp.Piecewise((a * b, sp.And(X > -1, Y < a)), (a - b, True)),
    "leaky_alpha": lambda a, b: sg.leaky_relu(a, sp.tanh(b)),
    "elu_alpha": lambda a, b: sg.elu(a, 1 + b ** 2),
}

_exact = st.sampled_from([sp.Integer(2), sp.Integer(-3), Q(-1, 3), Q(5, 2), sp.pi, sp.E, sp.Integer(-1)])
_float = st.builds(lambda m, e, s: sp.Float(s * m * 10.0 ** e), st.floats(1, 9.99), st.integers(-8, 8),
                   st.sampled_from([1, -1]))
constants = st.one_of(_exact, _float)
leaves = st.one_of(st.sampled_from([X, Y, X, Y]), constants)


def _apply(name: str, *args):
    table = UNARY if name in UNARY else BINARY
    try:
        out = table[name](*args)
    except (TypeError, ValueError):     # SymPy's Max(Cbrt(2), 1): "not comparable"
        return sp.Add(*args)
    # SymPy evaluates atan2 of two numbers to -I*log(...): a real constant written with I,
    # which symgrad refuses by name (docs/reliability.md, known limits)
    return sp.Add(*args) if out.has(sp.I) else out


exprs = st.recursive(
    leaves,
    lambda sub: st.one_of(
        st.builds(_apply, st.sampled_from(sorted(UNARY)), sub),
        st.builds(_apply, st.sampled_from(sorted(BINARY)), sub, sub),
    ),
    max_leaves=8,
)


def every_op() -> list[sp.Basic]:
    """One expression per generator entry, for a coverage check of the op table."""
    out = [f(X + Q(1, 3) * Y) for f in UNARY.values()]
    out += [f(X - Q(1, 5), Y * Q(3, 7) + Q(1, 9)) for f in BINARY.values()]
    return out
