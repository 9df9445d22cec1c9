"""Vector-Jacobian rules, one per SymPy node type.

A rule receives the upstream adjoint ``g``, the node's own forward value
``ans`` and its arguments (all :class:`~symgrad.ir.graph.Value`), and returns one
adjoint per argument, ``None`` where no gradient flows.  Rules reuse ``ans``
wherever the notes do (sigma' = sigma (1 - sigma), tanh' = 1 - tanh^2,
exp' = exp), so the backward pass adds no transcendental function that the
forward pass already computed.

Rules that route a gradient (Piecewise, Max, Min, relu, ...) return gates,
``where(c, g, 0)``, and the arithmetic on :class:`~symgrad.ir.graph.Value` keeps
them selects down the chain rule (:mod:`symgrad.ir.gates`): a branch that is not
taken contributes an exact 0, never ``0 * NaN``.  Where a derivative has no
value, symgrad follows PyTorch: ``Max``/``Min`` split a tie g/2 to each input
(``torch.maximum``), relu has derivative 0 at 0 (``torch.relu``), and ``x**y``
at ``x = 0`` has d/dx = 0 where ``y = 0`` and d/dy = 0 where ``y >= 0``.

Add a rule with :func:`defvjp`::

    @defvjp(sp.exp)
    def _exp(g, ans, x):
        return (g * ans,)
"""
from __future__ import annotations

from typing import Callable, Optional, Sequence

import sympy as sp
from sympy.codegen.cfunctions import Cbrt, exp2, expm1, hypot, log1p, log2, log10
from sympy.codegen.numpy_nodes import logaddexp

from ..errors import NoDerivativeRuleError
from ..ir.functions import elu, leaky_relu, relu, sigmoid, softplus
from ..ir.gates import gate, gated_mul, logic_and, logic_not, logic_or
from ..ir.graph import Value

__all__ = ["VJP", "defvjp", "ZERO_GRADIENT"]

Rule = Callable[..., Sequence[Optional[Value]]]

#: op -> rule(g, ans, *args) -> adjoints
VJP: dict[type, Rule] = {}

#: Piecewise-constant ops: their derivative is zero wherever it exists.
ZERO_GRADIENT = (sp.sign, sp.floor, sp.ceiling, sp.Heaviside)


def defvjp(*ops: type) -> Callable[[Rule], Rule]:
    """Register ``rule`` as the vector-Jacobian product of each op in ``ops``."""
    def register(rule: Rule) -> Rule:
        for op in ops:
            VJP[op] = rule
        return rule
    return register


def _where(cond: Value, then: Value | int, other: Value | int) -> Value:
    """``then`` where ``cond`` holds, else ``other``; with a 0 side, a gate
    (:mod:`symgrad.ir.gates`), so that the chain rule selects rather than multiplies."""
    G = cond.G
    t = then.i if isinstance(then, Value) else G.const(then)
    o = other.i if isinstance(other, Value) else G.const(other)
    if o == G.zero:
        return Value(G, gate(G, cond.i, t))
    if t == G.zero:
        return Value(G, gate(G, logic_not(G, cond.i), o))
    return Value(G, G.where(cond.i, t, o))


def _compare(op: type, a: Value, b: Value | int) -> Value:
    return Value(a.G, a.G.apply(op, a.i, a._id(b)))


def _call(op: type, *xs: Value | int) -> Value:
    G = next(x.G for x in xs if isinstance(x, Value))
    return Value(G, G.apply(op, *(x.i if isinstance(x, Value) else G.const(x) for x in xs)))


def _digits(c: sp.Expr) -> sp.Float:
    """A constant such as log(2) as a 40-digit Float (graph constants are numbers)."""
    return sp.Float(c.evalf(40), 40)


LN2, LN10, TWO_OVER_SQRT_PI = _digits(sp.log(2)), _digits(sp.log(10)), _digits(2 / sp.sqrt(sp.pi))


# -- arithmetic ---------------------------------------------------------------
@defvjp(sp.Add)
def _add(g, ans, *xs):
    return (g,) * len(xs)


@defvjp(sp.Mul)
def _mul(g, ans, *xs):
    G = g.G
    return tuple(Value(G, gated_mul(G, g.i, *(y.i for j, y in enumerate(xs) if j != i)))
                 for i in range(len(xs)))


