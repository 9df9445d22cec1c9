"""NumPy printing helpers for n-D programs that need more than one line of the printer.

:func:`unrolled_reduce`: a reduction over a few trailing axes (a pooling window:
``x.max(axis=(4, 5))`` over ``(N, C, OH, OW, 2, 2)`` windows) is printed as
elementwise ops over the window's slices, ``np.maximum(x[..., 0, 0], x[..., 0, 1])``
and so on.  NumPy reduces over short, strided inner axes one tiny loop at a time;
the slices are whole ``(N, C, OH, OW)`` arrays, so each op is one long ufunc loop
(the 2x2 max-pool of T5's first layer: ~0.5 ms instead of ~8 ms).  The order of
the terms is NumPy's (and the llvm backend's) order of the entries.

>>> import numpy as np
>>> from sympy.tensor.array.expressions import ArraySymbol
>>> from symgrad.ir.graph import Graph
>>> from symgrad.ir.program import build_program
>>> G = Graph()
>>> x = G.leaf(ArraySymbol("x", (3, 4, 2, 2)))
>>> p = build_program(G, [("value", G.reduce_max(x, (2, 3), keepdims=False))])
>>> unrolled_reduce(p, p.nodes[p.outputs[0][1]], "x", "max")
'np.maximum(np.maximum(np.maximum(x[..., 0, 0], x[..., 0, 1]), x[..., 1, 0]), x[..., 1, 1])'
"""
from __future__ import annotations

import math
from functools import reduce

import numpy as np

__all__ = ["unrolled_reduce", "MAX_UNROLLED"]

#: most entries a reduction unrolls (a 3x3 window); larger ones stay NumPy reductions
MAX_UNROLLED = 9


def unrolled_reduce(program, node, arg: str, how: str) -> str | None:
    """``how`` ("sum" or "max") of ``arg`` over the node's axes as elementwise ops over
    slices, when the argument has three axes or more, the axes are its trailing ones,
    of integer lengths, with 2 to :data:`MAX_UNROLLED` entries in all; else None."""
    axes, keepdims = node.attr
    src = program.nodes[node.args[0]].shape
    rank, k = len(src), len(axes)
    # matrices keep their row and column sums (one call is faster at their sizes)
    if rank < 3 or k == rank or sorted(a % rank for a in axes) != list(range(rank - k, rank)):
        return None
    sizes = src[rank - k:]
    if not all(isinstance(d, int) for d in sizes) or not 2 <= math.prod(sizes) <= MAX_UNROLLED:
        return None
    terms = [f"{arg}[..., {', '.join(str(i) for i in offset)}]" for offset in np.ndindex(*sizes)]
    if how == "sum":
        out = "(" + " + ".join(terms) + ")"
    else:
        out = reduce(lambda a, b: f"np.maximum({a}, {b})", terms)
    return out + "[..., " + ", ".join(["None"] * k) + "]" if keepdims else out
