"""exp and expm1: Cody-Waite reduction by ln 2, a minimax polynomial, scaling by 2**n.

x = n*ln2 + r with n = rint(x/ln2) and |r| <= ln2/2 (polynomials in coeffs.py); ln2 is split into a
``hi`` part with trailing zero bits (so ``n*hi`` is exact) and a ``lo`` part.
Overflow, underflow, +-inf fall out of the arithmetic on a clamped argument,
and NaN passes through the clamp and the arithmetic; expm1 restores -0 by a select.
"""
from __future__ import annotations

import mpmath
from llvmlite import ir

from ._emit import Emitter, exact, split
from .coeffs import coefficients

# exp of the clamp bounds is already 0 / inf; expm1 of the lower one is -1
_EXP_RANGE = {True: (-746.0, 710.0), False: (-104.0, 89.0)}
_EXPM1_RANGE = {True: (-60.0, 710.0), False: (-30.0, 89.0)}


def _constants(is64: bool) -> dict:
    # 32 (resp. 16) bits in ln2_hi keep n*ln2_hi exact for |n| < 2**21 (2**8)
    ln2_hi, ln2_lo = split(exact(lambda: mpmath.log(2)), 32 if is64 else 16, is64)
    return {"ln2_hi": ln2_hi, "ln2_lo": ln2_lo, "log2e": float(exact(lambda: 1 / mpmath.log(2)))}


_CONST = {True: _constants(True), False: _constants(False)}


def reduce_ln2(e: Emitter, x: ir.Value, lo: float, hi: float) -> tuple[ir.Value, ir.Value]:
    """``(r, n)`` with ``clamp(x, lo, hi) = n*ln2 + r``, ``n`` an integer of :attr:`Emitter.ity`."""
    c = _CONST[e.is64]
    xc = e.clamp(x, lo, hi, name="xc")
    nf, ni = e.round_to_int(xc, e.f(c["log2e"]), name="n")
    r = e.madd(nf, e.f(-c["ln2_hi"]), xc, name="r.hi")
    r = e.madd(nf, e.f(-c["ln2_lo"]), r, name="r")
    return r, ni


def expm1_poly(e: Emitter, r: ir.Value, table: str = "expm1") -> ir.Value:
    """expm1(r) for |r| <= ln2/2, as ``r + r*r*Q(r)`` so the leading term stays exact.

    ``table="exp"`` uses a shorter Q, good enough when the caller adds 1.
    """
    q = e.horner(r, coefficients(table, e.is64), name="q")
    return e.madd(e.mul(r, r, name="r2"), q, r, name="p")


def _half_scales(e: Emitter, n: ir.Value) -> tuple[ir.Value, ir.Value, ir.Value]:
    """``(a, 2**a, 2**b)`` with ``a + b = n``: both powers are normal numbers even when 2**n is not."""
    a = e.b.ashr(n, e.i(1), name="n.a")
    b = e.b.sub(n, a, name="n.b")
    return a, e.pow2(a, name="s.a"), e.pow2(b, name="s.b")


def emit_exp(e: Emitter, x: ir.Value) -> ir.Value:
    return exp_scaled(e, x, 0)


def exp_scaled(e: Emitter, x: ir.Value, k: int, tail: ir.Value | None = None) -> ir.Value:
    """``exp(x + tail) * 2**k`` for small integers ``k``, rounded once (sinh, cosh use ``k = -1``).

    The clamp is widened by ``|k|*ln2`` so results stay right up to the new
    overflow threshold; ``tail`` (|tail| << ulp(x)) carries the low part of a
    double-double argument (pow).
    """
    lo, hi = _EXP_RANGE[e.is64]
    r, n = reduce_ln2(e, x, lo + 2 * k, hi - 2 * k)
    if tail is not None:
        r = e.add(r, tail, name="r+tail")
    y = e.add(e.f(1.0), expm1_poly(e, r, "exp"), name="expr")
    _, sa, sb = _half_scales(e, e.b.add(n, e.i(k), name="n+k") if k else n)
    # y*2**a is exact; the second product rounds once, into subnormals or to inf
    # NaN went through the clamp and the arithmetic: no select needed for it
    return e.mul(e.mul(y, sa, name="y.sa"), sb, name="exp")


def emit_expm1(e: Emitter, x: ir.Value) -> ir.Value:
    r, n = reduce_ln2(e, x, *_EXPM1_RANGE[e.is64])
    p = expm1_poly(e, r)
    a, sa, sb = _half_scales(e, n)
    inv_sa = e.pow2(e.b.neg(a, name="n.-a"), name="s.-a")
    # expm1(x) = 2**n*(p + 1) - 1 = 2**a * (2**b*p + (2**b - 2**-a)); the
    # bracketed difference is exact while |n| < mant, and negligible beyond
    res = e.mul(sa, e.madd(sb, p, e.sub(sb, inv_sa, name="sb-1/sa"), name="t"), name="expm1")
    return e.select(e.fcmp("==", x, e.f(0.0)), x, res, name="expm1")


def emit_expm1_small(e: Emitter, x: ir.Value) -> ir.Value:
    """expm1(x) for finite ``|x| <= 40``, without the overflow, NaN and -0 handling.

    For callers (tanh) that have already bounded their argument: 2**n is then a
    normal number, so one power of two replaces the split scaling.
    """
    r, n = reduce_ln2(e, x, -41.0, 41.0)
    p = expm1_poly(e, r)
    t = e.pow2(n, name="s")
    return e.madd(t, p, e.sub(t, e.f(1.0), name="s-1"), name="expm1")
