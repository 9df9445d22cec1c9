"""The layers of a network, found in a graph or program by the shape of its nodes.

A dense layer is ``z = a @ W (+ b)`` followed, maybe, by an entrywise
activation ``a' = g(z)``: a matrix product of a weight leaf, the bias add that
follows it, and a one-argument function of ``z`` (or of ``z`` and constants,
``elu(z, alpha)``).  This is what :mod:`symgrad.ir.blocks` (comments in
generated code), :func:`symgrad.explain` (the delta recursion) and
:func:`symgrad.draw` (the layer-level picture) all call a layer, so the three
number layers the same way.

Examples
--------
>>> from symgrad import nn, losses, grad
>>> X, Y = nn.input("X", 3), nn.input("Y", 2)
>>> model = nn.Sequential(nn.Dense(3, 4, name="1"), nn.Tanh(), nn.Dense(4, 2, name="2"))
>>> p = grad(losses.softmax_cross_entropy(model(X), Y), model.parameters()).program
>>> layers = find_layers(p.nodes)
>>> [(la.index, la.describe(p.nodes, p.names(), layers)) for la in layers]
[(1, 'z_1 = X W1 + b1; a_1 = tanh(z_1)'), (2, 'z_2 = a_1 W2 + b2')]
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import sympy as sp

from .graph import INPUTS, Node, ancestors

__all__ = ["Layer", "find_layers", "layer_of_nodes", "op_name"]


@dataclass(frozen=True)
class Layer:
    """One dense layer: node indices of its pieces (None where absent)."""

    index: int                 # 1, 2, ... in forward order
    z: int                     # the layer output before the activation
    matmul: int
    input: int                 # the matrix multiplied by the weight
    weight: int | None
    bias: int | None
    activation: int | None

    def nodes(self) -> list[int]:
        """The layer's own operations, in order."""
        return [i for i in (self.matmul, self.z, self.activation) if i is not None]

    def describe(self, nodes: Sequence[Node], names: Sequence[str],
                 layers: Sequence["Layer"] = ()) -> str:
        """``z_k = a_{k-1} W_k + b_k; a_k = g(z_k)`` with the program's names
        (``...`` for an input that is neither a symbol nor one of ``layers``)."""
        k = self.index
        src = names[self.input] if nodes[self.input].op in INPUTS else "..."
        for other in layers:
            if self.input == other.activation:
                src = f"a_{other.index}"
            elif self.input == other.z:
                src = f"z_{other.index}"
        w = names[self.weight] if self.weight is not None else "W"
        text = f"z_{k} = {src} {w}" + (f" + {names[self.bias]}" if self.bias is not None else "")
        if self.activation is not None:
            text += f"; a_{k} = {op_name(nodes[self.activation].op)}(z_{k})"
        return text


def op_name(op: type) -> str:
    """An operation's name (``"MatMul"``, ``"tanh"``), as the layer and stage finders and the
    explanations read it."""
    return getattr(op, "__name__", str(op))


def users_of(nodes: Sequence[Node], live: Sequence[int]) -> dict[int, list[int]]:
    """For each node: the nodes of ``live`` that take it as an argument."""
    users: dict[int, list[int]] = {}
    for i in live:
        for a in nodes[i].args:
            users.setdefault(a, []).append(i)
    return users


def _is_weight(nodes: Sequence[Node], i: int) -> bool:
    return nodes[i].op in INPUTS and len(nodes[i].shape) == 2


def find_layers(nodes: Sequence[Node], live: Sequence[int] | None = None,
                is_number=None) -> list[Layer]:
    """The dense layers among ``live`` (default: the nodes no rule made), in order.

    Only matrix products with a weight leaf count, so the products of the
    backward pass (``delta @ W.T``) never do.
    """
    live = range(len(nodes)) if live is None else live
    users = users_of(nodes, live)
    constant = is_number or (lambda j: nodes[j].op is sp.Number)
    layers: list[Layer] = []
    used: set[int] = set()
    for i in live:
        n = nodes[i]
        if n.op is not sp.MatMul or len(n.args) != 2 or i in used:
            continue
        a, w = n.args
        if not _is_weight(nodes, w):
            continue
        z, bias = i, None
        adds = [u for u in users.get(i, []) if nodes[u].op is sp.Add and nodes[u].shape == n.shape]
        if len(users.get(i, [])) == 1 and adds and len(nodes[adds[0]].args) == 2:
            z = adds[0]
            rest = [b for b in nodes[z].args if b != i]
            if len(rest) == 1:
                bias = rest[0]
        act = None
        for u in users.get(z, []):
            un = nodes[u]
            if un.args[:1] == (z,) and un.shape == nodes[z].shape \
                    and un.op not in (sp.Add, sp.Mul, sp.Pow, sp.MatMul) \
                    and all(constant(b) for b in un.args[1:]):
                act = u
                break
        used.add(i)
        layers.append(Layer(len(layers) + 1, z, i, a, w, bias, act))
    return layers


def layer_of_nodes(nodes: Sequence[Node], layers: Sequence[Layer],
                   live: Sequence[int]) -> dict[int, int]:
    """For each node of ``live``: the first layer whose output needs it (node -> index).

    A node feeds layer ``k`` when it is an ancestor of ``z_k`` or ``a_k``;
    the weight and bias leaves belong to their own layer.
    """
    out: dict[int, int] = {}
    for layer in layers:
        ends = [layer.z] + ([layer.activation] if layer.activation is not None else [])
        for i in ancestors(nodes, ends):
            out.setdefault(i, layer.index)
        for leaf in (layer.weight, layer.bias):
            if leaf is not None:
                out[leaf] = layer.index
    allowed = set(live)
    return {i: k for i, k in out.items() if i in allowed}
