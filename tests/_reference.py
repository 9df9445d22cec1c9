"""Independent references for the tests: elementary rewrites and high-precision evaluation.

The activations are rewritten to elementary SymPy (sigmoid -> 1/(1 + exp(-z)),
relu -> Max(z, 0), ...) before ``sympy.diff``, so the reference derivative does
not go through symgrad's rules or the activations' own ``fdiff``.
"""
from __future__ import annotations

import sympy as sp
from sympy.codegen.cfunctions import Cbrt

from symgrad.ir.functions import ACTIVATIONS


def elementary(expr: sp.Basic) -> sp.Basic:
    """``expr`` with every symgrad activation (and SymPy's ``Cbrt``) replaced by its elementary formula."""
    for cls in ACTIVATIONS:
        expr = expr.replace(cls, lambda *args, cls=cls: cls._elementary(*args))
    # SymPy's Cbrt node does not evaluate numerically; the real cube root does
    return expr.replace(Cbrt, lambda a: sp.real_root(a, 3))


def reference_grad(expr: sp.Basic, wrt) -> list[sp.Basic]:
    """``sympy.diff`` of the elementary form, one parameter at a time."""
    e = elementary(expr)
    return [sp.diff(e, w) for w in wrt]


def value_at(expr: sp.Basic, point: dict, digits: int = 30) -> float:
    """``expr`` at ``point`` ({symbol: float}) by SymPy/mpmath at ``digits`` digits."""
    subs = {s: sp.Float(v, digits) for s, v in point.items()}
    v = sp.N(expr.xreplace(subs), digits)
    return float(v)
