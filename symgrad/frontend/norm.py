"""Batch normalization as SymPy classes, lowered to the IR's reductions and entrywise ops.

``batch_norm(X, gamma, beta, eps)`` normalizes per feature over the batch
axis of an ``(N, F)`` matrix, or per channel over axes 0, 2, 3 of an
``(N, C, H, W)`` array, with the batch's mean and biased variance (the
"Batch Normalizing Transform" of Ioffe and Szegedy, arXiv:1502.03167); with
``mean`` and ``var`` given, with those (inference).  No derivative rule of its
own: the reverse sweep through the two reductions gives the three-term
formula, and builds nothing larger than the batch.  :func:`batch_mean` and
:func:`batch_var` are the statistics the running averages are updated with;
they lower to the same interned nodes, so a training step computes them once.
"""
from __future__ import annotations

from typing import Any

import sympy as sp
from sympy.matrices.expressions.matexpr import MatrixExpr

from .._checks import sympy_arg
from ..ir.graph import Graph
from .arrays import ArrayExpr, shape_of, show_shape
from .lower import lower, register_children, register_lowering

__all__ = ["BatchNorm", "MatrixBatchNorm", "BatchStat", "MatrixBatchStat", "batch_norm",
           "batch_mean", "batch_var", "stat_shape"]


def stat_shape(x: tuple) -> tuple:
    """The shape of a per-feature statistic (and of batch norm's gamma and beta):
    ``(1, F)`` for an ``(N, F)`` batch, ``(C, 1, 1)`` for ``(N, C, H, W)``.

    >>> stat_shape(("N", 5)), stat_shape(("N", 3, 4, 4))
    ((1, 5), (3, 1, 1))
    """
    if len(x) == 2:
        return (1, x[1])
    if len(x) == 4:
        return (x[1], 1, 1)
    raise ValueError(f"batch statistics need an (N, F) or (N, C, H, W) batch, got shape {x}")


class _BatchNormBase:
    """``batch_norm(X, gamma, beta, eps[, mean, var])``: normalized over the batch
    (and spatial) axes, scaled and shifted per feature."""

    def __new__(cls, X, gamma, beta, eps, mean=None, var=None):
        args = [X, gamma, beta, eps] + ([] if mean is None else [mean, var])
        return super().__new__(cls, *(sympy_arg(a, "argument", "batch_norm") for a in args))

    @property
    def shape(self) -> tuple:
        return shape_of(self.args[0])

    def _sympystr(self, printer) -> str:
        X, gamma, beta, eps = (printer._print(a) for a in self.args[:4])
        running = "" if len(self.args) == 4 else \
            f", mean={printer._print(self.args[4])}, var={printer._print(self.args[5])}"
        return f"batch_norm({X}, {gamma}, {beta}, eps={eps}{running})"


class BatchNorm(_BatchNormBase, ArrayExpr):
    """Batch normalization of an ``(N, C, H, W)`` batch (see :func:`batch_norm`)."""


class MatrixBatchNorm(_BatchNormBase, MatrixExpr):
    """Batch normalization of an ``(N, F)`` batch, a matrix (see :func:`batch_norm`)."""


class _BatchStatBase:
    """``batch_mean(X)`` / ``batch_var(X)`` per feature, of shape :func:`stat_shape`;
    the variance is the biased one that normalization uses."""

    def __new__(cls, X, which):
        which = str(which)
        if which not in ("mean", "var"):
            raise ValueError(f"a batch statistic is 'mean' or 'var', not {which!r}")
        return super().__new__(cls, sympy_arg(X, "X", f"batch_{which}"), sp.Symbol(which))

    @property
    def which(self) -> str:
        return self.args[1].name

    @property
    def shape(self) -> tuple:
        return stat_shape(shape_of(self.args[0]))

    def _sympystr(self, printer) -> str:
        return f"batch_{self.which}({printer._print(self.args[0])})"


class BatchStat(_BatchStatBase, ArrayExpr):
    """A per-channel statistic of an ``(N, C, H, W)`` batch, shape ``(C, 1, 1)``."""


class MatrixBatchStat(_BatchStatBase, MatrixExpr):
    """A per-feature statistic of an ``(N, F)`` batch, shape ``(1, F)``."""


