"""log and log1p: exponent/mantissa split by bit casts, then the atanh series.

u = 2**k * z with z in [sqrt(1/2), sqrt(2)); with f = z - 1 (exact) and
s = f/(2+f), log(z) = 2*atanh(s) = f - f*f/2 + s*(f*f/2 + R(s*s)), the
arrangement fdlibm uses so that the large terms carry no rounding error.
"""
from __future__ import annotations

import mpmath
from llvmlite import ir

from ._emit import Emitter, exact, rounded, split
from .coeffs import coefficients


def _constants(is64: bool) -> dict:
    ln2_hi, ln2_lo = split(exact(lambda: mpmath.log(2)), 32 if is64 else 16, is64)
    sqrt_half = rounded(exact(lambda: mpmath.sqrt(mpmath.mpf(1) / 2)), is64)
    return {"ln2_hi": ln2_hi, "ln2_lo": ln2_lo, "sqrt_half": sqrt_half}


_CONST = {True: _constants(True), False: _constants(False)}


def decompose(e: Emitter, u: ir.Value) -> tuple[ir.Value, ir.Value]:
    """``(k, z)`` with u = 2**k * z, z in [sqrt(1/2), sqrt(2)), for finite positive normal ``u``."""
    ix = e.bits(u, name="u.bits")
    tmp = e.b.sub(ix, e.bits(e.f(_CONST[e.is64]["sqrt_half"])), name="tmp")
    k = e.b.ashr(tmp, e.i(e.mant), name="k")
    return k, e.from_bits(e.b.sub(ix, e.b.shl(k, e.i(e.mant)), name="z.bits"), name="z")


def scale_subnormal(e: Emitter, x: ir.Value) -> tuple[ir.Value, ir.Value]:
    """``(xs, k_extra)``: subnormal x scaled into the normal range, and the exponent to add back."""
    scale_bits = 54 if e.is64 else 25
    tiny = e.fcmp("<", x, e.f(2.0 ** (1 - e.bias)), name="subnormal")
    xs = e.select(tiny, e.mul(x, e.f(2.0 ** scale_bits)), x, name="xs")
    return xs, e.select(tiny, e.i(-scale_bits), e.i(0), name="k.extra")


def _log_reduced(e: Emitter, u: ir.Value, k_extra: ir.Value | None, err: ir.Value | None,
                 capped: bool = True) -> ir.Value:
    """log(u) + err/u for finite positive normal ``u`` (with ``k_extra`` added to its exponent)."""
    const = _CONST[e.is64]
    k, z = decompose(e, u)
    if k_extra is not None:
        k = e.b.add(k, k_extra, name="k.total")
    dk = e.b.sitofp(k, e.fty, name="dk")
    f = e.sub(z, e.f(1.0), name="f")
    two_f = e.add(e.f(2.0), f, name="2+f")
    if err is None:
        s, c = e.div(f, two_f, name="s"), None
    else:
        # one division for both s = f/(2+f) and c = err/u: s only scales the
        # O(f**3) terms and c is a correction, so the extra roundings cost < 0.1 ulp.
        # u = z*2**k, and z (not u, which may be near overflow) goes into the product.
        inv = e.div(e.f(1.0), e.mul(two_f, z), name="inv")
        s = e.mul(e.mul(f, z), inv, name="s")
        c = e.mul(e.mul(err, two_f), inv, name="c.z")
        if capped:
            # beyond 2**(mant+2), err/u is below an ulp of log(u): cap k so 2**-k stays normal
            cap = e.i(e.mant + 2)
            kc = e.select(e.b.icmp_signed("<", k, cap), k, cap, name="k.cap")
            c = e.mul(c, e.pow2(e.b.neg(kc)), name="c")
        else:
            c = e.mul(c, e.pow2(e.b.neg(k)), name="c")
    w = e.mul(s, s, name="w")
    # R(w) = w*P(w), the minimax fit of 2*atanh(s)/s - 2 (coeffs.py)
    r = e.mul(w, e.horner(w, coefficients("log", e.is64), name="R"), name="R")
    hfsq = e.mul(e.mul(e.f(0.5), f), f, name="hfsq")
    tail = e.mul(dk, e.f(const["ln2_lo"]), name="k.lo")
    if c is not None:
        tail = e.add(tail, c, name="k.lo+c")
    inner = e.sub(hfsq, e.madd(s, e.add(hfsq, r), tail), name="inner")
    return e.madd(dk, e.f(const["ln2_hi"]), e.neg(e.sub(inner, f)), name="log")


def emit_log(e: Emitter, x: ir.Value) -> ir.Value:
    xs, k_extra = scale_subnormal(e, x)
    res = _log_reduced(e, xs, k_extra, None)
    res = e.select(e.fcmp("==", x, e.f(float("inf"))), x, res, name="log.inf")
    res = e.select(e.fcmp("==", x, e.f(0.0)), e.f(float("-inf")), res, name="log.zero")
    # x < 0 or NaN (one unordered compare)
    return e.select(e.fcmp_u("<", x, e.f(0.0)), e.f(float("nan")), res, name="log")


def emit_log1p(e: Emitter, x: ir.Value) -> ir.Value:
    res = log1p_core(e, x, capped=True)
    res = e.select(e.fcmp("==", x, e.f(float("inf"))), x, res, name="log1p.inf")
    res = e.select(e.fcmp("==", x, e.f(0.0)), x, res, name="log1p.zero")
    res = e.select(e.fcmp("==", x, e.f(-1.0)), e.f(float("-inf")), res, name="log1p.m1")
    # x < -1 or NaN (one unordered compare)
    return e.select(e.fcmp_u("<", x, e.f(-1.0)), e.f(float("nan")), res, name="log1p")


def log1p_core(e: Emitter, x: ir.Value, capped: bool = False) -> ir.Value:
    """log1p(x) for finite x > -1 other than -0; NaN in gives NaN out.

    ``capped=False`` is for callers whose x stays below 2**(mant+1) (softplus
    passes x in [0, 1]); it skips the guard that keeps 2**-k normal for huge x.
    """
    u = e.add(e.f(1.0), x, name="u")
    # c = (1 + x - u)/u, the rounding error of u, is added back to log(u);
    # which difference is exact depends on whether u is above 2 (fdlibm)
    big = e.fcmp(">=", u, e.f(2.0), name="u.big")
    err = e.select(big, e.sub(e.f(1.0), e.sub(u, x)), e.sub(x, e.sub(u, e.f(1.0))), name="u.err")
    return _log_reduced(e, u, None, err, capped)
