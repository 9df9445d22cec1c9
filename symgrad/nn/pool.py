"""Pooling layers, :class:`MaxPool2d` and :class:`AvgPool2d`, as torch's, and
:class:`Flatten`, from images to the rows that dense layers and losses take.

Max-pooling sends each window's adjoint to its first maximum in row-major
order, as ``torch.nn.functional.max_pool2d`` does: after a ReLU many windows
are all zeros, and the whole network's gradient equals torch's only with
torch's rule for ties (``docs/architecture-nd.md``).

Examples
--------
>>> from symgrad import nn
>>> X = nn.input("X", (2, 6, 6))
>>> print(nn.MaxPool2d(2)(X), nn.AvgPool2d(3, stride=1)(X))
max_pool2d(X, 2) avg_pool2d(X, 3, stride=1)
>>> nn.Flatten()(nn.MaxPool2d(2)(X)).shape
(N, 18)
"""
from __future__ import annotations

import sympy as sp

from ..frontend.arrays import (AvgPool2D, Flatten as _Flatten, MaxPool2D, pair, pool2d_shape, shape_of,
                               show_pair)
from .modules import Module

__all__ = ["MaxPool2d", "AvgPool2d", "Flatten"]


class _Pool2d(Module):
    op: type = MaxPool2D

    def __init__(self, kernel_size: int | tuple[int, int], stride: int | tuple[int, int] | None = None):
        where = type(self).__name__
        self.kernel_size = pair(kernel_size, "kernel_size", where)
        self.stride = self.kernel_size if stride is None else pair(stride, "stride", where)

    def output_shape(self, input_shape: tuple) -> tuple:
        """``(N, C, OH, OW)`` for an input of ``input_shape``; raises naming the layer."""
        return pool2d_shape(tuple(input_shape), self.kernel_size, self.stride, repr(self))

    def __call__(self, x: sp.Basic) -> sp.Basic:
        self.output_shape(shape_of(x))
        return self.op(x, self.kernel_size, self.stride)

    def __repr__(self) -> str:
        extra = "" if self.stride == self.kernel_size else f", stride={show_pair(self.stride)}"
        return f"{type(self).__name__}({show_pair(self.kernel_size)}{extra})"


class MaxPool2d(_Pool2d):
    """Window maxima over ``kernel_size`` windows of an ``(N, C, H, W)`` batch, moved by
    ``stride`` (default: the window, so windows do not overlap).

    Examples
    --------
    >>> from symgrad import nn
    >>> MaxPool2d(3, stride=2).output_shape((5, 4, 9, 7))
    (5, 4, 4, 3)
    >>> MaxPool2d(4)(nn.input("X", (1, 3, 3)))
    Traceback (most recent call last):
        ...
    ValueError: MaxPool2d(4): the window 4x4 is larger than the image 3x3 of the input of shape (N, 1, 3, 3)
    """

    op = MaxPool2D


class AvgPool2d(_Pool2d):
    """Window means over ``kernel_size`` windows (no padding), as ``torch.nn.AvgPool2d``."""

    op = AvgPool2D


class Flatten(Module):
    """``(N, C, H, W) -> (N, C*H*W)`` in C order, as ``torch.nn.Flatten()``: a matrix,
    so :class:`~symgrad.nn.Dense` and the losses of :mod:`symgrad.losses` follow."""

    def __call__(self, x: sp.Basic) -> sp.MatrixExpr:
        return _Flatten(x)

    def __repr__(self) -> str:
        return "Flatten()"
