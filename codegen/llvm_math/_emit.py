"""Straight-line float code for one float type, at one IRBuilder position.

Every emitter in this package takes an :class:`Emitter` and scalar operands and
returns a scalar; none of them creates a basic block, so after inlining into a
loop body the loop vectorizer sees only arithmetic, compares, selects, bit casts
and integer ops, all of which widen to SIMD.
"""
from __future__ import annotations

from collections.abc import Sequence

import mpmath
from llvmlite import ir

FloatTy = ir.DoubleType | ir.FloatType


class Emitter:
    """Builds scalar float code of type ``fty`` with ``builder``.

    The float ops carry no fast-math flags: NaN, infinities and signed zeros
    must come out right, and the error-free transforms in the kernels
    (``(t - r) - w`` and friends) must not be reassociated or contracted.
    Fused multiply-adds are asked for explicitly with :meth:`madd`.
    """

    def __init__(self, builder: ir.IRBuilder, fty: FloatTy) -> None:
        if not isinstance(fty, (ir.DoubleType, ir.FloatType)):
            raise TypeError(f"llvm_math supports double and float, not {fty}")
        self.b = builder
        self.fty = fty
        self.is64 = isinstance(fty, ir.DoubleType)
        self.ity = ir.IntType(64 if self.is64 else 32)
        #: explicit mantissa bits and exponent bias of the IEEE format
        self.mant = 52 if self.is64 else 23
        self.bias = 1023 if self.is64 else 127

    # -- constants ---------------------------------------------------------
    def f(self, value: float) -> ir.Constant:
        return ir.Constant(self.fty, float(value))

    def i(self, value: int) -> ir.Constant:
        return ir.Constant(self.ity, value)

    # -- float arithmetic --------------------------------------------------
    def add(self, a: ir.Value, b: ir.Value, name: str = "") -> ir.Value:
        return self.b.fadd(a, b, name=name)

    def sub(self, a: ir.Value, b: ir.Value, name: str = "") -> ir.Value:
        return self.b.fsub(a, b, name=name)

    def mul(self, a: ir.Value, b: ir.Value, name: str = "") -> ir.Value:
        return self.b.fmul(a, b, name=name)

    def div(self, a: ir.Value, b: ir.Value, name: str = "") -> ir.Value:
        return self.b.fdiv(a, b, name=name)

    def neg(self, a: ir.Value, name: str = "") -> ir.Value:
        return self.b.fneg(a, name=name)

    def intrinsic(self, base: str, *args: ir.Value, name: str = "") -> ir.Value:
        """Call ``llvm.<base>.f64`` (or ``.f32``) on float operands."""
        return self.b.call(float_intrinsic(self.b.module, base, self.fty, len(args)), args, name=name)

    def madd(self, a: ir.Value, b: ir.Value, c: ir.Value, name: str = "") -> ir.Value:
        """``a*b + c``, fused where the target has FMA (``llvm.fmuladd``)."""
        return self.intrinsic("fmuladd", a, b, c, name=name)

    def horner(self, x: ir.Value, coeffs: Sequence[float], name: str = "") -> ir.Value:
        """``coeffs[0] + coeffs[1]*x + ... + coeffs[-1]*x**(n-1)``."""
        acc = self.f(coeffs[-1])
        for k, c in enumerate(reversed(coeffs[:-1])):
            acc = self.madd(acc, x, self.f(c), name=f"{name}.h{k}" if name else "")
        return acc

    def fabs(self, x: ir.Value, name: str = "") -> ir.Value:
        return self.intrinsic("fabs", x, name=name)

    def copysign(self, mag: ir.Value, sign: ir.Value, name: str = "") -> ir.Value:
        return self.intrinsic("copysign", mag, sign, name=name)

    # -- double-double arithmetic (Dekker, Knuth): pairs (hi, lo) ----------
    def fast_two_sum(self, a: ir.Value, b: ir.Value) -> tuple[ir.Value, ir.Value]:
        """Exact ``a + b = s + err`` when ``|a| >= |b|``."""
        s = self.add(a, b)
        return s, self.sub(b, self.sub(s, a))

    def two_sum(self, a: ir.Value, b: ir.Value) -> tuple[ir.Value, ir.Value]:
        """Exact ``a + b = s + err`` whatever the magnitudes (Knuth)."""
        s = self.add(a, b)
        bb = self.sub(s, a)
        return s, self.add(self.sub(a, self.sub(s, bb)), self.sub(b, bb))

    def two_prod(self, a: ir.Value, b: ir.Value) -> tuple[ir.Value, ir.Value]:
        """Exact ``a * b = p + err`` (one fma; a libm call on targets without FMA)."""
        p = self.mul(a, b)
        return p, self.intrinsic("fma", a, b, self.neg(p))

    def dd_add(self, a, b):
        """a + b for |a| >= |b| (or a = 0)."""
        s, err = self.fast_two_sum(a[0], b[0])
        return self.fast_two_sum(s, self.add(err, self.add(a[1], b[1])))

    def dd_mul(self, a, b):
        p, err = self.two_prod(a[0], b[0])
        err = self.add(err, self.add(self.mul(a[0], b[1]), self.mul(a[1], b[0])))
        return self.fast_two_sum(p, err)

    # -- comparisons and selects -------------------------------------------
    def fcmp(self, op: str, a: ir.Value, b: ir.Value, name: str = "") -> ir.Value:
        """Ordered compare (false on NaN) for ``<, <=, ==, !=, >=, >``."""
        return self.b.fcmp_ordered(op, a, b, name=name)

    def fcmp_u(self, op: str, a: ir.Value, b: ir.Value, name: str = "") -> ir.Value:
        """Unordered compare (true on NaN)."""
        return self.b.fcmp_unordered(op, a, b, name=name)

    def isnan(self, x: ir.Value, name: str = "") -> ir.Value:
        return self.b.fcmp_unordered("uno", x, x, name=name)

    def select(self, cond: ir.Value, a: ir.Value, b: ir.Value, name: str = "") -> ir.Value:
        return self.b.select(cond, a, b, name=name)

    def clamp(self, x: ir.Value, lo: float, hi: float, name: str = "", keep_nan: bool = True) -> ir.Value:
        """``x`` limited to ``[lo, hi]`` (one vminp/vmaxp each).

        NaN passes through (so arithmetic downstream yields NaN without a final
        select), or becomes ``hi`` with ``keep_nan=False``.
        """
        if keep_nan:
            below = self.select(self.fcmp(">", x, self.f(hi)), self.f(hi), x, name=f"{name}.hi")
            return self.select(self.fcmp("<", below, self.f(lo)), self.f(lo), below, name=name)
        below = self.select(self.fcmp("<", x, self.f(hi)), x, self.f(hi), name=f"{name}.hi")
        return self.select(self.fcmp(">", below, self.f(lo)), below, self.f(lo), name=name)

    # -- bits --------------------------------------------------------------
    def bits(self, x: ir.Value, name: str = "") -> ir.Value:
        return self.b.bitcast(x, self.ity, name=name)

    def from_bits(self, n: ir.Value, name: str = "") -> ir.Value:
        return self.b.bitcast(n, self.fty, name=name)

    def pow2(self, k: ir.Value, name: str = "") -> ir.Value:
        """``2.0**k`` for an integer ``k`` in the normal exponent range."""
        biased = self.b.add(k, self.i(self.bias), name=f"{name}.biased")
        return self.from_bits(self.b.shl(biased, self.i(self.mant), name=f"{name}.bits"), name=name)

    def round_to_int(self, x: ir.Value, scale: ir.Value, name: str = "") -> tuple[ir.Value, ir.Value]:
        """``(rint(x*scale) as float, as int)`` for ``|x*scale| < 2**(mant-1)``.

        Adding 1.5*2**mant rounds to an integer in the float unit itself and
        leaves that integer in the low bits, so no float-to-int conversion
        (which is poison out of range and slow on AVX2) is needed.
        """
        shift = self.f(1.5 * 2.0 ** self.mant)
        t = self.madd(x, scale, shift, name=f"{name}.shifted")
        as_float = self.sub(t, shift, name=f"{name}.f")
        as_int = self.b.sub(self.bits(t), self.bits(shift), name=f"{name}.i")
        return as_float, as_int


