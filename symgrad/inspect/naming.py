"""Names for the intermediates of a softmax output, shared by the MLP and CNN explanations."""
from __future__ import annotations

from typing import Sequence

import sympy as sp

from ..frontend.to_sympy import to_sympy
from ..ir.graph import Graph
from ..ir.layers import op_name

__all__ = ["name_softmax"]


def name_softmax(G: Graph, live: Sequence[int], zs: Sequence[tuple[int, int]],
                 names: dict[int, sp.Basic], forward: list) -> None:
    """Name ``e_k`` (the shifted exponentials of ``z_k``) and ``s_k`` (their row sums),
    so ``softmax(z_k) = e_k / s_k``; appends their definitions to ``forward``.
    The last layer is tried first: every earlier ``z`` is an ancestor of its softmax too."""
    for k, z in reversed(list(zs)):
        for j in live:
            node = G.nodes[j]
            if node.op is not sp.exp or node.shape != G.nodes[z].shape or j in names:
                continue
            before = G.ancestors([j])
            if z in before and any(op_name(G.nodes[i].op) == "RowMax" for i in before):
                rhs = to_sympy(G, j, dict(names))
                names[j] = sp.MatrixSymbol(f"e_{k}", *node.shape)
                forward.append((names[j], rhs))
                for r in live:
                    if op_name(G.nodes[r].op) == "ReduceSum" and G.nodes[r].args == (j,):
                        rhs = to_sympy(G, r, dict(names))
                        names[r] = sp.MatrixSymbol(f"s_{k}", *G.nodes[r].shape)
                        forward.append((names[r], rhs))
