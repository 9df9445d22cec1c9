"""Gradient formulas in matrix notation, with the lectures' delta recursion.

:func:`explain` names the layer outputs of a network, ``z_l`` (a matrix
product plus a bias), their activations ``a_l``, and the adjoints
``delta_l = dL/dz_l`` that the reverse sweep computed, then prints every
formula in terms of those names.  What comes out is the recursion that the
backpropagation lectures (README.md, Sources) derive by hand, read off the
compiler's own program:

    delta_l = (delta_{l+1} W_{l+1}^T) o g'(z_l),    dL/dW_l = a_{l-1}^T delta_l
"""
from __future__ import annotations

from typing import Any

import sympy as sp

from .api import _scalar_expr, as_wrt
from .ir.graph import Graph
from .frontend.lower import lower
from .frontend.to_sympy import to_sympy
from .autodiff.reverse import vjp

__all__ = ["explain", "Explanation"]


class Explanation:
    """Forward definitions, the delta recursion and the parameter gradients.

    Each part is a list of ``(lhs, rhs)`` SymPy pairs; ``str()`` gives a plain
    listing, :meth:`latex` an ``aligned`` block (also ``_repr_latex_``).
    """

    def __init__(self, forward, deltas, grads):
        self.forward = forward
        self.deltas = deltas
        self.grads = grads

    def _sections(self):
        return [("forward", self.forward),
                ("backward (delta_l = dL/dz_l)", self.deltas),
                ("gradients", self.grads)]

    def __str__(self) -> str:
        lines = []
        for title, rows in self._sections():
            if rows:
                lines.append(title + ":")
                lines += [f"  {lhs} = {rhs}" for lhs, rhs in rows]
        return "\n".join(lines)

    def latex(self) -> str:
        rows = [r"%s &= %s" % (sp.latex(lhs), sp.latex(rhs))
                for _, part in self._sections() for lhs, rhs in part]
        return r"\begin{aligned}" + r" \\ ".join(rows) + r"\end{aligned}"

    def _repr_latex_(self) -> str:
        return "$" + self.latex() + "$"

    def __repr__(self) -> str:
        return str(self)


def _layer_outputs(G: Graph, live: list[int]) -> list[int]:
    """Matrix products, plus their bias when one is added: the ``z_l``."""
    z = []
    for i in live:
        node = G.nodes[i]
        if node.op is sp.MatMul:
            users = [j for j in live if i in G.nodes[j].args]
            if len(users) == 1 and G.nodes[users[0]].op is sp.Add \
                    and G.nodes[users[0]].shape == node.shape:
                continue              # the bias add that follows is z
            z.append(i)
        elif node.op is sp.Add and node.shape and any(G.nodes[a].op is sp.MatMul for a in node.args):
            z.append(i)
    return z


def _activations(G: Graph, live: list[int], z: int) -> list[int]:
    """Elementwise functions of ``z`` alone, or of ``z`` and constant parameters
    (``elu(z, alpha)``, ``leaky_relu(z, slope)``): the candidates for ``a_l``."""
    acts = []
    for j in live:
        node = G.nodes[j]
        if node.args[:1] == (z,) and node.shape == G.nodes[z].shape \
                and node.op not in (sp.Add, sp.Mul, sp.Pow) \
                and all(G.is_number(a) for a in node.args[1:]):
            acts.append(j)
    return acts


def explain(f: Any, wrt: Any) -> Explanation:
    """Explain the gradient of ``f`` as the lectures write backpropagation.

    For a softmax output, ``e_l`` are the shifted exponentials and ``s_l``
    their row sums, so ``softmax(z_l) = e_l / s_l`` and the top delta reads
    ``(softmax(z) - Y) / N``.

    Examples
    --------
    >>> import sympy as sp, symgrad as sg
    >>> from symgrad import nn, losses
    >>> X, Y = nn.input("X", 3), nn.input("Y", 2)
    >>> model = nn.Sequential(nn.Dense(3, 4, name="1"), nn.Tanh(), nn.Dense(4, 2, name="2"))
    >>> print(sg.explain(losses.softmax_cross_entropy(model(X), Y), model.parameters()))
    forward:
      z_1 = X*W1 + 1*b1
      a_1 = tanh.(z_1)
      z_2 = a_1*W2 + 1*b2
      e_2 = exp.((-rowmax(z_2))*1 + z_2)
      s_2 = e_2*1
    backward (delta_l = dL/dz_l):
      delta_2 = (-1/N)*Y + HadamardProduct(e_2, (1/N*HadamardPower(s_2, -1))*1)
      delta_1 = HadamardProduct(delta_2*W2.T, -(HadamardProduct(a_1, a_1)) + 1)
    gradients:
      dL/dW1 = X.T*delta_1
      dL/db1 = 1.T*delta_1
      dL/dW2 = a_1.T*delta_2
      dL/db2 = 1.T*delta_2
    """
    f = _scalar_expr(f)
    wrt = as_wrt(wrt)
    G, (root,) = lower([f])
    targets = [G.leaf(w) for w in wrt]
    adjoint: dict[int, int] = {}
    grads = vjp(G, root, targets, adjoints=adjoint)
    live = G.ancestors([root])
    zs = _layer_outputs(G, live)
    names: dict[int, sp.Basic] = {}
    forward = []
    for k, z in enumerate(zs, 1):
        zsym = sp.MatrixSymbol(f"z_{k}", *G.nodes[z].shape)
        forward.append((zsym, to_sympy(G, z, dict(names))))
        names[z] = zsym
        for j in _activations(G, live, z)[:1]:
            asym = sp.MatrixSymbol(f"a_{k}", *G.nodes[j].shape)
            forward.append((asym, to_sympy(G, j, dict(names))))
            names[j] = asym
    for k, z in enumerate(zs, 1):
        # the shifted exponentials of a softmax and their row sums: p_k = e_k / s_k
        for j in live:
            node = G.nodes[j]
            if node.op is sp.exp and node.shape == G.nodes[z].shape and z in G.ancestors([j]) \
                    and any(G.nodes[i].op.__name__ == "RowMax" for i in G.ancestors([j])) and j not in names:
                rhs = to_sympy(G, j, dict(names))
                names[j] = sp.MatrixSymbol(f"e_{k}", *node.shape)
                forward.append((names[j], rhs))
                for r in live:
                    if G.nodes[r].op.__name__ == "ReduceSum" and G.nodes[r].args == (j,):
                        rhs = to_sympy(G, r, dict(names))
                        names[r] = sp.MatrixSymbol(f"s_{k}", *G.nodes[r].shape)
                        forward.append((names[r], rhs))
    deltas = []
    for k in range(len(zs), 0, -1):
        z = zs[k - 1]
        if z not in adjoint:
            continue
        dsym = sp.MatrixSymbol(f"delta_{k}", *G.nodes[z].shape)
        deltas.append((dsym, to_sympy(G, adjoint[z], dict(names))))
        names[adjoint[z]] = dsym
    rows = [(sp.Symbol(f"dL/d{w}"), to_sympy(G, d, dict(names))) for w, d in zip(wrt, grads)]
    return Explanation(forward, deltas, rows)
