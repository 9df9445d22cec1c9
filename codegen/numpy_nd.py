"""NumPy printing of the matrix and n-D array ops: :class:`ArrayPrinting`, the
``_print_<Op>`` cases of :class:`~symgrad.codegen.numpy.NumPyPrinter` for GEMMs,
reductions, movement ops and windows, and what they need beyond one line.

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
import sympy as sp

__all__ = ["ArrayPrinting", "unrolled_reduce", "MAX_UNROLLED"]

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


class ArrayPrinting:
    """The array ops' cases of the NumPy printer (a mixin: the printer provides
    ``program``, ``ids``, ``dtype``, ``helpers``, ``symbol_of`` and ``_rows``)."""

    def _helper(self, name: str) -> None:
        """Print the helper function ``name`` (:data:`~.numpy_helpers.HELPERS`) once."""
        if name not in self.helpers:
            self.helpers.append(name)

    def _dim(self, d) -> str:
        """A dimension as Python: an int, a dimension's identifier, or an
        expression in them (``16*N`` after a reshape)."""
        if isinstance(d, int):
            return str(d)
        if isinstance(d, sp.Symbol):
            return self.ids[str(d)]
        return str(d.xreplace({s: sp.Symbol(self.ids[str(s)]) for s in d.free_symbols}))

    def _shape(self, shape) -> str:
        parts = [self._dim(d) for d in shape]
        return f"({parts[0]},)" if len(parts) == 1 else "(" + ", ".join(parts) + ")"

    def _print_ImmutableDenseMatrix(self, node, args):
        return f"np.array({self._rows(node.attr)}, dtype=np.{self.dtype})"

    def _print_MatMul(self, node, args):
        return f"{args[0]} @ {args[1]}"

    def _print_Transpose(self, node, args):
        return f"{args[0]}.T"

    def _print_Sum(self, node, args):
        return f"{args[0]}.sum()"

    def _print_ReduceSum(self, node, args):
        axes, keepdims = node.attr
        return unrolled_reduce(self.program, node, args[0], "sum") or \
            f"{args[0]}.sum(axis={_axes(axes)}, keepdims={keepdims})"

    def _print_RowMax(self, node, args):
        return f"{args[0]}.max(axis=1, keepdims=True)"

    # -- n-D arrays (symgrad.ir.movement) ----------------------------------------
    def _print_ReduceMax(self, node, args):
        axes, keepdims = node.attr
        return unrolled_reduce(self.program, node, args[0], "max") or \
            f"{args[0]}.max(axis={_axes(axes)}, keepdims={keepdims})"

    def _print_Permute(self, node, args):
        return f"{args[0]}.transpose({node.attr})"

    def _print_Reshape(self, node, args):
        return f"{args[0]}.reshape({self._shape(node.shape)})"

    def _print_Pad(self, node, args):
        return f"np.pad({args[0]}, {node.attr})"

    def _print_Shrink(self, node, args):
        index = ", ".join(f"{lo or ''}:{-hi if hi else ''}" for lo, hi in node.attr)
        return f"{args[0]}[{index}]"

    def _print_Windows(self, node, args):
        kernel, stride = node.attr
        k = len(kernel)
        axes = tuple(range(-k, 0))
        view = f"np.lib.stride_tricks.sliding_window_view({args[0]}, {kernel}, axis={axes})"
        if all(s == 1 for s in stride):
            return view
        # the windows start every stride entries on the windowed axes
        return view + "[" + "..., " + ", ".join(f"::{s}" for s in stride) + ", " + \
            ", ".join(":" for _ in kernel) + "]"

    def _print_FoldWindows(self, node, args):
        self._helper("fold_windows")
        kernel, stride, spatial = node.attr
        return f"fold_windows({args[0]}, {kernel}, {stride}, {spatial})"

    def _print_BroadcastTo(self, node, args):
        src = self.program.nodes[node.args[0]]
        if src.op is sp.Number:
            # a float, so no integer array appears (2*ones would be int64, and a later
            # in-place product into its buffer could not hold a float)
            return f"np.broadcast_to({float(src.attr)!r}, {self._shape(node.shape)})"
        return f"np.broadcast_to({args[0]}, {self._shape(node.shape)})"

    def _print_OneHot(self, node, args):
        self._helper("onehot")
        # the error names the argument as the caller passed it, not its identifier
        return f"onehot({args[0]}, {node.attr}, {self.symbol_of.get(node.args[0], args[0])!r})"


def _axes(axes: tuple[int, ...]) -> str:
    return str(axes[0]) if len(axes) == 1 else str(axes)
