"""Constant exponents on the llvm backend against mpmath, with NumPy's ``**`` semantics.

The Pow emitter turns integer and half-integer exponents into multiplies and
a square root; which of the two it is must follow the exponent's value
(``Float(2.0)`` is the integer 2), not its SymPy class.  The reference is
mpmath at 200 bits, read the way NumPy reads ``**``: a negative base with a
non-integer exponent gives NaN, zero to a negative power gives inf.
"""
from __future__ import annotations

import mpmath
import numpy as np
import pytest
import sympy as sp

import symgrad as sg

pytest.importorskip("llvmlite")

x = sp.Symbol("x")

EXPONENTS = [sp.Float(2.0), sp.Float(-2.0), sp.Float(3.0), sp.Float(0.5), sp.Float(-0.5),
             sp.Float(1.5), sp.Float(2.5), sp.Float(-1.0), sp.Float(-3.5), sp.Float(64.0),
             sp.Float(64.5), sp.Float(65.0), sp.Float(0.25), sp.Float(1e300),
             sp.Rational(3, 2), sp.Rational(-5, 2), sp.Rational(1, 3), sp.Integer(3), sp.Integer(-4)]
BASES = [4.0, 0.3, 1.7, -3.0, -0.5, 0.0]


def numpy_pow(base: float, expo: float) -> float:
    """``base ** expo`` in exact arithmetic, rounded once to a double, NumPy's special cases."""
    if base == 0.0:
        return 0.0 if expo > 0 else np.inf
    if np.isinf(expo):   # C99 pow: the limit of |base|**expo, whatever the sign of base
        return float(np.float64(abs(base)) ** expo)
    with mpmath.workprec(200):
        r = mpmath.power(mpmath.mpf(base), mpmath.mpf(expo))
        if isinstance(r, mpmath.mpc):
            return np.nan   # negative base, non-integer exponent
        return float(r)   # overflow to inf, underflow to 0, as a double result does


def reference(c: sp.Expr, base: float, dtype: str) -> tuple[float, float]:
    """The value and derivative ``c * x**(c - 1)``, with ``c`` and ``c - 1`` rounded to
    ``dtype`` as both backends round constants (1e300 is inf in float32)."""
    c0, c1 = (float(np.array(float(v), dtype=dtype)) for v in (c, c - 1))
    with np.errstate(invalid="ignore"):
        return numpy_pow(base, c0), c0 * numpy_pow(base, c1)


@pytest.mark.parametrize("dtype", ["float64", "float32"])
@pytest.mark.parametrize("c", EXPONENTS, ids=str)
def test_constant_exponents_follow_numpy_pow(c, dtype):
    fn = sg.compile(x ** c, [x], backend="llvm", dtype=dtype)
    # x**64 by six squarings: each doubles the relative error so far, ~64 ulp in all
    rtol = 64 * np.finfo(dtype).eps
    bases = np.array(BASES, dtype=dtype)
    value, (grad,) = fn(x=bases)
    for k, base in enumerate(bases.astype(float)):
        with np.errstate(over="ignore"):   # beyond float32's range: inf, as the kernel gives
            want_v, want_g = (np.array(r, dtype=dtype) for r in reference(c, base, dtype))
        np.testing.assert_allclose(value[k], want_v, rtol=rtol, err_msg=f"x**{c} at x = {base}")
        np.testing.assert_allclose(grad[k], want_g, rtol=rtol, err_msg=f"d/dx x**{c} at x = {base}")


def test_integer_valued_float_exponent_is_not_a_half_integer():
    # the report: x**2.0 at 4 gave 32 and 16 (x**2 * sqrt(x)), NaN at -3
    fn = sg.compile(x ** 2.0, [x], backend="llvm")
    value, (grad,) = fn(x=np.array([4.0, -3.0]))
    np.testing.assert_array_equal(value, [16.0, 9.0])
    np.testing.assert_array_equal(grad, [8.0, -6.0])
