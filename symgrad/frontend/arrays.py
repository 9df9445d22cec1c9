"""symgrad's n-D SymPy classes: convolution, pooling, flattening, batch normalization.

Each class is a node of the user's SymPy DAG that prints the way one writes
it and lowers, here, to the IR's movement ops (:mod:`symgrad.ir.movement`):
no class has a derivative rule of its own, so every reverse rule comes from
the one rule table (:mod:`symgrad.autodiff.array_rules`) and the backends see
only ops they already emit.

* :class:`Conv2D` ``(N, C, H, W) * (O, C, KH, KW) -> (N, O, OH, OW)``: im2col
  (``Pad``, ``Windows``, ``Permute``, ``Reshape``, one ``MatMul``);
* :class:`MaxPool2D`, :class:`AvgPool2D`: a reduction over ``Windows``;
  max-pooling routes each window's adjoint to its *first* maximum in scan
  order, as ``torch.nn.functional.max_pool2d`` does (see :func:`first_max_mask`);
* :class:`Flatten` ``(N, C, H, W) -> (N, C*H*W)``, a matrix, so dense layers
  and the losses follow.

Batch normalization is in :mod:`symgrad.frontend.norm`.

Examples
--------
>>> import sympy as sp
>>> from sympy.tensor.array.expressions import ArraySymbol
>>> N = sp.Symbol("N", integer=True, positive=True)
>>> X, K = ArraySymbol("X", (N, 1, 8, 8)), ArraySymbol("K1", (4, 1, 3, 3))
>>> y = MaxPool2D(Conv2D(X, K, stride=1, padding=1), 2)
>>> print(y, shape_of(y))
max_pool2d(conv2d(X, K1, stride=1, padding=1), 2) (N, 4, 4, 4)
>>> print(Flatten(y), Flatten(y).shape)
flatten(max_pool2d(conv2d(X, K1, stride=1, padding=1), 2)) (N, 64)
"""
from __future__ import annotations

import math
import operator
from typing import Any

import sympy as sp
from sympy.matrices.expressions.matexpr import MatrixExpr
from sympy.tensor.array.expressions import ArraySymbol

from .._checks import sympy_arg
from ..ir.arrays import Sum
from ..ir.graph import Graph, dims
from ..ir.movement import ArrayOp, ReduceMax
from ..ir.ops import REGISTRY
from ..ir.shapes import normalize_axes, try_broadcast
from .lower import register_children, register_lowering
from .lower_matrix import constant_matrix

__all__ = ["ArrayExpr", "Conv2D", "MaxPool2D", "AvgPool2D", "Flatten", "shape_of",
           "conv2d_shape", "pool2d_shape", "pair", "first_max_mask", "show_shape", "show_pair"]


# -- shapes ------------------------------------------------------------------------------
def shape_of(expr: Any) -> tuple:
    """The shape of an array or matrix expression; ``()`` for a scalar.

    Symbols and numbers are scalars; arrays, matrices and the classes here
    know their shape; anything else (``relu(x)``, ``x + b``, ``x*M``) is
    entrywise, with the NumPy broadcast of its operands' shapes.

    >>> x = ArraySymbol("x", (2, 3, 1, 1))
    >>> shape_of(sp.tanh(x) + ArraySymbol("b", (3, 4, 5))), shape_of(sp.Symbol("t"))
    ((2, 3, 4, 5), ())
    >>> from symgrad.tensor import Sum
    >>> shape_of(Sum(x) * x), shape_of(Sum(x))
    ((2, 3, 1, 1), ())
    """
    memo: dict[sp.Basic, tuple] = {}
    stack = [expr]
    while stack:
        e = stack[-1]
        if e in memo:
            stack.pop()
            continue
        if isinstance(e, (ArraySymbol, ArrayExpr, MatrixExpr)):
            memo[e] = dims(e.shape)
        elif isinstance(e, ArrayOp):     # Permute, Reshape, ...: the op's declared shape rule
            if e.args[0] not in memo:
                stack.append(e.args[0])
                continue
            attr, inner = e.attr, memo[e.args[0]]
            if isinstance(e, ReduceMax):    # the shape rule takes axes normalized, as the builder does
                attr = (normalize_axes(attr[0], len(inner), "ReduceMax"), attr[1])
            memo[e] = REGISTRY[type(e)].shape((inner,), attr)
        elif not isinstance(e, sp.Basic) or not e.args or e.is_Number or isinstance(e, Sum):
            memo[e] = ()
        else:
            todo = [a for a in e.args if a not in memo]
            if todo:
                stack.extend(todo)
                continue
            shape = try_broadcast([memo[a] for a in e.args])
            if shape is None:
                raise ValueError(f"{e}: operands of shapes {[memo[a] for a in e.args]} "
                                 f"do not broadcast")
            memo[e] = shape
        stack.pop()
    return memo[expr]


