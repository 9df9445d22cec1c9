"""sin, cos and tan: argument reduction by pi/2 into a head+tail pair, fdlibm kernels.

Two reductions run side by side, branch-free, and a select keeps one:

* Cody-Waite (fdlibm's medium case) for |x| <= 2**20 * pi/2 (about 1.65e6)
  in float64 and |x| <= 2**28 * pi/2 (about 4.2e8) in float32
  (:data:`MEDIUM_RANGE`);
* Payne-Hanek beyond, up to the largest finite number (:func:`_reduce_large`):
  x = m * 2**E with a 53-bit integer m, and only the 176 bits of 2/pi that
  matter for that E, read from a table as four 44-bit pieces, so that every
  product m * piece is exact as a double pair (FMA) and the fraction of
  x * 2/pi comes out to ~2**-120 absolute, enough for the worst case of
  float64 (x = 6381956970095103 * 2**797, within 2**-61 of a multiple of
  pi/2).

float32 is reduced and evaluated in double (with shorter polynomials) and
rounded once at the end.  Both reductions are straight-line code with one
table lookup (a gather when vectorized), so loops calling sin or cos still
vectorize; computing both costs ~3x (float64) the Cody-Waite path alone.
The ``*_medium`` variants leave Payne-Hanek out: scalar kernels run each
block of samples with them (tensor kernels each fused loop nest), note any
argument beyond :data:`MEDIUM_RANGE`, and recompute only such blocks with
the full functions (:meth:`symgrad.codegen.llvm.emit.KernelEmitter.trig`).
"""
from __future__ import annotations

import mpmath
from llvmlite import ir

from ._emit import Emitter, exact, rounded, split, truncated
from .coeffs import coefficients

# fdlibm k_sin.c / k_cos.c minimax coefficients on [-pi/4, pi/4] (error < 2**-58;
# tests/test_llvm_math.py re-checks them against mpmath)
SIN_COEFFS = (-1.66666666666666324348e-01, 8.33333333332248946124e-03, -1.98412698298579493134e-04,
              2.75573137070700676789e-06, -2.50507602534068634195e-08, 1.58969099521155010221e-10)
COS_COEFFS = (4.16666666666666019037e-02, -1.38888888888741095749e-03, 2.48015872894767294178e-05,
              -2.75573143513906633035e-07, 2.08757232129817482790e-09, -1.13596475577881948265e-11)

#: largest |x| the Cody-Waite reduction handles, per float type (is64 -> bound); beyond, Payne-Hanek
MEDIUM_RANGE = {True: 2.0 ** 20 * 1.5707963267948966, False: 2.0 ** 28 * 1.5707963267948966}
#: largest |x| for which sin/cos/tan are accurate: every finite x
ACCURATE_RANGE = {True: float("inf"), False: float("inf")}

# Payne-Hanek table: for each exponent E of x = m * 2**E (m a 53-bit integer), the bits
# b_{E-1} .. b_{E+174} of 2/pi = sum_k b_k 2**-k (b_k = 0 for k <= 0) in four 44-bit
# pieces C_j = sum_i b_{E-1+44j+i} 2**(1-44j-i): x * 2/pi = m * sum_j C_j modulo 4,
# up to m * 2**-175 < 2**-122.  Bits above b_{E-1} only add multiples of 4.
_PH_PIECES, _PH_BITS = 4, 44
_PH_EMIN, _PH_EMAX = -33, 2046 - 1075      # |x| >= MEDIUM_RANGE[float32 or float64] .. max finite


def _payne_hanek_table() -> list[float]:
    total = _PH_EMAX + _PH_PIECES * _PH_BITS + 8
    with mpmath.workprec(total + 64):
        bits = int(mpmath.floor(2 / mpmath.pi * mpmath.mpf(2) ** total))   # b_1 .. b_total
    mask = (1 << _PH_BITS) - 1
    table = []
    for e in range(_PH_EMIN, _PH_EMAX + 1):
        for j in range(_PH_PIECES):
            last = e - 1 + _PH_BITS * j + _PH_BITS - 1          # index of the piece's lowest bit
            w = (bits >> (total - last)) & mask
            table.append(float(mpmath.ldexp(w, 1 - _PH_BITS * j - (_PH_BITS - 1))))
    return table


