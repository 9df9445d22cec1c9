"""sinh and cosh from the exp/expm1 kernels (tanh, an activation, is in activations.py).

Both are even/odd in |x| and avoid cancellation: cosh = E + 1/(4E) with
E = exp(|x|)/2 (two positive terms); sinh = (t + t/(t+1))/2 with t = expm1(|x|)
below the point where exp(-|x|) no longer matters, and E above it.  E is computed
as one rounding of exp(|x|)*2**-1, so neither overflows before the true result.
"""
from __future__ import annotations

from llvmlite import ir

from ._emit import Emitter
from .exp import emit_expm1_small, exp_scaled

# above this, exp(-2|x|) is below half an ulp: sinh(x) = exp(|x|)/2 exactly rounded
_SINH_EXP_ONLY = {True: 22.0, False: 9.0}


def emit_cosh(e: Emitter, x: ir.Value) -> ir.Value:
    big = exp_scaled(e, e.fabs(x, name="ax"), -1)
    # 0.25/inf = 0 keeps overflow at inf; NaN flows through
    return e.add(big, e.div(e.f(0.25), big), name="cosh")


def emit_sinh(e: Emitter, x: ir.Value) -> ir.Value:
    ax = e.fabs(x, name="ax")
    cut = _SINH_EXP_ONLY[e.is64]
    t = emit_expm1_small(e, e.clamp(ax, 0.0, cut, name="ax.c"))
    near = e.mul(e.f(0.5), e.add(t, e.div(t, e.add(t, e.f(1.0)))), name="sinh.near")
    far = exp_scaled(e, ax, -1)
    mag = e.select(e.fcmp("<", ax, e.f(cut)), near, far, name="sinh.mag")
    # copysign keeps sinh(-0) = -0; NaN: ax < cut is false and far is NaN
    return e.copysign(mag, x, name="sinh")
