"""Finds the arguments nearest a multiple of pi/2: the hard cases of argument reduction.

``python tests/hard_trig_cases.py`` prints the lists used by
``tests/test_llvm_math.py::HARD_TRIG``:

* float32: every significand m in [2**23, 2**24) for each exponent above
  2**28 * pi/2 (where the Payne-Hanek reduction takes over), by brute force
  on frac(m * 2**E * 2/pi) in 64-bit fixed point;
* float64: for each exponent E, the continued-fraction convergents q of
  frac(2**E * 2/pi) with 2**52 <= q < 2**53: the 53-bit significands that
  bring m * 2**E * 2/pi closest to an integer.

Each candidate's distance is then computed exactly with mpmath.
"""
from __future__ import annotations

import mpmath
import numpy as np

BITS = 1400


def _two_over_pi_fixed() -> int:
    with mpmath.workprec(BITS + 64):
        return int(mpmath.floor(2 / mpmath.pi * mpmath.mpf(2) ** BITS))


def distance(m: int, e: int) -> mpmath.mpf:
    """|m 2**e 2/pi - nearest integer|, exactly enough (e + 200 bits of 2/pi)."""
    with mpmath.workprec(BITS + 200):
        v = mpmath.mpf(m) * mpmath.ldexp(1, e) * 2 / mpmath.pi
        return abs(v - mpmath.nint(v))


def float32_cases(count: int = 3) -> list[tuple[int, int]]:
    big = _two_over_pi_fixed()
    m = np.arange(1 << 23, 1 << 24, dtype=np.uint64)
    found = []
    for e in range(28 - 23, 128 - 23):
        # frac(2**e * 2/pi) to 64 bits: bits e+1 .. e+64 of 2/pi
        alpha = np.uint64((big >> (BITS - e - 64)) & ((1 << 64) - 1))
        v = m * alpha                      # frac(m alpha) * 2**64, wrapping
        d = np.minimum(v, -v)              # distance to the nearest integer, * 2**64
        k = int(np.argmin(d))
        found.append((float(d[k]) / 2.0 ** 64, int(m[k]), e))
    found.sort()
    return [(m_, e) for _, m_, e in found[:count]]


def float64_cases(count: int = 6) -> list[tuple[int, int]]:
    found = []
    with mpmath.workprec(BITS + 200):
        two_over_pi = 2 / mpmath.pi
        for e in range(20 - 52, 1024 - 52):
            alpha = mpmath.ldexp(two_over_pi, e)
            alpha -= mpmath.floor(alpha)
            # convergents p/q of alpha in [0, 1): |q alpha - p| < 1/q_next
            p0, q0, p1, q1 = 1, 0, 0, 1
            r = alpha
            while r != 0 and q1 < 1 << 53:
                r = 1 / r
                t = int(mpmath.floor(r))
                r -= t
                p0, q0, p1, q1 = p1, q1, t * p1 + p0, t * q1 + q0
                if 1 << 52 <= q1 < 1 << 53:
                    found.append((abs(q1 * alpha - p1), q1, e))
    found.sort()
    return [(m, e) for _, m, e in found[:count]]


if __name__ == "__main__":
    for name, cases in (("float64", float64_cases()), ("float32", float32_cases())):
        print(name)
        for m, e in cases:
            print(f"    {m} * 2.0 ** {e}: |x 2/pi - n| = {float(distance(m, e)):.3g}")