def float_intrinsic(module: ir.Module, base: str, fty: FloatTy, nargs: int) -> ir.Function:
    """The declaration of ``llvm.<base>.<f64|f32>`` taking ``nargs`` floats."""
    name = f"llvm.{base}.{'f64' if isinstance(fty, ir.DoubleType) else 'f32'}"
    existing = module.globals.get(name)
    if existing is not None:
        return existing
    return ir.Function(module, ir.FunctionType(fty, [fty] * nargs), name=name)


# -- constants, computed here rather than typed in -------------------------
#: working precision (bits) for deriving constants; mpmath's global precision is left alone
CONST_PREC = 256


def rounded(value: mpmath.mpf, is64: bool) -> float:
    """``value`` rounded to nearest double or float32 (returned as a Python float)."""
    bits = 53 if is64 else 24
    with mpmath.workprec(CONST_PREC):
        if value == 0:
            return 0.0
        man, exp = mpmath.frexp(value)
        return float(mpmath.ldexp(mpmath.nint(mpmath.ldexp(man, bits)), exp - bits))


def truncated(value: mpmath.mpf, bits: int) -> float:
    """``value`` cut (toward zero) to its leading ``bits`` significant bits."""
    with mpmath.workprec(CONST_PREC):
        man, exp = mpmath.frexp(value)
        return float(mpmath.ldexp(mpmath.floor(mpmath.ldexp(man, bits)), exp - bits))


def split(value: mpmath.mpf, hi_bits: int, is64: bool) -> tuple[float, float]:
    """``(hi, lo)``: ``hi`` has ``hi_bits`` bits (so ``n*hi`` is exact for small integers ``n``)."""
    hi = truncated(value, hi_bits)
    with mpmath.workprec(CONST_PREC):
        return hi, rounded(value - mpmath.mpf(hi), is64)


def exact(expr) -> mpmath.mpf:
    """Evaluate ``expr()`` at :data:`CONST_PREC` bits."""
    with mpmath.workprec(CONST_PREC):
        return +expr()
