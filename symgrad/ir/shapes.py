"""Shape rules of the IR: a shape is a tuple of ints and SymPy expressions (``()`` for scalars).

Any rank; a dimension is a Python int or a SymPy expression in dimension
symbols (the batch size ``N``, or ``16*N`` after a reshape).  Broadcasting
follows NumPy: shapes are aligned on the right, missing leading axes and
axes of length 1 repeat.

Examples
--------
>>> import sympy as sp
>>> N = sp.Symbol("N")
>>> broadcast_shapes([(N, 3, 4, 4), (3, 1, 1)])
(N, 3, 4, 4)
>>> reduced_shape((N, 3, 4, 4), (0, 2, 3), keepdims=False), reduced_shape((N, 3, 4, 4), (0, 2, 3))
((3,), (1, 3, 1, 1))
>>> window_shape((N, 3, 5, 5), (3, 3), (2, 2))
(N, 3, 2, 2, 3, 3)
"""
from __future__ import annotations

from typing import Any, Iterable, Sequence

import sympy as sp

__all__ = ["Shape", "broadcast_shapes", "try_broadcast", "dims", "normalize_axes",
           "reduced_shape", "permuted_shape", "check_reshape", "padded_shape", "window_shape"]

Shape = tuple


def try_broadcast(shapes: Iterable[Shape]) -> Shape | None:
    """The NumPy broadcast of ``shapes`` (right-aligned), or None if they do not broadcast."""
    out: Shape = ()
    for s in shapes:
        if s == () or s == out:
            continue
        if out == ():
            out = tuple(s)
            continue
        rank = max(len(s), len(out))
        a_s = (1,) * (rank - len(out)) + tuple(out)
        b_s = (1,) * (rank - len(s)) + tuple(s)
        merged = []
        for a, b in zip(a_s, b_s):
            if a == b or b == 1:
                merged.append(a)
            elif a == 1:
                merged.append(b)
            else:
                return None
        out = tuple(merged)
    return out


def broadcast_shapes(shapes: Iterable[Shape], culprit: Any = None) -> Shape:
    """Elementwise result shape, NumPy rules: scalars, missing leading axes and
    length-1 axes broadcast.  Raises ``ValueError`` naming ``culprit`` otherwise."""
    shapes = list(shapes)
    out = try_broadcast(shapes)
    if out is None:
        shown = ", ".join(str(s) for s in shapes)
        raise ValueError(f"shapes {shown} do not broadcast in {culprit}")
    return out


def dims(shape) -> Shape:
    """A SymPy shape with integer entries as Python ints (symbols stay symbols)."""
    return tuple(int(d) if isinstance(d, int) or getattr(d, "is_Integer", False) else d
                 for d in shape)


def normalize_axes(axes: int | Sequence[int] | None, rank: int, culprit: Any = None) -> tuple[int, ...]:
    """Sorted, distinct, non-negative axes; None means every axis."""
    if axes is None:
        return tuple(range(rank))
    if isinstance(axes, int):
        axes = (axes,)
    out = []
    for a in axes:
        if not isinstance(a, int) or not -rank <= a < rank:
            raise ValueError(f"axis {a!r} is out of range for rank {rank} in {culprit}")
        out.append(a % rank)
    if len(set(out)) != len(out):
        raise ValueError(f"repeated axis in {tuple(axes)} in {culprit}")
    return tuple(sorted(out))


def reduced_shape(shape: Shape, axes: Sequence[int], keepdims: bool = True) -> Shape:
    """``shape`` after a reduction over ``axes`` (normalized): kept as 1, or dropped."""
    if keepdims:
        return tuple(1 if k in axes else d for k, d in enumerate(shape))
    return tuple(d for k, d in enumerate(shape) if k not in axes)


def permuted_shape(shape: Shape, perm: Sequence[int]) -> Shape:
    """``shape`` with its axes in the order ``perm``; raises unless ``perm`` is a permutation."""
    if sorted(perm) != list(range(len(shape))):
        raise ValueError(f"{tuple(perm)} is not a permutation of the axes of shape {shape}")
    return tuple(shape[p] for p in perm)


def _size(shape: Shape) -> sp.Expr:
    return sp.Mul(*[sp.sympify(d) for d in shape])


def check_reshape(old: Shape, new: Shape) -> Shape:
    """``new`` (as :func:`dims`) if it holds as many entries as ``old``, else ``ValueError``."""
    new = dims(sp.sympify(d) for d in new)
    if sp.expand(_size(old) - _size(new)) != 0:
        raise ValueError(f"cannot reshape shape {old} to {new}: the sizes differ")
    return new


def padded_shape(shape: Shape, widths: Sequence[tuple[int, int]], sign: int = 1) -> Shape:
    """``shape`` with ``(before, after)`` entries added to each axis (``sign=-1`` removes them)."""
    if len(widths) != len(shape):
        raise ValueError(f"pad widths {tuple(widths)} do not match the rank of shape {shape}")
    out = []
    for d, (lo, hi) in zip(shape, widths):
        if not (isinstance(lo, int) and isinstance(hi, int) and lo >= 0 and hi >= 0):
            raise ValueError(f"pad widths must be non-negative ints, got {tuple(widths)}")
        n = d + sign * (lo + hi)
        if isinstance(n, int) and n < 0:
            raise ValueError(f"cannot remove {(lo, hi)} from an axis of length {d}")
        out.append(n)
    return dims(out)


def window_shape(shape: Shape, kernel: Sequence[int], stride: Sequence[int]) -> Shape:
    """Strided windows over the last ``len(kernel)`` axes: ``(..., H, W)`` becomes
    ``(..., OH, OW, KH, KW)`` with ``OH = (H - KH) // SH + 1``.

    The windowed axes must have integer lengths (the output size is then an int).
    """
    k = len(kernel)
    if k == 0 or len(stride) != k or len(shape) < k:
        raise ValueError(f"windows {tuple(kernel)} with stride {tuple(stride)} over shape {shape}")
    lead, spatial = shape[:-k], shape[-k:]
    outs = []
    for d, kk, s in zip(spatial, kernel, stride):
        if not isinstance(d, int):
            raise ValueError(f"windows need integer lengths on the windowed axes; shape {shape} "
                             f"has {d}")
        if not (isinstance(kk, int) and isinstance(s, int) and kk >= 1 and s >= 1):
            raise ValueError(f"kernel {tuple(kernel)} and stride {tuple(stride)} must be positive ints")
        if kk > d:
            raise ValueError(f"kernel {tuple(kernel)} is larger than the axes {spatial} of shape {shape}")
        outs.append((d - kk) // s + 1)
    return tuple(lead) + tuple(outs) + tuple(kernel)
