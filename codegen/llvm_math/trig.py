"""sin, cos and tan: Cody-Waite reduction by pi/2 into a head+tail pair, fdlibm kernels.

Range (documented and tested): the reduction is exact enough for
|x| <= 2**20 * pi/2 (about 1.65e6) in float64 and |x| <= 2**28 * pi/2 (about
4.2e8) in float32; beyond that fdlibm switches to Payne-Hanek reduction, which
needs a table lookup and a loop, and these branch-free versions lose accuracy:
for larger finite x the results are in [-1, 1] but otherwise meaningless.  float32 is
reduced and evaluated in double (with shorter polynomials) and rounded once at the end.
"""
from __future__ import annotations

import mpmath
from llvmlite import ir

from ._emit import Emitter, exact, rounded, truncated
from .coeffs import coefficients

# fdlibm k_sin.c / k_cos.c minimax coefficients on [-pi/4, pi/4] (error < 2**-58;
# tests/test_llvm_math.py re-checks them against mpmath)
SIN_COEFFS = (-1.66666666666666324348e-01, 8.33333333332248946124e-03, -1.98412698298579493134e-04,
              2.75573137070700676789e-06, -2.50507602534068634195e-08, 1.58969099521155010221e-10)
COS_COEFFS = (4.16666666666666019037e-02, -1.38888888888741095749e-03, 2.48015872894767294178e-05,
              -2.75573143513906633035e-07, 2.08757232129817482790e-09, -1.13596475577881948265e-11)

#: largest |x| for which sin/cos are accurate, per float type (is64 -> bound)
ACCURATE_RANGE = {True: 2.0 ** 20 * 1.5707963267948966, False: 2.0 ** 28 * 1.5707963267948966}


def _pio2_parts() -> dict:
    """pi/2 cut into 33-bit pieces (n*piece exact for n < 2**20) plus rounded tails, as fdlibm."""
    rest = exact(lambda: mpmath.pi / 2)
    parts = {"inv": rounded(exact(lambda: 2 / mpmath.pi), True)}
    for k in (1, 2, 3):
        head = truncated(rest, 33)
        with mpmath.workprec(256):
            rest = rest - mpmath.mpf(head)
        parts[f"p{k}"], parts[f"p{k}t"] = head, rounded(rest, True)
    # float32 arguments: a 25-bit head keeps n*head exact for n < 2**28 (musl __rem_pio2f)
    head = truncated(exact(lambda: mpmath.pi / 2), 25)
    parts["f32_p1"] = head
    parts["f32_p1t"] = rounded(exact(lambda: mpmath.pi / 2 - head), True)
    return parts


PIO2 = _pio2_parts()


def _reduce_f64(d: Emitter, x: ir.Value) -> tuple[ir.Value, ir.Value, ir.Value]:
    """``(y0, y1, n)``: x = n*pi/2 + y0 + y1, fdlibm's medium case with all three rounds."""
    nf, n = d.round_to_int(x, d.f(PIO2["inv"]), name="n")
    r = d.sub(x, d.mul(nf, d.f(PIO2["p1"])), name="r1")  # exact: Sterbenz
    w = d.mul(nf, d.f(PIO2["p1t"]), name="w1")
    for k in (2, 3):
        t = r
        w = d.mul(nf, d.f(PIO2[f"p{k}"]), name=f"w{k}")
        r = d.sub(t, w, name=f"r{k}")
        # the rounding error of t - w goes into the tail
        w = d.sub(d.mul(nf, d.f(PIO2[f"p{k}t"])), d.sub(d.sub(t, r), w), name=f"w{k}t")
    y0 = d.sub(r, w, name="y0")
    y1 = d.sub(d.sub(r, y0), w, name="y1")
    return y0, y1, n


def _reduce_f32(d: Emitter, x: ir.Value) -> tuple[ir.Value, ir.Value, ir.Value]:
    """``(y0, 0, n)`` for a float32 argument widened to double (musl's __rem_pio2f)."""
    nf, n = d.round_to_int(x, d.f(PIO2["inv"]), name="n")
    y = d.sub(x, d.mul(nf, d.f(PIO2["f32_p1"])), name="r1")
    y = d.sub(y, d.mul(nf, d.f(PIO2["f32_p1t"])), name="y0")
    return y, d.f(0.0), n


def _kernel_sin(d: Emitter, x: ir.Value, y: ir.Value) -> tuple[ir.Value, ir.Value]:
    """sin(x + y) as an unevaluated sum ``hi + lo`` (fdlibm's __kernel_sin before its last add)."""
    z = d.mul(x, x, name="ks.z")
    v = d.mul(z, x, name="ks.v")
    r = d.horner(z, SIN_COEFFS[1:], name="ks.r")
    inner = d.sub(d.mul(z, d.sub(d.mul(d.f(0.5), y), d.mul(v, r))), y)
    return x, d.neg(d.sub(inner, d.mul(v, d.f(SIN_COEFFS[0]))), name="ksin.lo")


def _kernel_cos(d: Emitter, x: ir.Value, y: ir.Value) -> tuple[ir.Value, ir.Value]:
    """cos(x + y) as an unevaluated sum ``hi + lo`` (fdlibm's __kernel_cos before its last add)."""
    z = d.mul(x, x, name="kc.z")
    r = d.mul(z, d.horner(z, COS_COEFFS, name="kc.r"), name="kc.r")
    hz = d.mul(d.f(0.5), z, name="kc.hz")
    w = d.sub(d.f(1.0), hz, name="kc.w")
    # (1 - w) - hz recovers the rounding error of w
    return w, d.add(d.sub(d.sub(d.f(1.0), w), hz), d.sub(d.mul(z, r), d.mul(x, y)), name="kcos.lo")


