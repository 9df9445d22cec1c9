"""Convolution layers: :class:`Conv2d`, as ``torch.nn.Conv2d``.

The layer builds ``conv2d(X, K, stride, padding) + b``
(:class:`~symgrad.frontend.arrays.Conv2D`), with the kernel ``K<name>`` of
shape ``(out_ch, in_ch, KH, KW)`` and the bias ``b<name>`` of shape
``(out_ch, 1, 1)`` (it broadcasts over the batch and the image; the
compiled step also takes it as ``(out_ch,)``, torch's shape).

Examples
--------
>>> from symgrad import nn
>>> X = nn.input("X", (1, 8, 8))
>>> conv = nn.Conv2d(1, 4, 3, padding=1, name="1")
>>> print(conv(X))
b1 + conv2d(X, K1, stride=1, padding=1)
>>> conv.parameters(), conv.K.shape
([K1, b1], (4, 1, 3, 3))
"""
from __future__ import annotations

import numpy as np
import sympy as sp
from sympy.tensor.array.expressions import ArraySymbol

from .._checks import positive_int
from ..frontend.arrays import Conv2D, conv2d_shape, pair, shape_of, show_pair
from .init import fans
from .layer import NamedLayer

__all__ = ["Conv2d"]


class Conv2d(NamedLayer):
    """A 2-D convolution (cross-correlation, as torch) of an ``(N, C, H, W)`` batch.

    Parameters
    ----------
    in_ch, out_ch : int
        Channels of the input and of the output.
    kernel_size, stride, padding : int or (int, int)
        The window, its step and the zeros added on each side of the image.
    bias : bool
        Add a per-channel bias ``b<name>`` of shape ``(out_ch, 1, 1)``.
    name : str, optional
        Names the parameters ``K<name>``, ``b<name>``; without it, the place
        in a :class:`~symgrad.nn.Sequential`.

    Raises
    ------
    TypeError
        A size that is not an int (``3.5``, ``"3"``, ``True``).
    ValueError
        A size below 1 (a stride of 0) or a negative padding; when called, an
        input whose shape does not fit (a channel mismatch, a kernel larger
        than the padded image), naming the layer and both shapes.

    Examples
    --------
    >>> from symgrad import nn
    >>> nn.Conv2d(3, 8, (3, 5), stride=2, name="c").K.shape
    (8, 3, 3, 5)
    >>> nn.Conv2d(2, 4, 3, name="c")(nn.input("X", (3, 8, 8)))
    Traceback (most recent call last):
        ...
    ValueError: Conv2d(2, 4, 3, name='c'): the input of shape (N, 3, 8, 8) has 3 channels but ...
    """

    def __init__(self, in_ch: int, out_ch: int, kernel_size: int | tuple[int, int],
                 stride: int | tuple[int, int] = 1, padding: int | tuple[int, int] = 0,
                 bias: bool = True, name: str | None = None):
        self.in_ch = positive_int(in_ch, "in_ch", "Conv2d")
        self.out_ch = positive_int(out_ch, "out_ch", "Conv2d")
        self.kernel_size = pair(kernel_size, "kernel_size", "Conv2d")
        self.stride = pair(stride, "stride", "Conv2d")
        self.padding = pair(padding, "padding", "Conv2d", minimum=0)
        if not isinstance(bias, (bool, np.bool_)):
            raise TypeError(f"Conv2d: bias must be a bool, not {type(bias).__name__} {bias!r}")
        self.bias = bool(bias)
        self.name = None if name is None else str(name)

    @property
    def K(self) -> ArraySymbol:
        """The kernel, ``(out_ch, in_ch, KH, KW)``."""
        return ArraySymbol(f"K{self._label()}", (self.out_ch, self.in_ch, *self.kernel_size))

    @property
    def b(self) -> ArraySymbol | None:
        """The bias, ``(out_ch, 1, 1)``, or None without one."""
        return ArraySymbol(f"b{self._label()}", (self.out_ch, 1, 1)) if self.bias else None

    def parameters(self) -> list[ArraySymbol]:
        return [self.K] + ([self.b] if self.bias else [])

    def weights(self) -> list[ArraySymbol]:
        return [self.K]

    def biases(self) -> list[ArraySymbol]:
        return [self.b] if self.bias else []

    def initializers(self) -> dict:
        # torch's Conv2d.reset_parameters: kaiming_uniform_(a=sqrt(5)) is uniform in
        # +-1/sqrt(fan_in), and the bias is uniform in the same bound
        bound = 1.0 / np.sqrt(fans(self.K.shape)[0])
        return {p: _uniform(bound, tuple(int(d) for d in p.shape)) for p in self.parameters()}

    def output_shape(self, input_shape: tuple) -> tuple:
        """``(N, out_ch, OH, OW)`` for an input of ``input_shape``; raises as the call does."""
        return conv2d_shape(tuple(input_shape), tuple(int(d) for d in self.K.shape), self.stride,
                            self.padding, repr(self))

    def __call__(self, x: sp.Basic) -> sp.Basic:
        self._check_placed()
        self.output_shape(shape_of(x))
        out = Conv2D(x, self.K, self.stride, self.padding)
        return out + self.b if self.bias else out

    def __repr__(self) -> str:
        extra = "".join(f", {k}={show_pair(v)}"
                        for k, v, d in (("stride", self.stride, 1), ("padding", self.padding, 0))
                        if v != (d, d))
        return (f"Conv2d({self.in_ch}, {self.out_ch}, {show_pair(self.kernel_size)}{extra}"
                f"{'' if self.bias else ', bias=False'}{self._name_arg()})")


def _uniform(bound: float, shape: tuple[int, ...]):
    return lambda rng, dtype: rng.uniform(-bound, bound, shape).astype(dtype)