def pair(value: Any, name: str, where: str, minimum: int = 1) -> tuple[int, int]:
    """An int or a pair of ints, each at least ``minimum``, as ``(h, w)``."""
    values = tuple(value) if isinstance(value, (tuple, list, sp.Tuple)) else (value, value)
    if len(values) != 2:
        raise ValueError(f"{where}: {name} must be an int or a pair of ints, got {value!r}")
    out = []
    for v in values:
        try:
            if isinstance(v, bool):
                raise TypeError
            n = operator.index(v)     # int, NumPy and SymPy integers; not 3.0 or "3"
        except TypeError:
            raise TypeError(f"{where}: {name} must be an int or a pair of ints, not "
                            f"{type(v).__name__} {v!r}") from None
        if n < minimum:
            raise ValueError(f"{where}: {name} must be at least {minimum}, got {value!r}")
        out.append(n)
    return out[0], out[1]


def _image(shape: tuple, what: str, where: str) -> tuple:
    if len(shape) != 4:
        raise ValueError(f"{where}: expects a 4-D (N, C, H, W) {what}, got shape {shape}")
    if not all(isinstance(d, int) for d in shape[1:]):
        raise ValueError(f"{where}: the channels, height and width of the {what} must be "
                         f"integers, got shape {shape}")
    return shape