def _kernels_f32(d: Emitter, y: ir.Value) -> tuple[ir.Value, ir.Value]:
    """sin and cos of |y| <= 0.8 in double, to float32 accuracy (shorter minimax fits)."""
    z = d.mul(y, y, name="z")
    s = d.madd(d.mul(y, z), d.horner(z, coefficients("sin", False), name="S"), y, name="ksin")
    one_minus = d.sub(d.f(1.0), d.mul(d.f(0.5), z), name="1-z/2")
    c = d.madd(d.mul(z, z), d.horner(z, coefficients("cos", False), name="C"), one_minus, name="kcos")
    return s, c


Pair = tuple[ir.Value, ir.Value | None]


def _reduced(e: Emitter, x: ir.Value) -> tuple[Emitter, Pair, Pair, ir.Value]:
    """``(d, sin(y), cos(y), n)`` for x = n*pi/2 + y, computed in double (``d``).

    sin and cos come as ``(hi, lo)`` pairs (``lo`` is None for float32, whose
    double kernels need no tail): tan divides the pairs before rounding them.
    """
    d = Emitter(e.b, ir.DoubleType())
    xd = x if e.is64 else e.b.fpext(x, d.fty, name="xd")
    y0, y1, n = (_reduce_f64 if e.is64 else _reduce_f32)(d, xd)
    # inside the accurate range |y0| <= pi/4 and this clamp does nothing; beyond
    # it, it keeps the kernels on their interval so results stay bounded
    y0 = d.clamp(y0, -0.8, 0.8, name="y0.c", keep_nan=False)
    if not e.is64:
        s, c = _kernels_f32(d, y0)
        return d, (s, None), (c, None), n
    y1 = d.clamp(y1, -(2.0 ** -52), 2.0 ** -52, name="y1.c", keep_nan=False)
    return d, _kernel_sin(d, y0, y1), _kernel_cos(d, y0, y1), n


def _value(d: Emitter, pair: Pair) -> ir.Value:
    hi, lo = pair
    return hi if lo is None else d.add(hi, lo)


def _finish(e: Emitter, x: ir.Value, v: ir.Value, name: str) -> ir.Value:
    """Round a double result to float32 if needed; +-inf and NaN give NaN (x - x)."""
    if not e.is64:
        v = e.b.fptrunc(v, e.fty, name=f"{name}.f32")
    finite = e.fcmp("<", e.fabs(x), e.f(float("inf")), name="finite")
    v = e.select(finite, v, e.sub(x, x), name=f"{name}.finite")
    if name != "cos":  # sin(-0) = tan(-0) = -0, which the kernels may lose
        v = e.select(e.fcmp("==", x, e.f(0.0)), x, v, name=name)
    return v


def emit_tan(e: Emitter, x: ir.Value) -> ir.Value:
    d, s, c, n = _reduced(e, x)
    # quadrant n odd: tan(y + pi/2) = -cos(y)/sin(y)
    odd = e.b.icmp_unsigned("!=", e.b.and_(n, d.i(1)), d.i(0), name="q.odd")
    if s[1] is None:  # float32: the double quotient is far more accurate than needed
        num = d.select(odd, d.neg(c[0]), s[0], name="tan.num")
        den = d.select(odd, s[0], c[0], name="tan.den")
        return _finish(e, x, d.div(num, den), "tan")
    num_hi, num_lo = (d.select(odd, d.neg(cv), sv, name=f"tan.num{k}") for k, (sv, cv) in enumerate(zip(s, c)))
    den_hi, den_lo = (d.select(odd, sv, cv, name=f"tan.den{k}") for k, (sv, cv) in enumerate(zip(s, c)))
    # q0 = num/den to ~1 ulp, then one Newton correction with the exact residual
    # (num_hi + num_lo) - q0*(den_hi + den_lo), so the kernels' tails are not rounded away
    inv = d.div(d.f(1.0), d.add(den_hi, den_lo), name="tan.inv")
    q0 = d.mul(d.add(num_hi, num_lo), inv, name="tan.q0")
    resid = d.sub(d.add(d.madd(d.neg(q0), den_hi, num_hi), num_lo), d.mul(q0, den_lo), name="tan.resid")
    return _finish(e, x, d.madd(resid, inv, q0, name="tan.q"), "tan")


def _sincos(e: Emitter, x: ir.Value, want_cos: bool) -> ir.Value:
    d, s, c, n = _reduced(e, x)
    # quadrant n mod 4: sin -> s, c, -s, -c; cos -> c, -s, -c, s
    q = e.b.add(n, d.i(1)) if want_cos else n
    odd = e.b.icmp_unsigned("!=", e.b.and_(n, d.i(1)), d.i(0), name="q.odd")
    negate = e.b.icmp_unsigned("!=", e.b.and_(q, d.i(2)), d.i(0), name="q.neg")
    sv, cv = _value(d, s), _value(d, c)
    v = d.select(odd, sv, cv) if want_cos else d.select(odd, cv, sv)
    v = d.select(negate, d.neg(v), v, name="v")
    return _finish(e, x, v, "cos" if want_cos else "sin")


def emit_sin(e: Emitter, x: ir.Value) -> ir.Value:
    return _sincos(e, x, want_cos=False)


def emit_cos(e: Emitter, x: ir.Value) -> ir.Value:
    return _sincos(e, x, want_cos=True)