@defvjp(sp.Pow)
def _pow(g, ans, base, expo):
    e = g.G.constant_value(expo.i)
    if e == -1:
        d_base = -g * ans * ans                  # d(1/x) = -(1/x)^2
    elif e == sp.S.Half:
        d_base = g * sp.S.Half / ans             # d(sqrt x) = 1 / (2 sqrt x)
    else:
        d_base = g * expo * base ** (expo - 1)
    if e is not None:
        return d_base, None
    # a variable exponent, where the formulas meet 0 * inf: torch's conventions
    # (pow_backward_self, pow_backward_exponent in FunctionsManual.cpp) are
    # d/dx x**y = 0 where y = 0, and d/dy x**y = 0 where x = 0 and y >= 0
    d_base = _where(_compare(sp.Ne, expo, 0), d_base, 0)
    d_expo = g * ans * _call(sp.log, base)
    if g.G.constant_value(base.i) in (None, 0):
        G = g.G
        nonzero = logic_or(G, _compare(sp.Ne, base, 0).i, (expo < 0).i)
        d_expo = _where(Value(G, nonzero), d_expo, 0)
    return d_base, d_expo


# -- elementary functions -------------------------------------------------------
@defvjp(sp.exp)
def _exp(g, ans, x):
    return (g * ans,)


@defvjp(sp.log)
def _log(g, ans, x):
    return (g / x,)


@defvjp(sp.sin)
def _sin(g, ans, x):
    return (g * _call(sp.cos, x),)


@defvjp(sp.cos)
def _cos(g, ans, x):
    return (-g * _call(sp.sin, x),)


@defvjp(sp.tan)
def _tan(g, ans, x):
    return (g * (1 + ans * ans),)


@defvjp(sp.tanh)
def _tanh(g, ans, x):
    return (g * (1 - ans * ans),)


@defvjp(sp.sinh)
def _sinh(g, ans, x):
    return (g * _call(sp.cosh, x),)


@defvjp(sp.cosh)
def _cosh(g, ans, x):
    return (g * _call(sp.sinh, x),)


@defvjp(sp.atan)
def _atan(g, ans, x):
    return (g / (1 + x * x),)


@defvjp(sp.asin)
def _asin(g, ans, x):
    return (g / (1 - x * x) ** sp.S.Half,)


@defvjp(sp.acos)
def _acos(g, ans, x):
    return (-g / (1 - x * x) ** sp.S.Half,)


@defvjp(expm1)
def _expm1(g, ans, x):
    return (g * (ans + 1),)


@defvjp(log1p)
def _log1p(g, ans, x):
    return (g / (1 + x),)


@defvjp(exp2)
def _exp2(g, ans, x):
    return (g * ans * LN2,)


@defvjp(log2)
def _log2(g, ans, x):
    return (g / (x * LN2),)


@defvjp(log10)
def _log10(g, ans, x):
    return (g / (x * LN10),)


@defvjp(logaddexp)
def _logaddexp(g, ans, a, b):
    # the softmax weights of the two terms, from the forward value
    return g * _call(sp.exp, a - ans), g * _call(sp.exp, b - ans)


@defvjp(Cbrt)
def _cbrt(g, ans, x):
    return (g / (3 * ans * ans),)


@defvjp(hypot)
def _hypot(g, ans, x, y):
    return g * x / ans, g * y / ans


@defvjp(sp.atan2)
def _atan2(g, ans, y, x):
    r2 = x * x + y * y
    return g * x / r2, -g * y / r2


@defvjp(sp.sec)
def _sec(g, ans, x):
    return (g * ans * _call(sp.tan, x),)


@defvjp(sp.csc)
def _csc(g, ans, x):
    return (-g * ans * _call(sp.cot, x),)


@defvjp(sp.cot)
def _cot(g, ans, x):
    return (-g * (1 + ans * ans),)


@defvjp(sp.sech)
def _sech(g, ans, x):
    return (-g * ans * _call(sp.tanh, x),)


@defvjp(sp.csch)
def _csch(g, ans, x):
    return (-g * ans * _call(sp.coth, x),)


