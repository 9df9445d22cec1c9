"""Vector-Jacobian rules of the matrix-only operations.

Entrywise ops (``Add``, ``Mul``, ``tanh``, ...) use the scalar rules of
:mod:`symgrad.autodiff.rules` unchanged: with broadcasting they are already the
lectures' Hadamard-product rules, and the reverse pass sums an adjoint back
to the shape of a broadcast argument (the bias gradient ``1^T delta``).
These are the lectures' matrix rules (README.md, Sources): for ``Z = A B``,
``grad_A = G B^T`` and ``grad_B = A^T G``.

The n-D ops (:mod:`symgrad.ir.movement`) pair up as tinygrad's do: the
adjoint of a permutation is the inverse permutation, of a reshape the
reshape back, of ``Pad`` a ``Shrink`` (a slice) and back, of ``Windows`` the
overlap-add ``FoldWindows`` and back; a reduction's adjoint is repeated over
the reduced axes.  ``ReduceMax`` sends its adjoint to the maxima and splits
it equally among ties (as ``torch.amax``; ``torch.max_pool2d`` instead picks
one of the tied entries).
"""
from __future__ import annotations

import sympy as sp

from ..ir.arrays import BroadcastTo, OneHot, ReduceSum, RowMax, Sum
from ..ir.gates import gate
from ..ir.graph import Value
from ..ir.movement import FoldWindows, Pad, Permute, ReduceMax, Reshape, Shrink, Windows
from .rules import defvjp


@defvjp(sp.MatMul)
def _matmul(g, ans, a, b):
    G = g.G
    return (Value(G, G.matmul(g.i, G.transpose(b.i))),
            Value(G, G.matmul(G.transpose(a.i), g.i)))


@defvjp(sp.Transpose)
def _transpose(g, ans, a):
    return (Value(g.G, g.G.transpose(g.i)),)


@defvjp(Sum)
def _sum(g, ans, a):
    return (Value(g.G, g.G.broadcast_to(g.i, a.shape)),)


@defvjp(ReduceSum)
def _reduce_sum(g, ans, a):
    axes, keepdims = g.G.nodes[ans.i].attr
    return (Value(g.G, g.G.unreduce(g.i, a.shape, axes, keepdims)),)


@defvjp(ReduceMax)
def _reduce_max(g, ans, a):
    G = g.G
    axes, keepdims = G.nodes[ans.i].attr
    hit = G.apply(sp.Eq, a.i, G.unreduce(ans.i, a.shape, axes, keepdims))
    ties = G.reduce_sum(gate(G, hit, G.one), axes)
    share = G.div(G.unreduce(g.i, a.shape, axes, keepdims), G.broadcast_to(ties, a.shape))
    return (Value(G, gate(G, hit, share)),)


@defvjp(Permute)
def _permute(g, ans, a):
    perm = g.G.nodes[ans.i].attr
    inverse = tuple(sorted(range(len(perm)), key=perm.__getitem__))
    return (Value(g.G, g.G.transpose(g.i, inverse)),)


@defvjp(Reshape)
def _reshape(g, ans, a):
    return (Value(g.G, g.G.reshape(g.i, a.shape)),)


@defvjp(Pad)
def _pad(g, ans, a):
    return (Value(g.G, g.G.shrink(g.i, g.G.nodes[ans.i].attr)),)


@defvjp(Shrink)
def _shrink(g, ans, a):
    return (Value(g.G, g.G.pad(g.i, g.G.nodes[ans.i].attr)),)


@defvjp(Windows)
def _windows(g, ans, a):
    kernel, stride = g.G.nodes[ans.i].attr
    return (Value(g.G, g.G.fold_windows(g.i, kernel, stride, a.shape[len(a.shape) - len(kernel):])),)


@defvjp(FoldWindows)
def _fold_windows(g, ans, a):
    kernel, stride, _ = g.G.nodes[ans.i].attr
    return (Value(g.G, g.G.windows(g.i, kernel, stride)),)


@defvjp(BroadcastTo)
def _broadcast(g, ans, a):
    return (Value(g.G, g.G.sum_to_shape(g.i, a.shape)),)


@defvjp(RowMax, OneHot)
def _constant(g, ans, a):
    # RowMax only ever shifts log-softmax, whose value does not depend on it
    return (None,)
