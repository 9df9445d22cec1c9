"""The array builders of :class:`~symgrad.ir.graph.Graph`: n-D shapes, any rank.

A mixin, so ``graph.py`` keeps the DAG and its scalar algebra and this file
keeps the shape-aware ops: matrix product, transpose and permutation,
reshape, broadcast and its undoing, reductions over sets of axes, padding
and strided windows.  Each builder checks shapes (a ``ValueError`` names
them), drops identities (a permutation that moves nothing, a reduction over
length-1 axes) and interns the node with its static parameters in ``attr``.

Two-dimensional programs get the nodes they always had (``Transpose``, and
``ReduceSum`` over one kept axis, which the llvm backend fuses as row or
column sums); other ranks get :mod:`.movement` ops.

Examples
--------
>>> import sympy as sp
>>> from symgrad.ir.graph import Graph
>>> N = sp.Symbol("N")
>>> G = Graph()
>>> x = G.leaf(sp.tensor.array.expressions.ArraySymbol("x", (N, 3, 4, 4)))
>>> b = G.leaf(sp.tensor.array.expressions.ArraySymbol("b", (3, 1, 1)))
>>> y = G.add(x, b)                                 # a per-channel bias on NCHW
>>> G.nodes[G.sum_to_shape(y, (3, 1, 1))].shape    # and its gradient's shape
(3, 1, 1)
>>> G.nodes[G.reduce_sum(y, (0, 2, 3), keepdims=False)].shape
(3,)
>>> G.nodes[G.windows(x, (3, 3), (1, 1))].shape
(N, 3, 2, 2, 3, 3)
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

import sympy as sp

from . import ops_array  # noqa: F401  (declares the array ops and their shape rules)
from .arrays import BroadcastTo, ReduceSum, Sum
from .movement import FoldWindows, Pad, Permute, ReduceMax, Reshape, Shrink, Windows
from .opdef import REGISTRY
from .shapes import (Shape, check_reshape, normalize_axes, padded_shape, permuted_shape,
                     reduced_shape, try_broadcast)

if TYPE_CHECKING:
    from .graph import Node

__all__ = ["ArrayBuilders"]


class ArrayBuilders:
    """Shape-aware builders mixed into :class:`~symgrad.ir.graph.Graph`."""

    nodes: list[Node]

    def intern(self, op, args=(), attr=None, shape=None) -> int:   # provided by Graph
        raise NotImplementedError

    def _shape(self, a: int) -> Shape:
        return self.nodes[a].shape

    def array_op(self, op: type, args: tuple[int, ...], attr=None) -> int:
        """``op(*args)`` with ``attr``, sized by the op's declared shape rule (:mod:`.ops_array`)."""
        shape = REGISTRY[op].shape(tuple(self._shape(a) for a in args), attr)
        return self.intern(op, args, attr, shape)

    # -- matrices -----------------------------------------------------------
    def matmul(self, a: int, b: int) -> int:
        return self.array_op(sp.MatMul, (a, b))

    def transpose(self, a: int, perm: Sequence[int] | None = None) -> int:
        """Axes reversed (``perm`` None) or in the order ``perm``; a matrix gets ``Transpose``."""
        shape = self._shape(a)
        perm = tuple(range(len(shape)))[::-1] if perm is None else tuple(perm)
        permuted_shape(shape, perm)     # checks that perm is a permutation
        if perm == tuple(range(len(shape))):
            return a
        node = self.nodes[a]
        if len(shape) == 2:
            if node.op is sp.Transpose:
                return node.args[0]
            return self.array_op(sp.Transpose, (a,))
        if node.op is Permute:      # compose: one view, not two
            inner = node.attr
            return self.transpose(node.args[0], tuple(inner[p] for p in perm))
        return self.array_op(Permute, (a,), perm)

    def reshape(self, a: int, shape: Shape) -> int:
        """The entries of ``a`` in C order under ``shape`` (same size)."""
        shape = check_reshape(self._shape(a), shape)
        if shape == self._shape(a):
            return a
        node = self.nodes[a]
        if node.op is Reshape:
            a = node.args[0]
            if self._shape(a) == shape:
                return a
        return self.intern(Reshape, (a,), shape, shape)

    # -- broadcasting -------------------------------------------------------
    def broadcast_to(self, a: int, shape: Shape) -> int:
        have = self._shape(a)
        if have == shape:
            return a
        return self.array_op(BroadcastTo, (a,), tuple(shape))

    def sum_to_shape(self, a: int, shape: Shape) -> int:
        """Undo broadcasting: sum ``a`` over the axes that ``shape`` lacks or has as 1."""
        have = self._shape(a)
        if shape == ():
            return self.reduce_sum(a, None)
        lead = len(have) - len(shape)
        if lead < 0 or try_broadcast([shape, have]) != have:
            raise ValueError(f"an adjoint of shape {have} does not reduce to shape {shape}")
        if lead:
            a = self.reduce_sum(a, tuple(range(lead)), keepdims=False)
        axes = tuple(k for k, d in enumerate(shape) if d == 1 and have[lead + k] != 1)
        if len(shape) == 2:
            # one axis at a time: the llvm backend fuses row sums and column sums
            for axis in axes:
                a = self.reduce_sum(a, axis)
        elif axes:
            a = self.reduce_sum(a, axes)
        return a

    # -- reductions ---------------------------------------------------------
    def _reduce(self, op: type, a: int, axes, keepdims: bool) -> int:
        shape = self._shape(a)
        axes = normalize_axes(axes, len(shape), op.__name__)
        if not axes:
            return a
        out = reduced_shape(shape, axes, keepdims)
        if all(shape[k] == 1 for k in axes):
            return a if keepdims else self.reshape(a, out)
        return self.array_op(op, (a,), (axes, bool(keepdims)))

    def reduce_sum(self, a: int, axes: int | Sequence[int] | None, keepdims: bool = True) -> int:
        """Sum over ``axes`` (kept as length 1 unless ``keepdims=False``); None sums
        everything to a scalar (``Sum``)."""
        if not self._shape(a):
            return a
        if axes is None:
            return self.array_op(Sum, (a,))
        return self._reduce(ReduceSum, a, axes, keepdims)

    def reduce_max(self, a: int, axes: int | Sequence[int] | None, keepdims: bool = True) -> int:
        """Maximum over ``axes`` (None: every axis); differentiable (see :class:`ReduceMax`)."""
        if not self._shape(a):
            return a
        return self._reduce(ReduceMax, a, axes, keepdims)

    def unreduce(self, g: int, shape: Shape, axes: Sequence[int], keepdims: bool) -> int:
        """A reduction's result (or adjoint) ``g`` repeated back to the reduced ``shape``."""
        if not keepdims:
            g = self.reshape(g, reduced_shape(shape, axes, True))
        return self.broadcast_to(g, shape)

    # -- padding and windows ------------------------------------------------
    def pad(self, a: int, widths: Sequence[tuple[int, int]]) -> int:
        """Zeros added ``(before, after)`` on each axis."""
        widths = tuple((int(lo), int(hi)) for lo, hi in widths)
        padded_shape(self._shape(a), widths)      # checks the widths, even when all are 0
        if not any(lo or hi for lo, hi in widths):
            return a
        return self.array_op(Pad, (a,), widths)

    def shrink(self, a: int, widths: Sequence[tuple[int, int]]) -> int:
        """``(before, after)`` entries removed from each axis: the inverse of :meth:`pad`."""
        widths = tuple((int(lo), int(hi)) for lo, hi in widths)
        padded_shape(self._shape(a), widths, sign=-1)
        if not any(lo or hi for lo, hi in widths):
            return a
        return self.array_op(Shrink, (a,), widths)

    def windows(self, a: int, kernel: Sequence[int], stride: Sequence[int] | None = None) -> int:
        """Strided windows over the last ``len(kernel)`` axes (see :class:`Windows`)."""
        kernel = tuple(kernel)
        stride = tuple(stride) if stride is not None else (1,) * len(kernel)
        return self.array_op(Windows, (a,), (kernel, stride))

    def fold_windows(self, g: int, kernel: Sequence[int], stride: Sequence[int],
                     spatial: Sequence[int]) -> int:
        """Overlap-add windows ``(..., OH, OW, KH, KW)`` into ``(..., *spatial)``."""
        return self.array_op(FoldWindows, (g,), (tuple(kernel), tuple(stride), tuple(spatial)))
