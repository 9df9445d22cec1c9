"""Independent references for the tests: elementary rewrites and high-precision evaluation.

The activations are rewritten to elementary SymPy (sigmoid -> 1/(1 + exp(-z)),
relu -> Max(z, 0), ...) before ``sympy.diff``, so the reference derivative does
not go through symgrad's rules or the activations' own ``fdiff``.
"""
from __future__ import annotations

import sympy as sp
from sympy.codegen.cfunctions import Cbrt, exp2, expm1, hypot, log1p, log2, log10
from sympy.codegen.numpy_nodes import logaddexp

from symgrad.ir.functions import ACTIVATIONS

#: sympy.codegen's function nodes -> elementary formulas
CODEGEN_NODES = {
    Cbrt: lambda a: sp.real_root(a, 3), hypot: lambda a, b: sp.sqrt(a ** 2 + b ** 2),
    logaddexp: lambda a, b: sp.log(sp.exp(a) + sp.exp(b)), log1p: lambda a: sp.log(1 + a),
    expm1: lambda a: sp.exp(a) - 1, exp2: lambda a: 2 ** a, log2: lambda a: sp.log(a) / sp.log(2),
    log10: lambda a: sp.log(a) / sp.log(10),
}


def elementary(expr: sp.Basic) -> sp.Basic:
    """``expr`` with every symgrad activation and SymPy codegen node replaced by its elementary formula."""
    for cls in ACTIVATIONS:
        expr = expr.replace(cls, lambda *args, cls=cls: cls._elementary(*args))
    # SymPy's codegen nodes as the formulas they stand for (Cbrt does not even evaluate)
    for cls, formula in CODEGEN_NODES.items():
        expr = expr.replace(cls, formula)
    return expr


def reference_grad(expr: sp.Basic, wrt) -> list[sp.Basic]:
    """``sympy.diff`` of the elementary form, one parameter at a time."""
    e = elementary(expr)
    return [sp.diff(e, w) for w in wrt]


def value_at(expr: sp.Basic, point: dict, digits: int = 30) -> float:
    """``expr`` at ``point`` ({symbol: float}) by SymPy/mpmath at ``digits`` digits."""
    subs = {s: sp.Float(v, digits) for s, v in point.items()}
    v = sp.N(expr.xreplace(subs), digits)
    return float(v)