PH_TABLE = _payne_hanek_table()


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
#: pi/2 as a double pair (hi, lo)
PIO2_DD = split(exact(lambda: mpmath.pi / 2), 53, True)


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


def _table(d: Emitter) -> ir.GlobalVariable:
    module = d.b.module
    name = "symgrad.two_over_pi"
    if name in module.globals:
        return module.globals[name]
    ty = ir.ArrayType(ir.DoubleType(), len(PH_TABLE))
    g = ir.GlobalVariable(module, ty, name)
    g.global_constant = True
    g.linkage = "internal"
    g.initializer = ir.Constant(ty, PH_TABLE)
    return g


def _reduce_large(d: Emitter, x: ir.Value) -> tuple[ir.Value, ir.Value, ir.Value]:
    """``(y0, y1, n)`` with x = n*pi/2 + y0 + y1 for finite |x| >= 2**20 (Payne-Hanek).

    With x = m * 2**E, frac(x * 2/pi) is summed from the exact products
    m * C_j (see :data:`PH_TABLE`): integer parts are dropped modulo 4 while
    they are exact, and the fraction is carried by error-free sums, so the
    only roundings are in terms below 2**-84.  Lanes outside the domain
    (small, infinite, NaN) compute garbage that the caller selects away.
    """
    b = d.b
    m, c = _significand_and_pieces(d, x, 53, _PH_PIECES)
    hi0, lo0 = d.two_prod(m, c[0])
    hi1, lo1 = d.two_prod(m, c[1])
    hi2, lo2 = d.two_prod(m, c[2])
    p3 = d.mul(m, c[3])

    a = d.add(_mod4(d, hi0), lo0, name="ph.a")            # exact: both multiples of 2**-42, |a| < 8
    n0f, n0 = d.round_to_int(a, d.f(1.0), name="ph.n0")
    a = d.sub(a, n0f)
    bsum, eb = d.two_sum(a, _mod4(d, hi1))
    n1f, n1 = d.round_to_int(bsum, d.f(1.0), name="ph.n1")
    bsum = d.sub(bsum, n1f)                            # exact: |bsum - n1| <= 1/2
    h, e1 = d.two_sum(bsum, hi2)
    h, e2 = d.two_sum(h, lo1)
    h, e3 = d.two_sum(h, eb)
    tail = d.add(d.add(d.add(e1, e2), d.add(e3, lo2)), p3)
    f_hi, f_lo = d.two_sum(h, tail)
    y0, y1 = d.dd_mul((f_hi, f_lo), (d.f(PIO2_DD[0]), d.f(PIO2_DD[1])))   # the fraction times pi/2
    return _signed(d, x, y0, y1, b.add(n0, n1, name="ph.n"))


def _reduce_large_f32(d: Emitter, x: ir.Value) -> tuple[ir.Value, ir.Value, ir.Value]:
    """:func:`_reduce_large` for a float32 x (widened to double): m has 24 bits, so
    two pieces suffice (truncation below 2**-63, against a reduced argument of at
    least ~2**-30 in the worst case) and the fraction needs no tail."""
    m, c = _significand_and_pieces(d, x, 24, 2)
    hi0, lo0 = d.two_prod(m, c[0])
    a = d.add(_mod4(d, hi0), lo0, name="ph.a")        # exact: multiples of 2**-42, |a| < 8
    n0f, n0 = d.round_to_int(a, d.f(1.0), name="ph.n0")
    f = d.add(d.sub(a, n0f), d.mul(m, c[1]), name="ph.f")
    return _signed(d, x, d.mul(f, d.f(PIO2_DD[0]), name="ph.y"), d.f(0.0), n0)


