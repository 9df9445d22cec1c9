"""Vector-Jacobian rules of the matrix-only operations.

Entrywise ops (``Add``, ``Mul``, ``tanh``, ...) use the scalar rules of
:mod:`symgrad.autodiff.rules` unchanged: with broadcasting they are already the
lectures' Hadamard-product rules, and the reverse pass sums an adjoint back
to the shape of a broadcast argument (the bias gradient ``1^T delta``).
These are the lectures' matrix rules (README.md, Sources): for ``Z = A B``,
``grad_A = G B^T`` and ``grad_B = A^T G``.
"""
from __future__ import annotations

import sympy as sp

from ..ir.graph import Value
from .rules import defvjp
from ..ir.arrays import BroadcastTo, OneHot, ReduceSum, RowMax, Sum


@defvjp(sp.MatMul)
def _matmul(g, ans, a, b):
    G = g.G
    return (Value(G, G.matmul(g.i, G.transpose(b.i))),
            Value(G, G.matmul(G.transpose(a.i), g.i)))


@defvjp(sp.Transpose)
def _transpose(g, ans, a):
    return (Value(g.G, g.G.transpose(g.i)),)


@defvjp(Sum, ReduceSum)
def _sum(g, ans, a):
    return (Value(g.G, g.G.broadcast_to(g.i, a.shape)),)


@defvjp(BroadcastTo)
def _broadcast(g, ans, a):
    return (Value(g.G, g.G.sum_to_shape(g.i, a.shape)),)


@defvjp(RowMax, OneHot)
def _constant(g, ans, a):
    # RowMax only ever shifts log-softmax, whose value does not depend on it
    return (None,)
