"""The verdict of :func:`symgrad.check`, for scalar and for matrix parameters."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import mpmath
import sympy as sp

__all__ = ["CheckResult", "show"]

#: exact rationals longer than this (in bits, numerator and denominator together) print rounded
_SHOW_BITS = 200
#: the methods of a verdict from strongest to weakest; an ok verdict reports its weakest
METHOD_RANK = {"symbolic": 0, "exact": 1, "numeric": 2}


def show(v: Any) -> str:
    """A value for a report: huge exact rationals (``(x/7 + 3)**10000`` at a point) as
    17 significant digits and their length, never as thousands of digits (which Python
    refuses to print past 4300); 50-digit floats as 17 digits.

    >>> show(sp.Rational(1, 3)), show(sp.Integer(3)**1000)
    ('1/3', '1.3220708194808066e+477 (exact: a rational of 478 digits)')
    """
    if isinstance(v, sp.Rational) and v.p.bit_length() + v.q.bit_length() > _SHOW_BITS:
        digits = int((v.p.bit_length() + v.q.bit_length()) * 0.30103) + 1
        with mpmath.workdps(20):   # from the integers' bits: str() of them is what fails
            approx = mpmath.nstr(mpmath.mpf(v.p) / v.q, 17)
        return f"{approx} (exact: a rational of {digits} digits)"
    if isinstance(v, sp.Float):
        return str(sp.Float(v, 17))
    if isinstance(v, sp.MatrixBase):
        return str(v.applyfunc(lambda e: sp.Float(e, 6) if isinstance(e, sp.Float) else e).tolist())
    return str(v)


@dataclass(frozen=True)
class CheckResult:
    """The verdict of :func:`symgrad.check`.

    Attributes
    ----------
    ok : bool
        True when every component of the hand gradient equals the derived one.
    method : {"symbolic", "exact", "numeric", "shape"}
        How the verdict was reached: ``"symbolic"`` when SymPy proved every
        difference zero (for matrices: when the hand formula lowers to the
        very node of the derived gradient); ``"exact"`` when rational
        evaluation decided (a disagreement at a rational point is a proof);
        ``"numeric"`` when 50-digit evaluation decided; ``"shape"`` when a
        hand gradient does not have its parameter's shape.  For ``ok``
        results the weakest method used for any component is reported.
    counterexample : dict or None
        ``{symbol: value}`` at which the two differ (matrices as
        ``sympy.Matrix``), else None.
    wrong : tuple of Symbol
        Parameters whose hand-derived component differs.
    hand_value, true_value : dict
        ``{parameter: value}`` of both sides at the counterexample (for a
        matrix parameter, at the entry in ``entries``); empty when ok.
    expected : tuple of sympy.Expr
        symgrad's gradient, in ``wrt`` order.
    points : int
        Number of points evaluated.
    sizes : dict
        Matrix checks: ``{dimension symbol: size}`` of the counterexample
        (the batch ``N`` bound to a small number).
    entries : dict
        Matrix checks: ``{parameter: (i, j)}``, the first entry that differs.
    notes : tuple of str
        What else a person can act on: shape errors, and the first layer at
        which the hand delta recursion departs from the derived one.
    """

    ok: bool
    method: str
    counterexample: dict | None
    wrong: tuple = ()
    hand_value: dict = field(default_factory=dict)
    true_value: dict = field(default_factory=dict)
    expected: tuple = ()
    points: int = 0
    sizes: dict = field(default_factory=dict)
    entries: dict = field(default_factory=dict)
    notes: tuple = ()

    def __bool__(self) -> bool:
        return self.ok

    def __str__(self) -> str:
        if self.ok:
            return f"ok ({self.method}, {self.points} points)" if self.points else f"ok ({self.method})"
        if self.method == "shape":
            return "NOT EQUAL (shape):\n" + "\n".join(f"  {n}" for n in self.notes)
        if not self.sizes and not self.entries:
            at = ", ".join(f"{k}={show(v)}" for k, v in self.counterexample.items())
            lines = [f"NOT EQUAL ({self.method}) at {at}:"]
        else:
            sizes = ", ".join(f"{k}={v}" for k, v in self.sizes.items())
            lines = [f"NOT EQUAL ({self.method})" + (f" with {sizes}" if sizes else "") + ", at"]
            lines += [f"  {k} = {show(v)}" for k, v in self.counterexample.items()]
        for w in self.wrong:
            where = f" entry {self.entries[w]}:" if w in self.entries else ":"
            lines.append(f"  d/d{w}{where} hand gives {show(self.hand_value[w])}, "
                         f"the derivative is {show(self.true_value[w])}")
        lines += [f"  {n}" for n in self.notes]
        return "\n".join(lines)