def _significand_and_pieces(d: Emitter, x: ir.Value, digits: int, pieces: int) -> tuple[ir.Value, list]:
    """``(m, [C_0, ...])``: |x| = m * 2**E with m a ``digits``-bit integer (53, or 24 for a
    widened float32), and the first ``pieces`` table pieces of E's row."""
    b = d.b
    bits = d.bits(d.fabs(x, name="ph.ax"))
    drop = 53 - digits
    e = b.sub(b.and_(b.lshr(bits, d.i(52)), d.i(0x7FF)), d.i(1075 - drop), name="ph.E")
    k = b.sub(e, d.i(_PH_EMIN))
    k = b.select(b.icmp_signed("<", k, d.i(0)), d.i(0), k)
    k = b.select(b.icmp_signed(">", k, d.i(_PH_EMAX - _PH_EMIN)), d.i(_PH_EMAX - _PH_EMIN), k, name="ph.row")
    mant = b.or_(b.and_(bits, d.i((1 << 52) - 1)), d.i(1 << 52))
    m = b.uitofp(b.lshr(mant, d.i(drop)) if drop else mant, d.fty, name="ph.m")
    table = _table(d)
    c = []
    for j in range(pieces):
        idx = b.add(b.mul(k, d.i(_PH_PIECES)), d.i(j))
        c.append(b.load(b.gep(table, [ir.Constant(ir.IntType(32), 0), idx], inbounds=True), name=f"ph.c{j}"))
    return m, c


def _mod4(d: Emitter, v: ir.Value) -> ir.Value:
    """v - 4*floor(v/4), exact for a double v."""
    return d.sub(v, d.mul(d.f(4.0), d.intrinsic("floor", d.mul(v, d.f(0.25)))))


def _signed(d: Emitter, x, y0, y1, n) -> tuple[ir.Value, ir.Value, ir.Value]:
    """The reduction of |x| turned into that of x: x < 0 is (-n) pi/2 + (-y)."""
    neg = d.fcmp("<", x, d.f(0.0))
    return (d.select(neg, d.neg(y0), y0, name="ph.y0"), d.select(neg, d.neg(y1), y1, name="ph.y1"),
            d.b.select(neg, d.b.neg(n), n))


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


def _reduced(e: Emitter, x: ir.Value, full: bool = True) -> tuple[Emitter, Pair, Pair, ir.Value]:
    """``(d, sin(y), cos(y), n)`` for x = n*pi/2 + y, computed in double (``d``).

    sin and cos come as ``(hi, lo)`` pairs (``lo`` is None for float32, whose
    double kernels need no tail): tan divides the pairs before rounding them.
    ``full=False`` leaves out the Payne-Hanek reduction: accurate only for
    ``|x| <= MEDIUM_RANGE`` (the ``*_medium`` variants).
    """
    d = Emitter(e.b, ir.DoubleType())
    xd = x if e.is64 else e.b.fpext(x, d.fty, name="xd")
    y0, y1, n = (_reduce_f64 if e.is64 else _reduce_f32)(d, xd)
    if full:
        large = d.fcmp(">", d.fabs(xd), d.f(MEDIUM_RANGE[e.is64]), name="x.large")
        l0, l1, ln = (_reduce_large if e.is64 else _reduce_large_f32)(d, xd)
        y0, y1, n = d.select(large, l0, y0), d.select(large, l1, y1), e.b.select(large, ln, n)
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


def emit_tan(e: Emitter, x: ir.Value, full: bool = True) -> ir.Value:
    d, s, c, n = _reduced(e, x, full)
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


def _sincos(e: Emitter, x: ir.Value, want_cos: bool, full: bool = True) -> ir.Value:
    d, s, c, n = _reduced(e, x, full)
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


# Cody-Waite only: the fast path of kernels that check |x| <= MEDIUM_RANGE themselves and
# recompute with the full functions otherwise (codegen/llvm/emit.py)
def emit_sin_medium(e: Emitter, x: ir.Value) -> ir.Value:
    return _sincos(e, x, want_cos=False, full=False)


def emit_cos_medium(e: Emitter, x: ir.Value) -> ir.Value:
    return _sincos(e, x, want_cos=True, full=False)


def emit_tan_medium(e: Emitter, x: ir.Value) -> ir.Value:
    return emit_tan(e, x, full=False)
