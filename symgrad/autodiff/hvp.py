"""Hessian-vector products by reverse over reverse, in the same interned graph.

The gradient ``g = dL/dw`` is derived by one reverse sweep; its inner
product with a tangent ``v`` (an input of the program, role ``"tangent"``),
``s = sum_k <g_k, v_k>``, is a scalar node of the same graph, and a second
reverse sweep from ``s`` gives ``ds/dw = H v``.  Because the graph is
interned, the second sweep reuses every forward value and every adjoint of
the first (the sigmoid, tanh and softmax values, ``delta_l``), and the
program holds the loss, the gradient and ``H v`` computed once each: one
fused step.  The second sweep differentiates the first sweep's own output
ops, so every op a rule emits needs a rule too: gates (``where(c, X, 0)``)
are ``Piecewise`` nodes whose conditions carry no derivative, and the
``RowMax`` shift of a log-softmax is a constant, which stays exact at second
order because the first-order adjoint ``exp(z - m) / sum exp(z - m)`` does
not depend on the shift ``m`` either.

>>> import sympy as sp
>>> from symgrad.frontend.lower import lower
>>> from symgrad.frontend.to_sympy import to_sympy
>>> x, y, u, v = sp.symbols("x y u v")
>>> G, (f,) = lower([x**2 * y])
>>> grads, hv = hvp(G, f, [G.leaf(x), G.leaf(y)], [G.leaf(u), G.leaf(v)])
>>> [to_sympy(G, h) for h in hv]                 # H = [[2y, 2x], [2x, 0]]
[2*u*y + 2*v*x, 2*u*x]
"""
from __future__ import annotations

from typing import Sequence

from ..ir.graph import Graph
from .reverse import vjp, zeros_shaped

__all__ = ["hvp", "inner"]


def inner(G: Graph, grads: Sequence[int], tangents: Sequence[int]) -> int:
    """``sum_k <g_k, v_k>`` as one scalar node (entrywise products, summed)."""
    terms = []
    for g, v in zip(grads, tangents):
        if G.nodes[g].shape != G.nodes[v].shape:
            raise ValueError(f"a tangent of shape {G.nodes[v].shape} for a gradient of shape "
                             f"{G.nodes[g].shape}")
        terms.append(G.reduce_sum(G.mul(g, v), None))
    return G.add(*terms) if terms else G.zero


def hvp(G: Graph, root: int, targets: Sequence[int],
        tangents: Sequence[int]) -> tuple[list[int], list[int]]:
    """``(gradients, Hessian-vector products)`` of ``root`` at ``targets`` along ``tangents``.

    Both are node ids of ``G``; a target that the gradient does not depend on
    gets the constant 0 (broadcast to its shape by the caller if needed).
    """
    if len(targets) != len(tangents):
        raise ValueError(f"{len(targets)} parameters but {len(tangents)} tangents")
    grads = zeros_shaped(G, vjp(G, root, targets), targets)
    s = inner(G, grads, tangents)
    return grads, vjp(G, s, targets)
