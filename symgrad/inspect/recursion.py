"""The delta recursion read off a graph: what :func:`symgrad.explain` prints.

:func:`explain` names the layer outputs of a network, ``z_l`` (a matrix
product plus a bias), their activations ``a_l``, and the adjoints
``delta_l = dL/dz_l`` that the reverse sweep computed, then prints every
formula in terms of those names.  What comes out is the recursion that the
backpropagation lectures (README.md, Sources) derive by hand, read off the
compiler's own program:

    delta_l = (delta_{l+1} W_{l+1}^T) ∘ g'(z_l),    dL/dW_l = a_{l-1}^T delta_l

with each activation's derivative written as its rule computes it, which is
how the notes write it: ``sigmoid'(z) = a ∘ (1 - a)``, ``tanh'(z) = 1 - a ∘ a``,
``relu'(z) = [z > 0]`` (the ReLU mask).
"""
from __future__ import annotations

import html
from typing import Any, Sequence

import sympy as sp

from ..autodiff.reverse import vjp
from ..frontend.to_sympy import to_sympy
from ..ir.graph import Graph
from ..ir.layers import find_layers, op_name
from ..ir.stages import find_stages
from . import notation
from .cnn import explain_stages
from .naming import name_softmax

__all__ = ["Explanation", "explain_graph"]

Row = tuple[sp.Basic, sp.Basic]


class Explanation:
    """Forward definitions, the delta recursion and the parameter gradients.

    Each part is a list of ``(lhs, rhs)`` SymPy pairs.  ``str()`` prints them
    in the notes' notation (``∘``, ``^T``), :meth:`latex` as an ``aligned``
    block; notebooks show ``_repr_latex_`` or ``_repr_html_``.

    Attributes
    ----------
    forward : list of (MatrixSymbol, Expr)
        ``z_l``, ``a_l`` (and ``e_l``, ``s_l`` of a softmax) by their definitions.
    deltas : list of (MatrixSymbol, Expr)
        ``delta_l = dL/dz_l`` from the top layer down, each preceded by the
        activation derivative it uses (``tanh'(z_1) = 1 - a_1 ∘ a_1``).
    grads : list of (Symbol, Expr)
        ``dL/dW`` for each parameter, in ``wrt`` order.
    """

    def __init__(self, forward: list[Row], deltas: list[Row], grads: list[Row],
                 notes: list[str] | None = None):
        self.forward = forward
        self.deltas = deltas
        self.grads = grads
        #: what the notation's less common names mean (a CNN's routing, flipped kernels)
        self.notes = list(notes or [])

    def _sections(self) -> list[tuple[str, list[Row]]]:
        return [("forward", self.forward),
                ("backward (delta_l = dL/dz_l)", self.deltas),
                ("gradients", self.grads)]

    def only(self, *params: Any) -> "Explanation":
        """The rows that the gradients of ``params`` need, and those gradients.

        Examples
        --------
        >>> import symgrad as sg
        >>> from symgrad import nn, losses
        >>> X, Y = nn.input("X", 3), nn.input("Y", 2)
        >>> model = nn.Sequential(nn.Dense(3, 4, name="1"), nn.Tanh(), nn.Dense(4, 2, name="2"))
        >>> ex = sg.explain(losses.softmax_cross_entropy(model(X), Y), model.parameters())
        >>> print(ex.only("W2"))
        forward:
          z_1 = X W1 + 1 b1
          a_1 = tanh(z_1)
          z_2 = a_1 W2 + 1 b2
          e_2 = exp(z_2 - rowmax(z_2) 1)
          s_2 = e_2 1
        backward (delta_l = dL/dz_l):
          delta_2 = e_2 ∘ (1/N 1/s_2 1) - 1/N Y
        gradients:
          dL/dW2 = a_1^T delta_2
        """
        wanted = {f"dL/d{p}" for p in params}
        grads = [r for r in self.grads if str(r[0]) in wanted]
        if len(grads) != len(wanted):
            known = [str(r[0])[4:] for r in self.grads]
            raise KeyError(f"{sorted(wanted - {str(r[0]) for r in grads})} not among the parameters {known}")
        rows = {str(lhs): rhs for lhs, rhs in self.forward + self.deltas}
        need: set[str] = set()
        todo = [rhs for _, rhs in grads]
        while todo:
            for s in todo.pop().atoms(sp.MatrixSymbol):
                if s.name in rows and s.name not in need:
                    need.add(s.name)
                    todo.append(rows[s.name])
        keep = [r for r in self.forward if str(r[0]) in need], [r for r in self.deltas if str(r[0]) in need]
        return Explanation(keep[0], keep[1], grads)

    def __str__(self) -> str:
        lines = []
        for title, rows in self._sections():
            if rows:
                lines.append(title + ":")
                lines += [f"  {lhs} = {notation.text(rhs)}" for lhs, rhs in rows]
        if self.notes:
            lines.append("where:")
            lines += [f"  {n}" for n in self.notes]
        return "\n".join(lines)

    def _latex_rows(self, rows: list[Row]) -> list[str]:
        return [r"%s &= %s" % (notation.latex_name(str(lhs)), notation.latex(rhs)) for lhs, rhs in rows]

    def latex(self) -> str:
        """All rows as one ``aligned`` LaTeX block, a ``\\text`` heading per part."""
        rows = []
        for title, part in self._sections():
            if part:
                rows.append(r"&\text{%s}" % title.split(" (")[0])
                rows += self._latex_rows(part)
        return r"\begin{aligned}" + r" \\ ".join(rows) + r"\end{aligned}"

    def _repr_latex_(self) -> str:
        return "$" + self.latex() + "$"

    def _repr_html_(self) -> str:
        parts = []
        for title, rows in self._sections():
            if rows:
                block = r"\begin{aligned}" + r" \\ ".join(self._latex_rows(rows)) + r"\end{aligned}"
                parts.append(f"<p><b>{html.escape(title)}</b></p>\n$${html.escape(block)}$$")
        if self.notes:
            parts.append("<p><b>where</b></p>\n<ul>" + "".join(f"<li>{html.escape(n)}</li>" for n in self.notes)
                         + "</ul>")
        return '<div class="symgrad-explain">\n' + "\n".join(parts) + "\n</div>"

    def __repr__(self) -> str:
        return str(self)


