"""tanh, sigmoid and softplus, built from the exp/expm1/log1p kernels.

Each is arranged so that the kernel's result enters without cancellation:
tanh goes through expm1 (accurate near 0), sigmoid and softplus only ever
exponentiate -|x| (no overflow, accurate tails on both sides).
"""
from __future__ import annotations

import mpmath
from llvmlite import ir

from ._emit import Emitter, exact, rounded
from .exp import emit_exp, emit_expm1_small
from .log import log1p_core

# above log(3)/2, tanh|x| = 1 - 2/(expm1(2|x|) + 2) has no cancellation; below
# it -expm1(-2|x|)/(expm1(-2|x|) + 2) keeps the relative accuracy of expm1 (musl)
_TANH_SPLIT = {is64: rounded(exact(lambda: mpmath.log(3) / 2), is64) for is64 in (True, False)}


def emit_tanh(e: Emitter, x: ir.Value) -> ir.Value:
    # tanh(|x|) rounds to 1 beyond 20 (float64) and 10 (float32); the bound lets
    # expm1 skip its overflow handling.
    ax = e.clamp(e.fabs(x, name="ax"), 0.0, 20.0 if e.is64 else 10.0, name="ax.c")
    large = e.fcmp(">", ax, e.f(_TANH_SPLIT[e.is64]), name="ax.large")
    two_ax = e.add(ax, ax, name="2ax")
    t = emit_expm1_small(e, e.select(large, two_ax, e.neg(two_ax), name="tanh.arg"))
    den = e.add(t, e.f(2.0), name="t+2")
    # one division serves both arms: far is 1 - 2/den, near is -t/den
    q = e.div(e.select(large, e.f(2.0), e.neg(t)), den, name="q")
    mag = e.select(large, e.sub(e.f(1.0), q), q, name="tanh.mag")
    # copysign keeps tanh(-0) = -0; NaN came through the clamp and expm1
    return e.copysign(mag, x, name="tanh")


def emit_sigmoid(e: Emitter, x: ir.Value) -> ir.Value:
    # exp(-|x|) never overflows, and for x < 0 the numerator carries the tiny tail
    t = emit_exp(e, e.neg(e.fabs(x, name="ax")))
    den = e.add(e.f(1.0), t, name="1+t")
    num = e.select(e.fcmp("<", x, e.f(0.0)), t, e.f(1.0), name="num")
    return e.div(num, den, name="sigmoid")


def emit_softplus(e: Emitter, x: ir.Value) -> ir.Value:
    """log(1 + exp(x)) as log1p(exp(-|x|)) + max(x, 0)."""
    t = emit_exp(e, e.neg(e.fabs(x, name="ax")))
    pos = e.select(e.fcmp(">", x, e.f(0.0)), x, e.f(0.0), name="relu")
    # t is in [0, 1] (or NaN, which log1p_core passes on): no log1p special cases apply
    return e.add(log1p_core(e, t), pos, name="softplus")
