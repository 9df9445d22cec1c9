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


def _call(op: type, *xs: Value) -> Value:
    G = xs[0].G
    return Value(G, G.apply(op, *(x.i for x in xs)))


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
