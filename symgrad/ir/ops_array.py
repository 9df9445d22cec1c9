"""The array ops: matrix products, reductions, movement ops and constant matrices.

One declaration each, as :mod:`symgrad.ir.ops_scalar` declares the entrywise
ops.  Read a line as "this class is an array op; its result has this shape;
it only moves entries (``movement``), NumPy gives a view of its argument
(``view``), it reduces axes (``reduction``) or is a BLAS product (``gemm``);
the fused 2-D llvm schedule places it so (``llvm_2d``, a kind of
``codegen/llvm/fusion.py``) and the n-D loop nests emit it with this handler
(``llvm_nd``, a name of ``codegen/llvm/nd.py``) -- or refuse it, saying why".
The NumPy printer has a ``_print_<Name>`` method for each.  The shape rules
are what the graph's builders (:mod:`symgrad.ir.builders`) size their nodes
with; the vector-Jacobian rules are in :mod:`symgrad.autodiff.array_rules`.

>>> import sympy as sp
>>> from symgrad.ir.ops import REGISTRY
>>> d = REGISTRY[sp.MatMul]
>>> d.shape(((4, 3), (3, 2)), None), d.gemm, d.llvm_2d, d.llvm_nd
((4, 2), True, 'gemm', 'gemm')
"""
from __future__ import annotations

from typing import Any

import sympy as sp

from .arrays import BroadcastTo, OneHot, ReduceSum, RowMax, Sum
from .movement import FoldWindows, Pad, Permute, ReduceMax, Reshape, Shrink, Windows
from .opdef import defop
from .shapes import (Shape, check_reshape, dims, padded_shape, permuted_shape, reduced_shape,
                     try_broadcast, window_shape)

__all__: list[str] = []

A = {"arity": 1, "elementwise": False}
#: why the fused 2-D schedule sends a program with this op to the n-D loop nests
ND_ONLY = {"refused": ("llvm-2d",), "why": "an n-D op: its programs run in the n-D loop nests"}


# -- shape rules: (argument shapes, attr) -> result shape ---------------------------------------
def _matmul(shapes: tuple[Shape, ...], attr: Any) -> Shape:
    sa, sb = shapes
    if len(sa) != 2 or len(sb) != 2 or sa[1] != sb[0]:
        raise ValueError(f"matrix product of shapes {sa} and {sb}")
    return (sa[0], sb[1])


def _transpose(shapes, attr) -> Shape:
    return tuple(shapes[0])[::-1]


def _reduce(shapes, attr) -> Shape:
    axes, keepdims = attr
    return reduced_shape(shapes[0], axes, keepdims)


def _broadcast(shapes, attr) -> Shape:
    if try_broadcast([shapes[0], attr]) != tuple(attr):
        raise ValueError(f"cannot broadcast shape {shapes[0]} to {attr}")
    return tuple(attr)


def _fold(shapes, attr) -> Shape:
    kernel, stride, spatial = attr
    shape = shapes[0]
    lead = shape[:len(shape) - 2 * len(kernel)]
    if window_shape(lead + spatial, kernel, stride) != shape:
        raise ValueError(f"windows of shape {shape} do not come from kernel {kernel}, "
                         f"stride {stride} over {spatial}")
    return lead + spatial


# -- matrices ----------------------------------------------------------------------------------
defop(sp.MatMul, 2, elementwise=False, shape=_matmul, gemm=True, llvm_2d="gemm", llvm_nd="gemm")
# a transpose read only by products is the GEMM's flag (fusion's "view"), else a transposed load
defop(sp.Transpose, **A, shape=_transpose, movement=True, view=True, llvm_2d="view",
      llvm_nd="permute")
defop(sp.ImmutableDenseMatrix, 0, elementwise=False, leaf=True,
      shape=lambda shapes, attr: dims(attr.shape), llvm_2d="leaf", llvm_nd="constant")
# class labels are checked before the kernel runs: by the 2-D kernel itself, by the
# n-D call path (which needs them to be an argument, see codegen/llvm/nd_kernel.py)
defop(OneHot, **A, shape=lambda shapes, attr: (shapes[0][0], attr), llvm_2d="region",
      llvm_nd="onehot")

# -- broadcasting and reductions ---------------------------------------------------------------------
defop(BroadcastTo, **A, shape=_broadcast, movement=True, view=True, llvm_2d="region",
      llvm_nd="broadcast")
defop(Sum, **A, shape=lambda shapes, attr: (), reduction=True, llvm_2d="region", llvm_nd="reduce")
defop(ReduceSum, **A, shape=_reduce, reduction=True, llvm_2d="region", llvm_nd="reduce")
defop(RowMax, **A, shape=lambda shapes, attr: (shapes[0][0], 1), reduction=True, llvm_2d="region",
      llvm_nd="reduce")
defop(ReduceMax, **A, shape=_reduce, reduction=True, llvm_nd="reduce", **ND_ONLY)

# -- movement ops and windows (symgrad.ir.movement) ------------------------------------------------
defop(Permute, **A, shape=lambda shapes, attr: permuted_shape(shapes[0], attr), movement=True,
      view=True, llvm_nd="permute", **ND_ONLY)
defop(Reshape, **A, shape=lambda shapes, attr: check_reshape(shapes[0], attr), movement=True,
      view=True, llvm_nd="reshape", **ND_ONLY)
defop(Pad, **A, shape=lambda shapes, attr: padded_shape(shapes[0], attr), movement=True,
      llvm_nd="pad", **ND_ONLY)
defop(Shrink, **A, shape=lambda shapes, attr: padded_shape(shapes[0], attr, sign=-1),
      movement=True, view=True, llvm_nd="shrink", **ND_ONLY)
defop(Windows, **A, shape=lambda shapes, attr: window_shape(shapes[0], *attr), movement=True,
      view=True, llvm_nd="windows", **ND_ONLY)
defop(FoldWindows, **A, shape=_fold, llvm_nd="fold", **ND_ONLY)