def _factors(e: sp.Basic) -> list[sp.Basic]:
    """The factors of nested entrywise products, flattened."""
    if isinstance(e, sp.HadamardProduct):
        return [f for a in e.args for f in _factors(a)]
    return [e]


def explain_graph(G: Graph, root: int, wrt: Sequence[sp.Basic]) -> Explanation:
    """The explanation of the gradient of node ``root`` of ``G`` (one more reverse
    sweep: interning makes it find the nodes a first sweep made)."""
    targets = [G.leaf(w) for w in wrt]
    adjoint: dict[int, int] = {}
    grads = vjp(G, root, targets, adjoints=adjoint)
    live = G.ancestors([root])
    stages = find_stages(G.nodes, live)
    if stages:   # convolutions and poolings: the notes' formulas per stage (symgrad.inspect.cnn)
        return Explanation(*explain_stages(G, live, wrt, targets, grads, adjoint, stages))
    layers = find_layers(G.nodes, live, is_number=G.is_number)
    names: dict[int, sp.Basic] = {}
    forward = _forward(G, live, layers, names)
    deltas = []
    for layer in reversed(layers):
        k, z = layer.index, layer.z
        if z not in adjoint:
            continue
        dsym = sp.MatrixSymbol(f"delta_{k}", *G.nodes[z].shape)
        rhs = to_sympy(G, adjoint[z], dict(names))
        act = layer.activation
        if act is not None and act in adjoint:
            # delta_k = (what reaches a_k) ∘ g'(z_k): name g'(z_k) as the notes do
            upstream = to_sympy(G, adjoint[act], dict(names))
            factors = _factors(rhs)
            if upstream in factors and len(factors) > 1:
                factors.remove(upstream)
                dname = sp.MatrixSymbol(f"{op_name(G.nodes[act].op)}'(z_{k})", *G.nodes[z].shape)
                deltas.append((dname, factors[0] if len(factors) == 1 else sp.HadamardProduct(*factors)))
                rhs = sp.HadamardProduct(upstream, dname)
        deltas.append((dsym, rhs))
        names[adjoint[z]] = dsym
    rows = [(sp.Symbol(f"dL/d{w}"), to_sympy(G, d, dict(names))) for w, d in zip(wrt, grads)]
    return Explanation(forward, deltas, rows)




def _forward(G: Graph, live: list[int], layers, names: dict[int, sp.Basic]) -> list[Row]:
    """``z_l`` and ``a_l`` of each layer, and ``e_l``, ``s_l`` of a softmax on top."""
    forward = []
    for layer in layers:
        k, z = layer.index, layer.z
        zsym = sp.MatrixSymbol(f"z_{k}", *G.nodes[z].shape)
        forward.append((zsym, to_sympy(G, z, dict(names))))
        names[z] = zsym
        if layer.activation is not None:
            j = layer.activation
            asym = sp.MatrixSymbol(f"a_{k}", *G.nodes[j].shape)
            forward.append((asym, to_sympy(G, j, dict(names))))
            names[j] = asym
    name_softmax(G, live, [(la.index, la.z) for la in layers], names, forward)
    return forward