@defvjp(sp.coth)
def _coth(g, ans, x):
    # -csch^2, not 1 - coth^2: that cancels to 0 where coth rounds to 1
    return (-g * _call(sp.csch, x) ** 2,)


@defvjp(sp.asinh)
def _asinh(g, ans, x):
    return (g / _call(hypot, x, 1),)        # sqrt(x^2 + 1) without overflow


@defvjp(sp.acosh)
def _acosh(g, ans, x):
    return (g / ((x - 1) ** sp.S.Half * (x + 1) ** sp.S.Half),)


@defvjp(sp.atanh)
def _atanh(g, ans, x):
    return (g / ((1 - x) * (1 + x)),)       # 1 - x^2 without cancellation near +-1


@defvjp(sp.erf)
def _erf(g, ans, x):
    return (g * TWO_OVER_SQRT_PI * _call(sp.exp, -(x * x)),)


@defvjp(sp.erfc)
def _erfc(g, ans, x):
    return (-g * TWO_OVER_SQRT_PI * _call(sp.exp, -(x * x)),)


@defvjp(sp.gamma)
def _gamma(g, ans, x):
    return (g * ans * _call(sp.polygamma, 0, x),)


@defvjp(sp.loggamma)
def _loggamma(g, ans, x):
    return (g * _call(sp.polygamma, 0, x),)


@defvjp(sp.polygamma)
def _polygamma(g, ans, n, x):
    order = g.G.constant_value(n.i)
    if order is None:
        raise NoDerivativeRuleError("polygamma(n, x) is differentiable in x only; "
                                    "its order n must be a number", sp.polygamma, node=ans.i)
    return None, g * _call(sp.polygamma, order + 1, x)


@defvjp(sp.Abs)
def _abs(g, ans, x):
    return (g * _call(sp.sign, x),)


@defvjp(*ZERO_GRADIENT)
def _zero(g, ans, *xs):
    return (None,) * len(xs)


# -- routing: max, min, piecewise ---------------------------------------------------
def _split_ties(g: Value, x: Value, y: Value, x_wins: Value, y_wins: Value):
    # torch.maximum / torch.minimum: the winner gets g, a tie sends g/2 to each.
    # (n-ary Max/Min are lowered to a left fold of binary ones, so a three-way
    # tie splits 1/4, 1/4, 1/2 as nested torch.maximum calls do.)
    share = g * _where(_compare(sp.Eq, x, y), sp.S.Half, 1)
    return _where(x_wins, share, 0), _where(y_wins, share, 0)


@defvjp(sp.Max)
def _max(g, ans, x, y):
    return _split_ties(g, x, y, x >= y, y >= x)


@defvjp(sp.Min)
def _min(g, ans, x, y):
    return _split_ties(g, x, y, x <= y, y <= x)


@defvjp(sp.Piecewise)
def _piecewise(g, ans, *pairs):
    # branch i receives g where it is the branch taken, 0 elsewhere (also where
    # no branch is taken: a Piecewise without a default); conditions get nothing
    G = g.G
    out: list[Optional[Value]] = []
    earlier = G.true                     # no earlier condition holds
    for cond in pairs[1::2]:
        taken = logic_and(G, earlier, cond.i)
        out += [Value(G, gate(G, taken, g.i)), None]
        earlier = logic_and(G, earlier, logic_not(G, cond.i))
    return out


# -- activations --------------------------------------------------------------------
@defvjp(sigmoid)
def _sigmoid(g, ans, x):
    return (g * ans * (1 - ans),)


@defvjp(relu)
def _relu(g, ans, x):
    return (_where(x > 0, g, 0),)


@defvjp(softplus)
def _softplus(g, ans, x):
    return (g * _call(sigmoid, x),)


@defvjp(leaky_relu)
def _leaky_relu(g, ans, x, alpha):
    pos = x > 0
    return _where(pos, g, g * alpha), _where(pos, 0, g * x)


@defvjp(elu)
def _elu(g, ans, x, alpha):
    # for x <= 0, elu = alpha (e^x - 1), so its derivative alpha e^x = ans + alpha
    pos = x > 0
    return _where(pos, g, g * (ans + alpha)), _where(pos, 0, g * ans / alpha)
