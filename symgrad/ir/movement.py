"""n-D array ops of the IR: movement ops, a max reduction and strided windows.

tinygrad's design, kept small: every n-D operation a network needs is one of
a few movement ops (:class:`Permute`, :class:`Reshape`, :class:`Pad` and its
inverse :class:`Shrink`; ``BroadcastTo`` lives in :mod:`.arrays`), a
reduction over a set of axes (``ReduceSum`` and :class:`ReduceMax`), or
:class:`Windows`, the strided view ``(N, C, H, W) -> (N, C, OH, OW, KH, KW)``
whose adjoint is the overlap-add :class:`FoldWindows` (and the other way
round).  Convolution is ``Windows`` + ``Permute``/``Reshape`` + ``MatMul``
(im2col, so the GEMM still goes to BLAS); pooling is a reduction over the
window axes.

Each class is the op identity of its graph nodes (``node.op``), declared with
its shape rule and flags in :mod:`.ops_array`; the node's
``attr`` holds the static parameters (see :data:`ATTRS`), and the classes
print, so derived formulas can show them:

>>> import sympy as sp
>>> X = sp.tensor.array.expressions.ArraySymbol("X", (2, 3, 4))
>>> print(Permute(X, (2, 0, 1)), Windows(X, ((2,), (1,))))
permute(X, (2, 0, 1)) windows(X, ((2,), (1,)))
"""
from __future__ import annotations

from typing import Any, Sequence

import sympy as sp

__all__ = ["ArrayOp", "Permute", "Reshape", "ReduceMax", "Pad", "Shrink", "Windows",
           "FoldWindows"]


def _to_sympy(attr: Any) -> sp.Basic:
    if isinstance(attr, (tuple, list)):
        return sp.Tuple(*(_to_sympy(a) for a in attr))
    if isinstance(attr, bool):
        return sp.true if attr else sp.false
    return sp.sympify(attr)


def _from_sympy(obj: sp.Basic) -> Any:
    if isinstance(obj, sp.Tuple):
        return tuple(_from_sympy(a) for a in obj)
    if obj is sp.true or obj is sp.false:
        return bool(obj)
    return int(obj) if getattr(obj, "is_Integer", False) else obj


class ArrayOp(sp.Expr):
    """An n-D array op applied to one array: ``Op(X, attr)``, printed ``op(X, attr)``.

    ``attr`` is the node's static parameter as Python data (ints, tuples of
    ints, bools); it is stored as a SymPy ``Tuple`` so the expression hashes.
    """

    _name = "array_op"

    def __new__(cls, X: sp.Basic, attr: Any):
        return super().__new__(cls, X, _to_sympy(attr))

    @property
    def attr(self) -> Any:
        return _from_sympy(self.args[1])

    @staticmethod
    def _format_attr(attr: Any) -> str:
        return str(attr)

    def _sympystr(self, printer) -> str:
        return f"{self._name}({printer._print(self.args[0])}, {self._format_attr(self.attr)})"

    @classmethod
    def _symgrad_rebuild(cls, node, args) -> sp.Basic:
        """The SymPy expression of a graph node of this op (see ``frontend.to_sympy``)."""
        return cls(args[0], node.attr)

    @classmethod
    def _symgrad_format(cls, node, args: Sequence[str]) -> str:
        """One line of a program listing."""
        return f"{cls._name}({args[0]}, {cls._format_attr(node.attr)})"


class Permute(ArrayOp):
    """Axes in a new order: ``attr`` is the permutation (``np.transpose(X, perm)``)."""

    _name = "permute"


class Reshape(ArrayOp):
    """The same entries in C order under a new shape: ``attr`` is the shape."""

    _name = "reshape"


class ReduceMax(ArrayOp):
    """Maximum over a set of axes: ``attr`` is ``(axes, keepdims)``.

    Its adjoint goes to the maxima; ties share it equally (as ``torch.amax``).
    """

    _name = "reduce_max"


class Pad(ArrayOp):
    """Zero padding: ``attr`` holds ``(before, after)`` per axis (``np.pad``)."""

    _name = "pad"


class Shrink(ArrayOp):
    """The inverse of :class:`Pad`: drops ``(before, after)`` entries per axis (a slice)."""

    _name = "shrink"


class Windows(ArrayOp):
    """Strided windows over the last ``k`` axes: ``attr`` is ``(kernel, stride)``.

    ``(..., H, W) -> (..., OH, OW, KH, KW)`` with ``OH = (H - KH) // SH + 1``:
    entry ``[..., i, j, p, q]`` is ``X[..., i*SH + p, j*SW + q]``.
    """

    _name = "windows"


class FoldWindows(ArrayOp):
    """Overlap-add of windows back into the array they came from, the adjoint
    of :class:`Windows`: ``attr`` is ``(kernel, stride, spatial)`` with
    ``spatial`` the lengths of the windowed axes (``(H, W)``)."""

    _name = "fold_windows"