def conv2d_shape(x: tuple, k: tuple, stride: tuple[int, int], padding: tuple[int, int],
                 where: str = "conv2d") -> tuple:
    """``(N, O, OH, OW)`` of ``x (N, C, H, W)`` convolved with ``k (O, C, KH, KW)``.

    Raises
    ------
    ValueError
        Naming ``where`` and both shapes: channels that differ, or a kernel
        larger than the padded image.

    >>> conv2d_shape(("N", 3, 8, 6), (5, 3, 3, 3), (2, 2), (1, 1))
    ('N', 5, 4, 3)
    >>> conv2d_shape(("N", 3, 8, 6), (5, 2, 3, 3), (1, 1), (0, 0), "Conv2d(2, 5, 3)")
    Traceback (most recent call last):
        ...
    ValueError: Conv2d(2, 5, 3): the input of shape (N, 3, 8, 6) has 3 channels but the kernel ...
    """
    x, k = _image(tuple(x), "input", where), _image(tuple(k), "kernel", where)
    if x[1] != k[1]:
        raise ValueError(f"{where}: the input of shape {show_shape(x)} has {x[1]} channels but the "
                         f"kernel of shape {show_shape(k)} expects {k[1]}")
    padded = (x[2] + 2 * padding[0], x[3] + 2 * padding[1])
    if k[2] > padded[0] or k[3] > padded[1]:
        raise ValueError(f"{where}: the kernel {k[2]}x{k[3]} (shape {show_shape(k)}) is larger than "
                         f"the padded image {padded[0]}x{padded[1]} of the input of shape "
                         f"{show_shape(x)} (padding {padding})")
    return (x[0], k[0], (padded[0] - k[2]) // stride[0] + 1, (padded[1] - k[3]) // stride[1] + 1)


def pool2d_shape(x: tuple, kernel: tuple[int, int], stride: tuple[int, int],
                 where: str = "pool2d") -> tuple:
    """``(N, C, OH, OW)`` of pooling ``x (N, C, H, W)`` over ``kernel`` windows.

    >>> pool2d_shape(("N", 3, 8, 6), (2, 2), (2, 2))
    ('N', 3, 4, 3)
    """
    x = _image(tuple(x), "input", where)
    if kernel[0] > x[2] or kernel[1] > x[3]:
        raise ValueError(f"{where}: the window {kernel[0]}x{kernel[1]} is larger than the "
                         f"image {x[2]}x{x[3]} of the input of shape {show_shape(x)}")
    return (x[0], x[1], (x[2] - kernel[0]) // stride[0] + 1, (x[3] - kernel[1]) // stride[1] + 1)


def show_shape(shape: tuple) -> str:
    """``(N, 3, 8, 8)``: a shape as the error messages print it."""
    return "(" + ", ".join(str(d) for d in shape) + ")"


def show_pair(t: tuple[int, int]) -> str:
    """A size pair as the layers and the printed expressions give it: ``3`` for ``(3, 3)``,
    else ``(3, 5)``."""
    return str(t[0]) if t[0] == t[1] else str(t)


# -- declaration classes ------------------------------------------------------------------
class ArrayExpr(sp.Expr):
    """An n-D array expression of a known ``shape`` (entrywise ops keep its order,
    as they do for SymPy's ``ArraySymbol``)."""

    is_commutative = False

    @property
    def shape(self) -> tuple:
        raise NotImplementedError


class Conv2D(ArrayExpr):
    """``conv2d(X, K, stride, padding)``: cross-correlation as ``torch.nn.functional.conv2d``.

    ``X`` is ``(N, C, H, W)``, ``K`` is ``(O, C, KH, KW)``; ``stride`` and
    ``padding`` (zeros) are ints or ``(h, w)`` pairs.  A bias is added
    outside, ``Conv2D(X, K) + b`` with ``b`` of shape ``(O, 1, 1)``.
    """

    def __new__(cls, X, K, stride=1, padding=0):
        X, K = sympy_arg(X, "X", "conv2d"), sympy_arg(K, "K", "conv2d")
        stride, padding = pair(stride, "stride", "conv2d"), pair(padding, "padding", "conv2d", 0)
        conv2d_shape(shape_of(X), shape_of(K), stride, padding)
        return super().__new__(cls, X, K, sp.Tuple(*stride), sp.Tuple(*padding))

    stride = property(lambda self: tuple(int(s) for s in self.args[2]))
    padding = property(lambda self: tuple(int(p) for p in self.args[3]))

    @property
    def shape(self) -> tuple:
        return conv2d_shape(shape_of(self.args[0]), shape_of(self.args[1]), self.stride, self.padding)

    def _sympystr(self, printer) -> str:
        X, K = (printer._print(a) for a in self.args[:2])
        return f"conv2d({X}, {K}, stride={show_pair(self.stride)}, padding={show_pair(self.padding)})"


class _Pool(ArrayExpr):
    _name = "pool2d"

    def __new__(cls, X, kernel_size, stride=None):
        X = sympy_arg(X, "X", cls._name)
        kernel = pair(kernel_size, "kernel_size", cls._name)
        stride = kernel if stride is None else pair(stride, "stride", cls._name)
        pool2d_shape(shape_of(X), kernel, stride, cls._name)
        return super().__new__(cls, X, sp.Tuple(*kernel), sp.Tuple(*stride))

    kernel = property(lambda self: tuple(int(s) for s in self.args[1]))
    stride = property(lambda self: tuple(int(s) for s in self.args[2]))

    @property
    def shape(self) -> tuple:
        return pool2d_shape(shape_of(self.args[0]), self.kernel, self.stride, self._name)

    def _sympystr(self, printer) -> str:
        extra = "" if self.stride == self.kernel else f", stride={show_pair(self.stride)}"
        return f"{self._name}({printer._print(self.args[0])}, {show_pair(self.kernel)}{extra})"


class MaxPool2D(_Pool):
    """``max_pool2d(X, kernel, stride)``: window maxima; the adjoint of a window goes
    to its first maximum in scan order, as in ``torch.nn.functional.max_pool2d``."""

    _name = "max_pool2d"


class AvgPool2D(_Pool):
    """``avg_pool2d(X, kernel, stride)``: window means."""

    _name = "avg_pool2d"


class Flatten(MatrixExpr):
    """``flatten(X)``: ``(N, d1, d2, ...) -> (N, d1*d2*...)`` in C order, as ``torch.flatten(X, 1)``."""

    def __new__(cls, X):
        X = sympy_arg(X, "X", "flatten")
        shape = shape_of(X)
        if len(shape) < 2 or not all(isinstance(d, int) for d in shape[1:]):
            raise ValueError(f"flatten: expects an (N, ...) batch with integer feature axes, "
                             f"got shape {shape}")
        return super().__new__(cls, X)

    @property
    def shape(self) -> tuple:
        s = shape_of(self.args[0])
        return (s[0], math.prod(s[1:]))

    def _sympystr(self, printer) -> str:
        return f"flatten({printer._print(self.args[0])})"


# -- lowering to the IR's movement ops -----------------------------------------------------
@register_children(Conv2D)
def _conv_children(expr):
    return expr.args[:2]


@register_lowering(Conv2D)
def _lower_conv2d(G: Graph, expr: Conv2D, a: list[int]) -> int:
    # im2col: the GEMM (N*OH*OW, C*KH*KW) x (C*KH*KW, O) goes to BLAS; its VJP gives the
    # two GEMMs of the kernel and input gradients, the latter folded back by FoldWindows
    x, k = a
    n, c, h, w = G.nodes[x].shape
    o, _, kh, kw = G.nodes[k].shape
    ph, pw = expr.padding
    x = G.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)))
    win = G.windows(x, (kh, kw), expr.stride)                          # (N, C, OH, OW, KH, KW)
    oh, ow = G.nodes[win].shape[2:4]
    cols = G.reshape(G.transpose(win, (0, 2, 3, 1, 4, 5)), (n * oh * ow, c * kh * kw))
    y = G.matmul(cols, G.transpose(G.reshape(k, (o, c * kh * kw))))
    return G.transpose(G.reshape(y, (n, oh, ow, o)), (0, 3, 1, 2))    # (N, O, OH, OW)