def batch_norm(X: sp.Basic, gamma: sp.Basic, beta: sp.Basic, eps: Any = sp.Rational(1, 10**5),
               mean: sp.Basic | None = None, var: sp.Basic | None = None) -> sp.Basic:
    """``gamma * (X - mu) / sqrt(var + eps) + beta`` per feature.

    Without ``mean`` and ``var``, ``mu`` and ``var`` are the batch's (training
    mode: over axis 0 of an ``(N, F)`` batch, over axes 0, 2, 3 of an
    ``(N, C, H, W)`` one; the biased variance, as torch normalizes); with
    them, those (inference with running statistics).  ``gamma``, ``beta``,
    ``mean`` and ``var`` have shape :func:`stat_shape` of ``X``.

    Examples
    --------
    >>> from symgrad import nn
    >>> X = nn.input("X", 3)
    >>> g, b = sp.MatrixSymbol("gamma", 1, 3), sp.MatrixSymbol("beta", 1, 3)
    >>> print(batch_norm(X, g, b))
    batch_norm(X, gamma, beta, eps=1/100000)
    >>> batch_norm(X, g, b).shape
    (N, 3)
    """
    shape = shape_of(X)
    want = stat_shape(shape)
    for name, p in (("gamma", gamma), ("beta", beta), ("mean", mean), ("var", var)):
        if p is not None and shape_of(p) != want:
            raise ValueError(f"batch_norm: {name} has shape {shape_of(p)}; for an input of "
                             f"shape {show_shape(shape)} it must be {show_shape(want)}")
    if (mean is None) != (var is None):
        raise ValueError("batch_norm: give both mean and var (running statistics) or neither")
    cls = MatrixBatchNorm if len(shape) == 2 else BatchNorm
    return cls(X, gamma, beta, eps, mean, var)


def batch_mean(X: sp.Basic) -> sp.Basic:
    """The per-feature batch mean, of shape :func:`stat_shape` of ``X``."""
    return (MatrixBatchStat if len(stat_shape(shape_of(X))) == 2 else BatchStat)(X, "mean")


def batch_var(X: sp.Basic) -> sp.Basic:
    """The per-feature (biased) batch variance, of shape :func:`stat_shape` of ``X``."""
    return (MatrixBatchStat if len(stat_shape(shape_of(X))) == 2 else BatchStat)(X, "var")



# -- lowering -------------------------------------------------------------------------------
def _stat_axes(shape: tuple) -> tuple[int, ...]:
    return (0,) if len(shape) == 2 else (0, 2, 3)


def _batch_stats(G: Graph, x: int) -> tuple[int, int, int]:
    """``(mean, x - mean, var)`` over the batch (and spatial) axes, kept as length 1.

    Two passes, as torch computes them; the nodes are interned, so a
    normalization and the running-statistic updates that read the same batch
    share them."""
    shape = G.nodes[x].shape
    axes = _stat_axes(shape)
    _, (count,) = lower([sp.Mul(*(shape[k] for k in axes))], G)
    inv = G.pow(count, G.const(-1))
    mean = G.mul(G.reduce_sum(x, axes), inv)
    xc = G.sub(x, mean)
    var = G.mul(G.reduce_sum(G.mul(xc, xc), axes), inv)
    return mean, xc, var


def _as_stat(G: Graph, x: int, s: int) -> int:
    """A statistic kept as ``(1, C, 1, 1)`` reshaped to the parameters' ``(C, 1, 1)``."""
    return G.reshape(s, stat_shape(G.nodes[x].shape))


@register_lowering(BatchNorm, MatrixBatchNorm)
def _lower_batch_norm(G: Graph, expr, a: list[int]) -> int:
    x, gamma, beta, eps = a[:4]
    if len(a) == 4:
        _, xc, var = _batch_stats(G, x)
    else:
        xc, var = G.sub(x, a[4]), a[5]
    xhat = G.mul(xc, G.pow(G.add(var, eps), G.const(sp.Rational(-1, 2))))
    return G.add(G.mul(xhat, gamma), beta)


@register_children(BatchStat, MatrixBatchStat)
def _stat_children(expr):
    return expr.args[:1]


@register_lowering(BatchStat, MatrixBatchStat)
def _lower_batch_stat(G: Graph, expr, a: list[int]) -> int:
    mean, _, var = _batch_stats(G, a[0])
    return _as_stat(G, a[0], mean if expr.which == "mean" else var)
