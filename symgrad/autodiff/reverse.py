"""Reverse-mode differentiation over the interned graph.

One sweep gives the adjoint of every target: node ids are a topological
order, so walking them downwards visits each node after all of its users.
Only nodes that lie between the output and a target are visited, each rule
runs once per node, and the new adjoint nodes are interned into the same
graph, so they share structure with the forward pass and with each other.
The cost is linear in the size of the graph.
"""
from __future__ import annotations

from typing import Sequence

from ..errors import NoDerivativeRuleError
from ..ir.gates import gated_add
from ..ir.graph import BOOLEAN_OPS, Graph, Value
from .rules import VJP

__all__ = ["vjp", "depends_on", "zeros_shaped"]


def depends_on(G: Graph, root: int, targets: Sequence[int]) -> bytearray:
    """Mark the ancestors of ``root`` whose value depends on some target.

    Truth values (comparisons, logic) never carry a derivative.
    """
    marks = bytearray(len(G.nodes))
    for t in targets:
        marks[t] = 1
    for i in G.ancestors([root]):
        node = G.nodes[i]
        if node.args and node.op not in BOOLEAN_OPS and any(marks[a] for a in node.args):
            marks[i] = 1
    return marks


def vjp(G: Graph, root: int, targets: Sequence[int], seed: int | None = None,
        adjoints: dict[int, int] | None = None) -> list[int]:
    """Adjoints ``seed * d root / d target`` for each target, as node ids.

    ``seed`` defaults to 1 (the gradient of a scalar output).  A target that
    ``root`` does not depend on gets the constant 0.  If ``adjoints`` is a
    dict, it receives the adjoint of every node the sweep visited (used by
    :func:`symgrad.explain` to show the delta recursion).

    Examples
    --------
    >>> import sympy as sp
    >>> from symgrad.frontend.lower import lower
    >>> from symgrad.frontend.to_sympy import to_sympy
    >>> x, y, z = sp.symbols("x y z")
    >>> G, (f,) = lower([(x + y) * z])
    >>> [to_sympy(G, d) for d in vjp(G, f, [G.leaf(x), G.leaf(y), G.leaf(z)])]
    [z, z, x + y]
    """
    marks = depends_on(G, root, targets)
    pending: dict[int, list[int]] = {root: [G.one if seed is None else seed]}
    adjoint: dict[int, int] = {}
    for i in range(root, -1, -1):
        contributions = pending.pop(i, None)
        if contributions is None:
            continue
        start = len(G.nodes)
        # a sum of gated contributions stays gated (symgrad.ir.gates)
        g = gated_add(G, *contributions) if len(contributions) > 1 else contributions[0]
        adjoint[i] = g
        # the sum of the users' contributions is made where the first of them was
        _record_origin(G, start, G.origin.get(contributions[0], i))
        start = len(G.nodes)
        node = G.nodes[i]
        if not node.args:
            continue
        rule = VJP.get(node.op)
        if rule is None:
            raise NoDerivativeRuleError(
                f"no derivative rule for {node.op.__name__}; known: "
                f"{sorted(op.__name__ for op in VJP)}", node.op, node=i)
        local = rule(Value(G, g), Value(G, i), *(Value(G, a) for a in node.args))
        for a, d in zip(node.args, local):
            if d is None or not marks[a]:
                continue
            d = _unbroadcast(G, d.i, G.nodes[a].shape)
            if d != G.zero:
                pending.setdefault(a, []).append(d)
        _record_origin(G, start, i)
    if adjoints is not None:
        adjoints.update(adjoint)
    return [adjoint.get(t, G.zero) for t in targets]


def zeros_shaped(G: Graph, adjoints: Sequence[int], targets: Sequence[int]) -> list[int]:
    """``adjoints`` with each constant 0 (a target the root ignores) broadcast to its
    target's shape, so that a matrix parameter still gets a gradient of its own shape."""
    return [G.broadcast_to(a, G.nodes[t].shape) if a == G.zero else a for a, t in zip(adjoints, targets)]


def _record_origin(G: Graph, start: int, i: int) -> None:
    """The nodes made since ``start`` come from the rule of node ``i`` (first maker wins)."""
    origin = G.origin
    for n in range(start, len(G.nodes)):
        origin.setdefault(n, i)


def _unbroadcast(G: Graph, d: int, shape: tuple) -> int:
    """Sum an adjoint back to the shape of the argument it belongs to."""
    if G.nodes[d].shape == shape:
        return d
    reduce = getattr(G, "sum_to_shape", None)
    if reduce is None:
        raise ValueError(f"adjoint of shape {G.nodes[d].shape} for an argument of shape {shape}")
    return reduce(d, shape)
