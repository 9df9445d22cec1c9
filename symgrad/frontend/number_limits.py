"""How large an exact number the parser lets SymPy build (see :mod:`.parse`).

SymPy computes exact numbers as it builds an expression: ``2**(10**6)`` or a
long product of large integers would take minutes and gigabytes before any
check could look at the result, and the backends print every constant.  The
parser keeps a cheap upper bound on the bits of each node's numbers and looks
at the numbers themselves only near the limit.
"""
from __future__ import annotations

import math

import sympy as sp

__all__ = ["MAX_DIGITS", "MAX_EXPONENT"]

#: Most decimal digits an exact number may have: below Python's 4300-digit limit
#: for printing an integer, which the backends do when they emit a constant.
MAX_DIGITS = 4000
TOO_LARGE = 10 ** MAX_DIGITS
MAX_BITS = MAX_DIGITS * math.log2(10)

#: Largest numerator or denominator of an exact exponent: ``sg.check`` evaluates
#: ``x^n`` exactly, and a float64 ``x^10000`` overflows for every ``|x| > 1.08``.
MAX_EXPONENT = 10_000


def short(r: sp.Rational) -> str:
    if max(abs(r.p), r.q).bit_length() < 200:
        return str(r)
    return f"of about {math.log10(abs(r.p) + r.q):.0f} digits"


def bits(r: sp.Rational) -> float:
    """log2 of the larger of numerator and denominator (0 for 0 and +-1)."""
    return math.log2(max(abs(r.p), r.q, 1))


def largest_exact(expr: sp.Basic) -> int:
    """The largest numerator or denominator of an exact number in ``expr`` (at least 1)."""
    worst, todo, seen = 1, [expr], set()
    while todo:
        e = todo.pop()
        if isinstance(e, sp.Rational):
            worst = max(worst, abs(e.p), e.q)
        elif e.args and e not in seen:
            seen.add(e)
            todo.extend(e.args)
    return worst


def raised_bits(base: sp.Basic) -> float:
    """Bits per unit of exponent of the exact numbers SymPy multiplies out in ``base**n``.

    SymPy distributes a rational power over a product and multiplies the
    exponents of a power of a number: ``(2*x)**n = 2**n*x**n`` and
    ``(2**(1/2))**n = 2**(n/2)``.  A sum or a function call stays whole.
    """
    total, todo = 0.0, [(base, 1.0)]
    while todo:
        e, weight = todo.pop()
        if isinstance(e, sp.Rational):
            total += weight * bits(e)
        elif isinstance(e, sp.Mul):
            todo.extend((a, weight) for a in e.args)
        elif isinstance(e, sp.Pow) and isinstance(e.exp, sp.Rational):
            todo.append((e.base, weight * abs(float(e.exp))))
    return total
