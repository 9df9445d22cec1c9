"""digamma and trigamma, branch-free: libm has neither, and the derivatives of loggamma and gamma need them.

For ``t = x`` (or ``1 - x`` below 0, by reflection) the recurrence
``psi(t) = psi(t + K) - sum_{k<K} 1/(t + k)`` moves the argument to ``z >= K``,
where the asymptotic series ``log z - 1/(2z) - sum B_2k / (2k z^2k)`` is
accurate to an ulp.  Around the positive root ``x0 = 1.46163...`` the
recurrence cancels (psi itself goes to 0), so there a Taylor series in
``t - x0`` (coefficients ``psi^(j)(x0)/j!`` from mpmath) takes over, keeping
the relative error small.  Below 0, ``psi(x) = psi(1 - x) - pi/tan(pi x)``
with ``pi x`` reduced exactly by ``x - rint(x)``; at the poles (0 and the
negative integers) the result is what ``scipy.special.psi`` gives: -inf at
+0, +inf at -0, NaN at the negative integers.

trigamma (``psi'``, for second derivatives) takes the same recurrence and its
own asymptotic series ``1/z + 1/(2z^2) + sum B_2k / z^(2k+1)``; every term is
positive, so nothing cancels, and below 0 ``psi'(x) = pi^2/sin^2(pi x) -
psi'(1 - x)`` subtracts at most 1.65 from at least 9.8.  Its poles are +inf,
as ``scipy.special.polygamma(1, x)`` gives.

Accuracy against mpmath at 40 digits (about 70000 points in (0, 40] and
1e-30..1e30, float64 and float32): digamma within 4 eps relative above 0;
trigamma within 3 eps over [-5.3, 30].  Below 0, near digamma's roots, its
reflection cancels (absolute error up to 1e-12 at -3.6 in float64, where
scipy's psi is worse).  So neither is in :data:`EMITTERS` (within 4 ulp
everywhere): the LLVM emitter pastes them in place, for ``polygamma(0, x)``
and ``polygamma(1, x)``.
"""
from __future__ import annotations

import functools

import mpmath
from llvmlite import ir

from ._emit import Emitter, rounded
from .log import emit_log
from .trig import emit_sin, emit_tan

#: recurrence steps: z = t + K >= K, where the asymptotic series below is within an ulp
K = 10
#: the Taylor series is used for |t - x0| below this (its error is (R / x0)**DEGREE)
R = 0.6
DEGREE = 44


@functools.lru_cache(maxsize=None)
def _constants() -> tuple:
    with mpmath.workdps(50):
        x0 = mpmath.findroot(mpmath.digamma, mpmath.mpf("1.4616321449683623"))
        taylor = [mpmath.polygamma(j, x0) / mpmath.factorial(j) for j in range(1, DEGREE + 1)]
        # -B_2k / (2k), the asymptotic series in w = 1/z^2 after log z - 1/(2z)
        asym = [-mpmath.bernoulli(2 * k) / (2 * k) for k in range(1, 9)]
        # B_2k, trigamma's asymptotic series in w = 1/z^2 after 1/z + 1/(2 z^2)
        asym1 = [mpmath.bernoulli(2 * k) for k in range(1, 9)]
        return x0, taylor, asym, asym1


def emit_digamma(e: Emitter, x: ir.Value) -> ir.Value:
    x0, taylor, asym, _ = _constants()
    neg = e.fcmp("<", x, e.f(0.0), name="neg")
    t = e.select(neg, e.sub(e.f(1.0), x), x, name="t")

    # far from the root: recurrence up to z = t + K, then the asymptotic series
    # the sum cancels against log z: keep its rounding errors (two_sum) apart
    acc, err = e.div(e.f(1.0), t), e.f(0.0)
    for k in range(1, K):
        acc, lost = e.two_sum(acc, e.div(e.f(1.0), e.add(t, e.f(k))))
        err = e.add(err, lost)
    # at t = +-0 the sum is infinite and its error inf - inf: drop it (a NaN t stays in acc)
    err = e.select(e.isnan(err), e.f(0.0), err)
    z = e.add(t, e.f(K), name="z")
    w = e.div(e.f(1.0), e.mul(z, z), name="w")
    series = e.mul(w, e.horner(w, [rounded(c, e.is64) for c in asym]))
    tail = e.sub(series, e.add(e.div(e.f(0.5), z), err))
    far = e.add(e.sub(emit_log(e, z), acc), tail, name="psi.far")

    # near the root: d = t - x0 with x0 in two parts, so d is exact to an ulp of d
    hi = rounded(x0, e.is64)
    lo = rounded(x0 - mpmath.mpf(hi), e.is64)
    d = e.sub(e.sub(t, e.f(hi)), e.f(lo), name="d")
    near = e.mul(d, e.horner(d, [rounded(c, e.is64) for c in taylor]), name="psi.near")
    base = e.select(e.fcmp("<", e.fabs(d), e.f(R)), near, far, name="psi.t")

    # reflection: psi(x) = psi(1 - x) - pi / tan(pi r), r = x - rint(x) exactly
    r = e.sub(x, e.intrinsic("rint", x), name="r")
    pi = rounded(mpmath.pi, e.is64)
    reflected = e.sub(base, e.div(e.f(pi), emit_tan(e, e.mul(e.f(pi), r))), name="psi.refl")
    out = e.select(neg, reflected, base)
    pole = e.b.and_(neg, e.fcmp("==", r, e.f(0.0)))
    return e.select(pole, e.f(float("nan")), out, name="digamma")


def emit_trigamma(e: Emitter, x: ir.Value) -> ir.Value:
    asym1 = _constants()[3]
    neg = e.fcmp("<", x, e.f(0.0), name="neg")
    t = e.select(neg, e.sub(e.f(1.0), x), x, name="t")
    # psi'(t) = psi'(t + K) + sum_{k<K} 1/(t + k)^2, all terms positive
    acc = e.f(0.0)
    for k in range(K):
        r = e.div(e.f(1.0), e.add(t, e.f(k)) if k else t)
        acc = e.add(acc, e.mul(r, r))
    z = e.add(t, e.f(K), name="z")
    rz = e.div(e.f(1.0), z)
    w = e.mul(rz, rz, name="w")
    series = e.mul(e.mul(w, rz), e.horner(w, [rounded(c, e.is64) for c in asym1]))
    base = e.add(acc, e.add(e.add(rz, e.mul(e.f(0.5), w)), series), name="psi1.t")
    # reflection: psi'(x) = pi^2 / sin^2(pi r) - psi'(1 - x), r = x - rint(x) exactly
    r = e.sub(x, e.intrinsic("rint", x), name="r")
    pi = rounded(mpmath.pi, e.is64)
    s = emit_sin(e, e.mul(e.f(pi), r))
    reflected = e.sub(e.div(e.f(pi * pi), e.mul(s, s)), base, name="psi1.refl")
    out = e.select(neg, reflected, base)
    # a double pole at each negative integer: +inf from both sides (and at -inf), as scipy's polygamma
    pole = e.b.or_(e.b.and_(neg, e.fcmp("==", r, e.f(0.0))), e.fcmp("==", x, e.f(float("-inf"))))
    return e.select(pole, e.f(float("inf")), out, name="trigamma")
