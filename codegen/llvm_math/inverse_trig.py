"""atan, asin and acos: fdlibm's atan argument reduction, done with selects.

|x| is cut at 7/16, 11/16, 19/16 and 39/16; in each piece atan(|x|) =
atan(c) + atan(t) with t = (|x| - c)/(1 + c|x|) (c = 0, 1/2, 1, 3/2, inf),
so |t| <= 7/16, where atan(t) = t - t*z*g(z), z = t*t (minimax g in coeffs.py).
One division serves all pieces: numerator and denominator are selected.
asin and acos go through atan of an exact-as-possible ratio:
asin x = atan(x/sqrt((1-x)(1+x))), acos x = 2 atan(sqrt((1-x)/(1+x))).
"""
from __future__ import annotations

import mpmath
from llvmlite import ir

from ._emit import Emitter, exact, rounded
from .coeffs import coefficients

_BREAKS = (7 / 16, 11 / 16, 19 / 16, 39 / 16)


def _centers(is64: bool) -> list[tuple[float, float]]:
    """(hi, lo) of atan(1/2), atan(1), atan(3/2), pi/2, hi + lo = the exact value to ~2**-106."""
    out = []
    for value in (lambda: mpmath.atan(mpmath.mpf(1) / 2), lambda: mpmath.pi / 4,
                  lambda: mpmath.atan(mpmath.mpf(3) / 2), lambda: mpmath.pi / 2):
        v = exact(value)
        hi = rounded(v, is64)
        with mpmath.workprec(256):
            out.append((hi, rounded(v - mpmath.mpf(hi), is64)))
    return out


_CENTERS = {True: _centers(True), False: _centers(False)}


def atan_nonneg(e: Emitter, ax: ir.Value) -> ir.Value:
    """atan(ax) for ax >= 0 (+inf included); NaN gives NaN."""
    one = e.f(1.0)
    pieces = [e.fcmp(">=", ax, e.f(b), name=f"atan.p{k}") for k, b in enumerate(_BREAKS)]
    # t = num/den per piece: x/1, (2x-1)/(2+x), (x-1)/(x+1), (x-1.5)/(1+1.5x), -1/x
    # (the subtractions are exact in their pieces, by Sterbenz's lemma)
    cases = [
        (e.madd(e.f(2.0), ax, e.f(-1.0)), e.add(e.f(2.0), ax)),
        (e.sub(ax, one), e.add(ax, one)),
        (e.sub(ax, e.f(1.5)), e.madd(e.f(1.5), ax, one)),
        (e.f(-1.0), ax),
    ]
    num, den, hi, lo = ax, one, e.f(0.0), e.f(0.0)
    for k, ((n_k, d_k), (hi_k, lo_k)) in enumerate(zip(cases, _CENTERS[e.is64])):
        num = e.select(pieces[k], n_k, num, name=f"atan.num{k}")
        den = e.select(pieces[k], d_k, den, name=f"atan.den{k}")
        hi = e.select(pieces[k], e.f(hi_k), hi, name=f"atan.hi{k}")
        lo = e.select(pieces[k], e.f(lo_k), lo, name=f"atan.lo{k}")
    t = e.div(num, den, name="atan.t")
    z = e.mul(t, t, name="atan.z")
    s = e.mul(z, e.horner(z, coefficients("atan", e.is64), name="atan.g"), name="atan.s")
    # hi - ((t*s - lo) - t): the small terms are summed before the big one
    return e.sub(hi, e.sub(e.sub(e.mul(t, s), lo), t), name="atan.abs")


def emit_atan(e: Emitter, x: ir.Value) -> ir.Value:
    return e.copysign(atan_nonneg(e, e.fabs(x, name="ax")), x, name="atan")


def emit_asin(e: Emitter, x: ir.Value) -> ir.Value:
    ax = e.fabs(x, name="ax")
    one = e.f(1.0)
    # (1 - ax) is exact for ax >= 1/2, where it matters; |x| > 1 gives sqrt(<0) = NaN
    root = e.intrinsic("sqrt", e.mul(e.sub(one, ax), e.add(one, ax)), name="asin.root")
    return e.copysign(atan_nonneg(e, e.div(ax, root, name="asin.u")), x, name="asin")


def emit_acos(e: Emitter, x: ir.Value) -> ir.Value:
    one = e.f(1.0)
    # (1-x)/(1+x) < 0 or NaN outside [-1, 1]; x = -1 gives +inf and so pi
    ratio = e.div(e.sub(one, x), e.add(one, x), name="acos.ratio")
    half = atan_nonneg(e, e.intrinsic("sqrt", ratio, name="acos.v"))
    return e.add(half, half, name="acos")
