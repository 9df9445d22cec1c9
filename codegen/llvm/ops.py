"""The LLVM emission table: one function per SymPy op, as the NumPy printer has one per op.

Each entry takes the :class:`~symgrad.codegen.llvm.emit.KernelEmitter`, the program
node and the LLVM values of its arguments, and returns the node's value.
Transcendental functions go through ``e.math`` (:mod:`symgrad.codegen.llvm.mathlib`),
so they vectorize; activations use the stable formulations of
``symgrad.codegen.numpy.HELPERS``.  Add an op with ``@defemit(SymPyClass)``.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

import numpy as np
import sympy as sp
from llvmlite import ir
from sympy.codegen.numpy_nodes import logaddexp

from symgrad.ir.functions import elu, leaky_relu, relu, sigmoid, softplus
from symgrad.ir.graph import COMPARISONS, Node
from symgrad.ir.ops import REGISTRY, OpDef

from ..llvm_math._emit import Emitter
from ..llvm_math.gamma import emit_digamma, emit_trigamma

if TYPE_CHECKING:
    from .emit import KernelEmitter

__all__ = ["EMIT", "defemit", "I1", "I64", "PTR"]

I1 = ir.IntType(1)
I64 = ir.IntType(64)
PTR = ir.PointerType()

Emit = Callable[["KernelEmitter", Node, list], ir.Value]

#: op -> emit(emitter, node, argument values) -> value
EMIT: dict[type, Emit] = {}


def defemit(*ops: type) -> Callable[[Emit], Emit]:
    def register(fn: Emit) -> Emit:
        for op in ops:
            EMIT[op] = fn
        return fn
    return register


# -- arithmetic --------------------------------------------------------------------------
@defemit(sp.Add)
def _add(e: KernelEmitter, node, xs):
    acc = xs[0]
    for x in xs[1:]:
        acc = e.b.fadd(acc, x)
    return acc


@defemit(sp.Mul)
def _mul(e: KernelEmitter, node, xs):
    nodes = [e.program.nodes[a] for a in node.args]
    negate = any(e.number(n) == -1 for n in nodes)
    rest = [x for x, n in zip(xs, nodes) if e.number(n) != -1] if negate else xs
    if not rest:
        return e.const(-1.0)
    acc = rest[0]
    for x in rest[1:]:
        acc = e.b.fmul(acc, x)
    return e.b.fneg(acc) if negate else acc


def _int_power(e: KernelEmitter, x, k: int):
    """x**k for k >= 1 by repeated squaring (x**2 is one multiply)."""
    result, base = None, x
    while k:
        if k & 1:
            result = base if result is None else e.b.fmul(result, base)
        k >>= 1
        if k:
            base = e.b.fmul(base, base)
    return result


#: exponents k and k/2 with |k| up to this are multiplies (and a square root)
MAX_MULTIPLIED_POWER = 64


def twice_exponent(c: sp.Expr | None) -> int | None:
    """``2*c`` as an int when it is one and ``x**c`` is emitted as multiplies, else None.

    The test is on the exponent's value, not its SymPy class: ``Float(2.0)`` is
    the integer 2 (even), ``Float(2.5)`` and ``Rational(5, 2)`` the half-integer
    5/2 (odd).  A Float is taken at the double it is emitted as, which is what
    ``pow`` would receive.
    """
    if c is None:
        return None
    if c.is_Rational:
        if c.q not in (1, 2):
            return None
        twice = int(c.p) * (2 // int(c.q))
    elif c.is_Float:
        v = 2.0 * float(c)
        if not (np.isfinite(v) and v.is_integer()):
            return None
        twice = int(v)
    else:
        return None
    # |c| <= 64, or a half-integer up to 64.5
    return twice if 0 < abs(twice) <= 2 * MAX_MULTIPLIED_POWER + 1 else None


@defemit(sp.Pow)
def _pow(e: KernelEmitter, node, xs):
    base, expo = xs
    twice = twice_exponent(e.number(e.program.nodes[node.args[1]]))
    if twice is None:
        return e.math.pow(e.b, base, expo)
    k = abs(twice)
    if k % 2 == 0:
        p = _int_power(e, base, k // 2)
    else:
        # x**(k/2) = x**(k//2) * sqrt(x): vectorizes, where llvm.pow is a libm
        # call per element; within 2 ulp of pow, and NaN for x < 0 as pow is
        p = e.math.sqrt(e.b, base)
        if k > 1:
            p = e.b.fmul(_int_power(e, base, k // 2), p)
    return p if twice > 0 else e.b.fdiv(e.const(1.0), p)


# -- elementary functions ------------------------------------------------------------------
def _math(name: str) -> Emit:
    return lambda e, node, xs: e.math.call(e.b, name, *xs)


def _refuse(d: OpDef) -> Emit:
    def refuse(e, node, xs):
        raise NotImplementedError(f"the llvm backend does not compile {d.name}: {d.why}; "
                                  f"use backend='numpy'")
    return refuse


# the declared math-library spellings (OpDef.llvm) and refusals; the rest are below
for _d in REGISTRY.values():
    if _d.llvm is not None:
        EMIT[_d.cls] = _math(_d.llvm)
    elif "llvm" in _d.refused:
        EMIT[_d.cls] = _refuse(_d)


def _trig(name: str) -> Emit:
    return lambda e, node, xs: e.trig(name, xs[0])


for _op, _name in [(sp.sin, "sin"), (sp.cos, "cos"), (sp.tan, "tan")]:
    EMIT[_op] = _trig(_name)


def _reciprocal(of: Emit) -> Emit:
    return lambda e, node, xs: e.b.fdiv(e.const(1.0), of(e, node, xs))


# sec = 1/cos and so on, as the NumPy helpers compute them
for _op, _of in [(sp.sec, _trig("cos")), (sp.csc, _trig("sin")), (sp.cot, _trig("tan")),
                 (sp.sech, _math("cosh")), (sp.csch, _math("sinh")), (sp.coth, _math("tanh"))]:
    EMIT[_op] = _reciprocal(_of)


@defemit(logaddexp)
def _logaddexp(e: KernelEmitter, node, xs):
    # np.logaddexp: max + log1p(exp(-|a - b|)), and a + log 2 where a == b (also both -inf)
    a, b = xs
    tail = e.math.log1p(e.b, e.math.exp(e.b, e.b.fneg(e.math.fabs(e.b, e.b.fsub(a, b)))))
    spread = e.b.fadd(e.fmax(a, b), tail)
    return e.select(e.b.fcmp_ordered("==", a, b), e.b.fadd(a, e.const(np.log(2.0))), spread)


@defemit(sp.polygamma)
def _polygamma(e: KernelEmitter, node, xs):
    order = e.number(e.program.nodes[node.args[0]])
    body = {0: emit_digamma, 1: emit_trigamma}.get(order)
    if body is None:
        raise NotImplementedError(f"the llvm backend computes polygamma of orders 0 and 1 (digamma, "
                                  f"trigamma) only, not order {order}; use backend='numpy'")
    # pasted in place (straight-line IR); outside llvm_math.EMITTERS, whose functions
    # are all within 4 ulp over the whole range (see llvm_math/gamma.py)
    return body(Emitter(e.b, e.fp), xs[1])


@defemit(sp.loggamma)
def _loggamma(e: KernelEmitter, node, xs):
    # libm's lgamma is log|gamma|; SymPy's loggamma is complex below 0: NaN, as scipy's
    x = xs[0]
    return e.select(e.b.fcmp_ordered("<", x, e.const(0)), e.const(np.nan), e.math.call(e.b, "lgamma", x))


@defemit(sp.sign)
def _sign(e: KernelEmitter, node, xs):
    x = xs[0]
    neg = e.select(e.b.fcmp_ordered("<", x, e.const(0)), e.const(-1), x)
    return e.select(e.b.fcmp_ordered(">", x, e.const(0)), e.const(1), neg)


@defemit(sp.Max)
def _max(e, node, xs):
    return e.fmax(*xs)


@defemit(sp.Min)
def _min(e, node, xs):
    return e.fmin(*xs)


@defemit(sp.Heaviside)
def _heaviside(e: KernelEmitter, node, xs):
    # np.heaviside: 0 below zero, h0 at zero, 1 above, NaN for NaN
    x = xs[0]
    h0 = xs[1] if len(xs) > 1 else e.const(0.5)
    zero = e.const(0)
    v = e.select(e.b.fcmp_ordered("<", x, zero), zero, e.const(1))
    v = e.select(e.b.fcmp_ordered("==", x, zero), h0, v)
    return e.select(e.is_nan(x), x, v)


@defemit(sp.Piecewise)
def _piecewise(e: KernelEmitter, node, xs):
    exprs, conds = xs[0::2], xs[1::2]
    out = exprs[-1]
    last = e.program.nodes[node.args[-1]]
    if last.attr is not sp.true:
        out = e.select(conds[-1], out, e.const(np.nan))
    for x, c in zip(reversed(exprs[:-1]), reversed(conds[:-1])):
        out = e.select(c, x, out)
    return out


# -- truth values ----------------------------------------------------------------------------
# ordered comparisons: false when either side is NaN, as in NumPy
_FCMP = {op: s for op, s in COMPARISONS.items() if op is not sp.Ne}


def _compare(op: str) -> Emit:
    return lambda e, node, xs: e.b.fcmp_ordered(op, xs[0], xs[1])


for _op, _cmp in _FCMP.items():
    EMIT[_op] = _compare(_cmp)
# NaN != anything is true, as in NumPy
EMIT[sp.Ne] = lambda e, node, xs: e.b.fcmp_unordered("!=", xs[0], xs[1])


def _as_bool(e: KernelEmitter, x):
    return x if x.type == I1 else e.b.fcmp_unordered("!=", x, e.const(0))


@defemit(sp.And)
def _and(e, node, xs):
    acc = _as_bool(e, xs[0])
    for x in xs[1:]:
        acc = e.b.and_(acc, _as_bool(e, x))
    return acc


@defemit(sp.Or)
def _or(e, node, xs):
    acc = _as_bool(e, xs[0])
    for x in xs[1:]:
        acc = e.b.or_(acc, _as_bool(e, x))
    return acc


@defemit(sp.Not)
def _not(e, node, xs):
    return e.b.not_(_as_bool(e, xs[0]))


# -- activations (the stable formulations of codegen/numpy.py HELPERS) ----------------------------
@defemit(sigmoid)
def _sigmoid(e: KernelEmitter, node, xs):
    return e.math.sigmoid(e.b, xs[0])


@defemit(relu)
def _relu(e: KernelEmitter, node, xs):
    return e.fmax(xs[0], e.const(0))


@defemit(softplus)
def _softplus(e: KernelEmitter, node, xs):
    return e.math.softplus(e.b, xs[0])


@defemit(leaky_relu)
def _leaky_relu(e: KernelEmitter, node, xs):
    x, alpha = xs
    return e.select(e.b.fcmp_ordered(">", x, e.const(0)), x, e.b.fmul(alpha, x))


@defemit(elu)
def _elu(e: KernelEmitter, node, xs):
    x, alpha = xs
    neg = e.b.fmul(alpha, e.math.expm1(e.b, e.fmin(x, e.const(0))))
    return e.select(e.b.fcmp_ordered(">", x, e.const(0)), x, neg)
