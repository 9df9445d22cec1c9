"""Gated adjoints: the reverse pass selects, it never multiplies by zero.

A rule that routes a gradient (Piecewise, Max, relu, ...) returns a *gate*,
``where(c, X, 0)``: the adjoint ``X`` where ``c`` holds, an exact 0 elsewhere.
If the chain rule then multiplied the gate by the next local derivative ``b``,
an untaken branch would leak into the gradient: ``where(x > 0, g, 0)`` times
``1/(2 sqrt x)`` is ``0 * NaN = NaN`` at ``x = -1``, although the guarded
function ``Piecewise((sqrt(x), x > 0), (0, True))`` has derivative 0 there.
(PyTorch's ``where`` has exactly this flaw.)

So the arithmetic that builds adjoints moves products inside the gate::

    where(c, X, 0) * b            ->  where(c, X*b, 0)
    where(c, where(d, X, 0), 0)   ->  where(c & d, X, 0)
    where(c, X, 0) + where(c, Y, 0)  ->  where(c, X + Y, 0)
    (where(c, X, 0) + where(d, Y, 0)) * b  ->  where(c | d, <the sum> * b, 0)

and the gate travels down the chain rule: ``b`` is only ever used where the
branch it belongs to is taken.  Each rewrite costs no extra multiplication;
a gate read by several products becomes one select per product (selects are
the cheapest operation there is), and the payloads stay interned, so nothing
is computed twice.  Nested gates collapse into one select on a conjunction,
so a chain of guarded branches costs one ``And`` per level, not a select per
level per product.  A sum of gates on different conditions stays a plain sum
until something multiplies it, so an adjoint that is not multiplied again (a
parameter's gradient) pays for no union.

Forward lowering uses the plain :class:`~symgrad.ir.graph.Graph` algebra, so a
user's own ``Piecewise(...) * y`` keeps its IEEE value; only adjoints (built
through :class:`~symgrad.ir.graph.Value` and the reverse sweep) are gated.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import sympy as sp

if TYPE_CHECKING:       # graph.py imports this module
    from .graph import Graph

from .shapes import broadcast_shapes

__all__ = ["is_gate", "gate", "gated_mul", "gated_add", "logic_and", "logic_or", "logic_not"]


def is_gate(G: Graph, i: int) -> bool:
    """True if node ``i`` is ``where(c, X, 0)`` (``Piecewise((X, c), (0, True))``)."""
    n = G.nodes[i]
    return n.op is sp.Piecewise and len(n.args) == 4 and n.args[2] == G.zero and n.args[3] == G.true


def _parts(G: Graph, i: int) -> tuple[int, int]:
    """``(condition, payload)`` of a gate."""
    payload, cond, _, _ = G.nodes[i].args
    return cond, payload


def _is_false(G: Graph, c: int) -> bool:
    n = G.nodes[c]
    return not n.args and n.attr is sp.false


def logic_not(G: Graph, c: int) -> int:
    """``Not(c)``; a double negation cancels."""
    n = G.nodes[c]
    if n.op is sp.Not:
        return n.args[0]
    if c == G.true:
        return G.intern(type(sp.false), (), sp.false, ())
    return G.apply(sp.Not, c)


def logic_and(G: Graph, a: int, b: int) -> int:
    """``And(a, b)``, binary (NumPy's ``logical_and`` takes two operands)."""
    if a == G.true or a == b:
        return b
    if b == G.true:
        return a
    return G.apply(sp.And, *sorted((a, b)))


def logic_or(G: Graph, a: int, b: int) -> int:
    """``Or(a, b)``, binary."""
    if a == b:
        return a
    if G.true in (a, b):
        return G.true
    return G.apply(sp.Or, *sorted((a, b)))


def gate(G: Graph, cond: int, x: int) -> int:
    """``where(cond, x, 0)`` with nested gates merged into one condition."""
    if x == G.zero or _is_false(G, cond):
        return G.zero
    if cond == G.true:
        return x
    if is_gate(G, x):
        inner, x = _parts(G, x)
        cond = logic_and(G, cond, inner)
    return G.where(cond, x, G.zero)


def _guard(G: Graph, x: int, shape: tuple) -> tuple[int, int] | None:
    """``(condition, payload)`` if ``x`` is zero outside a condition: a gate, or a
    sum of gates (on the union of their conditions, with itself as payload).

    Only operands of the full result shape count: a gate that a product
    broadcasts to a larger shape would need its condition broadcast too.
    """
    n = G.nodes[x]
    if n.shape != shape:
        return None
    if is_gate(G, x):
        return _parts(G, x)
    if n.op is sp.Add and all(is_gate(G, t) and G.nodes[t].shape == shape for t in n.args):
        union = _parts(G, n.args[0])[0]
        for t in n.args[1:]:
            union = logic_or(G, union, _parts(G, t)[0])
        # inside the union each term is still its own select, so the product
        # multiplies a taken branch's adjoint or an exact 0, never a NaN by 0
        return union, x
    return None


def gated_mul(G: Graph, *xs: int) -> int:
    """Product of adjoint factors: ``where(c, X, 0) * b -> where(c, X*b, 0)``."""
    shape = broadcast_shapes((G.nodes[x].shape for x in xs), "adjoint")
    guards = [_guard(G, x, shape) for x in xs]
    if not any(guards):
        return G.mul(*xs)
    cond = G.true
    for guard in dict.fromkeys(g for g in guards if g):
        cond = logic_and(G, cond, guard[0])
    payload = G.mul(*(guard[1] if guard else x for x, guard in zip(xs, guards)))
    return gate(G, cond, payload)


def gated_add(G: Graph, *xs: int) -> int:
    """Sum of adjoint contributions; gates on one condition merge into one."""
    terms = [x for x in xs if x != G.zero]
    if len(terms) > 1 and all(is_gate(G, t) for t in terms):
        conds = {_parts(G, t)[0] for t in terms}
        shapes = {G.nodes[t].shape for t in terms}
        if len(conds) == 1 and len(shapes) == 1:
            return gate(G, conds.pop(), G.add(*(_parts(G, t)[1] for t in terms)))
    return G.add(*xs)