@register_children(MaxPool2D, AvgPool2D)
def _pool_children(expr):
    return expr.args[:1]


def first_max_mask(G: Graph, win: int) -> int:
    """True at the first maximum (in row-major scan order) of each ``(KH, KW)`` window.

    ``win`` is ``(..., KH, KW)``.  Each maximum gets the rank ``KH*KW - p``
    (``p`` its place in the window), every other entry 0; the largest rank
    marks the first maximum.  Comparisons and constants only: no gradient
    flows through the mask.
    """
    kh, kw = G.nodes[win].shape[-2:]
    axes = (-2, -1)
    top = G.reduce_max(win, axes, keepdims=True)
    hit = G.apply(sp.Eq, win, G.broadcast_to(top, G.nodes[win].shape))
    rank = constant_matrix(G, sp.ImmutableDenseMatrix(kh, kw, lambda p, q: kh * kw - (p * kw + q)))
    score = G.where(hit, G.broadcast_to(rank, G.nodes[win].shape), G.zero)
    best = G.reduce_max(score, axes, keepdims=True)
    return G.apply(sp.Eq, score, G.broadcast_to(best, G.nodes[win].shape))


@register_lowering(MaxPool2D)
def _lower_max_pool(G: Graph, expr: MaxPool2D, a: list[int]) -> int:
    # the sum of the window's first maximum (the others masked to 0) is the maximum, and
    # its adjoint goes to that one entry: torch's max_pool2d, where ReduceMax's rule would
    # share it among ties (torch.amax's convention)
    win = G.windows(a[0], expr.kernel, expr.stride)
    if math.prod(expr.kernel) == 1:
        return G.reduce_sum(win, (-2, -1), keepdims=False)
    picked = G.where(first_max_mask(G, win), win, G.zero)
    return G.reduce_sum(picked, (-2, -1), keepdims=False)


@register_lowering(AvgPool2D)
def _lower_avg_pool(G: Graph, expr: AvgPool2D, a: list[int]) -> int:
    win = G.windows(a[0], expr.kernel, expr.stride)
    total = G.reduce_sum(win, (-2, -1), keepdims=False)
    return G.mul(total, G.const(sp.Rational(1, math.prod(expr.kernel))))


@register_lowering(Flatten)
def _lower_flatten(G: Graph, expr: Flatten, a: list[int]) -> int:
    return G.reshape(a[0], dims(expr.shape))
