"""pow(x, y): exp(y*log|x|), with the C99 / IEEE 754 special cases as selects.

float64 needs log|x| to about 2**-64 relative (y*log|x| reaches +-745, and its
absolute error becomes the relative error of the result), so the log is
evaluated in double-double: s = f/(2+f) and atanh(s) = s + s*w*(1/3 + w*V(w)),
w = s*s, with the leading terms carried as (hi, lo) pairs; exp then takes the
low part of y*log|x| as a tail of its reduced argument.  Exact products use
``llvm.fma`` (a libm call on targets without FMA: correct, but not vectorized).
float32 evaluates exp(y*log|x|) in plain double, which is already accurate to
2**-46, and rounds once.
"""
from __future__ import annotations

from fractions import Fraction

import mpmath
from llvmlite import ir

from ._emit import Emitter, exact, split
from .exp import emit_exp, exp_scaled
from .log import _CONST as _LOG_CONST
from .log import decompose, emit_log, scale_subnormal

Pair = tuple[ir.Value, ir.Value]

# V(w) = sum_j w**j/(2j+5); with w <= 0.0295 the dropped terms are below 2**-56 of V
_V_COEFFS = [float(Fraction(1, 2 * j + 5)) for j in range(12)]
_THIRD = split(exact(lambda: mpmath.mpf(1) / 3), 53, True)


def _log_dd(d: Emitter, ax: ir.Value) -> Pair:
    """log(ax) as a double-double, for finite positive ``ax`` (garbage otherwise, overridden)."""
    xs, k_extra = scale_subnormal(d, ax)
    k, z = decompose(d, xs)
    kf = d.b.sitofp(d.b.add(k, k_extra), d.fty, name="pow.k")
    f = d.sub(z, d.f(1.0), name="pow.f")  # exact
    den, den_lo = d.fast_two_sum(d.f(2.0), f)
    # one division: s_hi = f/den to ~1 ulp, and the exact residual (by fma) gives s_lo
    inv = d.div(d.f(1.0), den, name="pow.inv")
    s_hi = d.mul(f, inv, name="pow.s")
    s_lo = d.mul(d.sub(d.intrinsic("fma", d.neg(s_hi), den, f), d.mul(s_hi, den_lo)), inv, name="pow.s.lo")
    w_hi, w_lo = d.two_prod(s_hi, s_hi)
    w = (w_hi, d.add(w_lo, d.mul(d.f(2.0), d.mul(s_hi, s_lo))))
    # a = 1/3 + w*V(w), with 1/3 as a (hi, lo) pair
    a_hi, a_err = d.fast_two_sum(d.f(_THIRD[0]), d.mul(w_hi, d.horner(w_hi, _V_COEFFS)))
    a = d.fast_two_sum(a_hi, d.add(a_err, d.f(_THIRD[1])))
    atanh = d.dd_add((s_hi, s_lo), d.dd_mul((s_hi, s_lo), d.dd_mul(w, a)))
    log_z = (d.mul(d.f(2.0), atanh[0]), d.mul(d.f(2.0), atanh[1]))
    ln2 = _LOG_CONST[True]
    # |k*ln2| >= ln2 > |log z| unless k = 0, when the sum is exact anyway
    return d.dd_add((d.mul(kf, d.f(ln2["ln2_hi"])), d.mul(kf, d.f(ln2["ln2_lo"]))), log_z)


def _magnitude(d: Emitter, ax: ir.Value, y: ir.Value, accurate: bool) -> ir.Value:
    """exp(y*log(ax)) for finite positive ax and finite y (the caller overrides other cases)."""
    if not accurate:
        return emit_exp(d, d.mul(y, emit_log(d, ax), name="pow.ylog"))
    l_hi, l_lo = _log_dd(d, ax)
    p_hi, p_err = d.two_prod(y, l_hi)
    p_lo = d.add(p_err, d.mul(y, l_lo), name="pow.p.lo")
    # y*log|x| may overflow to inf, whose fma error term is NaN: drop the tail then
    p_lo = d.select(d.fcmp("<", d.fabs(p_hi), d.f(2000.0)), p_lo, d.f(0.0), name="pow.tail")
    return exp_scaled(d, p_hi, 0, tail=p_lo)


def emit_pow(e: Emitter, x: ir.Value, y: ir.Value) -> ir.Value:
    d = e if e.is64 else Emitter(e.b, ir.DoubleType())
    if not e.is64:
        x, y = e.b.fpext(x, d.fty, name="x.d"), e.b.fpext(y, d.fty, name="y.d")
    zero, one, inf, nan = d.f(0.0), d.f(1.0), d.f(float("inf")), d.f(float("nan"))
    ax, ay = d.fabs(x, name="ax"), d.fabs(y, name="ay")
    y_finite = d.fcmp("<", ay, inf, name="y.finite")
    y_int = d.b.and_(y_finite, d.fcmp("==", d.intrinsic("trunc", y), y), name="y.int")
    half = d.mul(y, d.f(0.5), name="y/2")
    y_odd = d.b.and_(y_int, d.fcmp("!=", d.intrinsic("trunc", half), half), name="y.odd")
    y_neg = d.fcmp("<", y, zero, name="y.neg")
    x_neg = d.fcmp("<", x, zero, name="x.neg")

    r = _magnitude(d, ax, y, accurate=e.is64)
    r = d.select(d.b.and_(x_neg, y_odd), d.neg(r), r, name="pow.sign")
    r = d.select(d.b.and_(x_neg, d.b.not_(y_int)), nan, r, name="pow.negbase")
    # x = +-inf: 0 or inf by the sign of y, negated for odd y and x = -inf
    big = d.select(y_neg, zero, inf, name="pow.xinf")
    r = d.select(d.fcmp("==", ax, inf), d.select(d.b.and_(x_neg, y_odd), d.neg(big), big), r, name="pow.inf")
    # x = +-0: inf or 0 by the sign of y, with the sign of x for odd y
    small = d.select(y_neg, inf, zero, name="pow.x0")
    small = d.select(y_odd, d.copysign(small, x), small, name="pow.x0.sign")
    r = d.select(d.fcmp("==", x, zero), small, r, name="pow.zero")
    # y = +-inf: 1 for |x| = 1, else 0 or inf by whether |x| < 1 and y < 0 agree
    grows = d.b.icmp_unsigned("==", d.fcmp("<", ax, one), y_neg, name="pow.grows")
    y_inf = d.select(d.fcmp("==", ax, one), one, d.select(grows, inf, zero), name="pow.yinf.v")
    r = d.select(d.fcmp("==", ay, inf), y_inf, r, name="pow.yinf")
    r = d.select(d.b.or_(d.isnan(x), d.isnan(y)), nan, r, name="pow.nan")
    r = d.select(d.b.or_(d.fcmp("==", y, zero), d.fcmp("==", x, one)), one, r, name="pow")
    return r if e.is64 else e.b.fptrunc(r, e.fty, name="pow.f32")
