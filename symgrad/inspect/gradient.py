"""What :func:`symgrad.grad` returns: per-parameter formulas and the program.

A scalar expression's gradient displays as its formulas.  A network loss's
gradient displays (``str``, ``_repr_latex_``, ``_repr_html_``) as the notes
write backpropagation, the forward pass and the delta recursion in matrix
notation (:func:`symgrad.explain`); ``g.explain(W1)`` keeps only what
``dL/dW1`` needs, with named intermediates instead of the inlined formula.
"""
from __future__ import annotations

from typing import Any, Iterator, Sequence

import sympy as sp

from ..frontend.to_sympy import to_sympy
from ..ir.graph import Graph
from ..ir.program import Program

__all__ = ["Gradient"]


class Gradient(Sequence):
    """The gradient of one expression with respect to ``wrt``.

    A sequence of SymPy expressions in ``wrt`` order that is also indexable
    by parameter: ``g[x]``, ``g["x"]`` or ``g[0]``.  Formulas are rebuilt from
    the shared graph on first access, so they share subexpressions with each
    other in memory.

    Attributes
    ----------
    expr : sympy.Expr
        The differentiated expression.
    wrt : tuple
        The parameters.
    program : symgrad.ir.program.Program
        Value and gradient as one straight-line program, each distinct
        subexpression computed once; ``print(g.program)`` lists it and
        ``g.program.stats()`` counts the operations sharing removed.

    Examples
    --------
    >>> import sympy as sp, symgrad as sg
    >>> x, y, z = sp.symbols("x y z")
    >>> g = sg.grad((x + y) * z, [x, y, z])
    >>> g[x], list(g)
    (z, [z, z, x + y])
    >>> print(g.program)
    inputs: x, y, z
    t0 = x + y
    t1 = z*t0
    return value=t1, d_x=z, d_y=z, d_z=t0
    """

    def __init__(self, expr: sp.Basic, wrt: Sequence[sp.Basic], graph: Graph,
                 adjoints: Sequence[int], program: Program):
        self.expr = expr
        self.wrt = tuple(wrt)
        self.graph = graph
        self._adjoints = tuple(adjoints)
        self.program = program
        self._memo: dict[int, sp.Basic] = {}
        self._exprs: list[sp.Basic | None] = [None] * len(self.wrt)
        self._explanation: Any = None

    def __len__(self) -> int:
        return len(self.wrt)

    def _index(self, key) -> int:
        if isinstance(key, int):
            return key
        for i, w in enumerate(self.wrt):
            if w == key or w.name == str(key):
                return i
        raise KeyError(f"{key!r} is not among the parameters {list(self.wrt)}")

    def __getitem__(self, key):
        if isinstance(key, slice):
            return [self[i] for i in range(len(self))[key]]
        i = self._index(key)
        if self._exprs[i] is None:
            self._exprs[i] = to_sympy(self.graph, self._adjoints[i], self._memo)
        return self._exprs[i]

    def __iter__(self) -> Iterator[sp.Basic]:
        return (self[i] for i in range(len(self)))

    def items(self) -> Iterator[tuple[sp.Basic, sp.Basic]]:
        """(parameter, formula) pairs in ``wrt`` order."""
        return zip(self.wrt, iter(self))

    def as_matrix(self) -> sp.Matrix:
        """The gradient as a column ``sympy.Matrix`` (scalar parameters only)."""
        return sp.Matrix(list(self))

    def pretty(self) -> str:
        """Each formula in SymPy's 2-D pretty form."""
        return "\n\n".join(f"d/d{w}:\n{sp.pretty(e)}" for w, e in self.items())

    def explain(self, *params: Any):
        """The gradient as the delta recursion (:func:`symgrad.explain`).

        With ``params``, only the rows their gradients need: ``g.explain(W1)``
        is the readable form of ``g[W1]``.

        Examples
        --------
        >>> import symgrad as sg
        >>> from symgrad import nn, losses
        >>> X, Y = nn.input("X", 3), nn.input("Y", 2)
        >>> model = nn.Sequential(nn.Dense(3, 4, name="1"), nn.Sigmoid(), nn.Dense(4, 2, name="2"))
        >>> g = sg.grad(losses.mse(model(X), Y), model.parameters())
        >>> print(g.explain("W1"))
        forward:
          z_1 = X W1 + 1 b1
          a_1 = sigmoid(z_1)
          z_2 = a_1 W2
        backward (delta_l = dL/dz_l):
          delta_2 = 1/N (z_2 + 1 b2 - Y)
          sigmoid'(z_1) = a_1 ∘ (1 - a_1)
          delta_1 = (delta_2 W2^T) ∘ sigmoid'(z_1)
        gradients:
          dL/dW1 = X^T delta_1
        """
        if self._explanation is None:
            from ..frontend.lower import lower
            from .recursion import explain_graph
            _, (root,) = lower([self.expr], self.graph)
            self._explanation = explain_graph(self.graph, root, self.wrt)
        return self._explanation.only(*params) if params else self._explanation

    def _network(self):
        """The explanation, when this is the gradient of a network's loss; else None."""
        if not any(isinstance(w, sp.MatrixSymbol) for w in self.wrt):
            return None
        try:
            ex = self.explain()
        except Exception:   # a display must not raise; the formulas still show
            return None
        return ex if ex.forward else None

    def _repr_html_(self) -> str | None:
        ex = self._network()
        return ex._repr_html_() if ex is not None else None

    def latex(self) -> str:
        """An ``aligned`` LaTeX block with one line per parameter
        (for a network, the delta recursion of :meth:`explain`)."""
        ex = self._network()
        if ex is not None:
            return ex.latex()
        f = sp.Symbol("f")
        rows = [r"\frac{\partial %s}{\partial %s} &= %s" % (sp.latex(f), sp.latex(w), sp.latex(e))
                for w, e in self.items()]
        return r"\begin{aligned}" + r" \\ ".join(rows) + r"\end{aligned}"

    def _repr_latex_(self) -> str:
        return "$" + self.latex() + "$"

    def __str__(self) -> str:
        ex = self._network()
        if ex is not None:
            return str(ex)
        return "\n".join(f"d/d{w} = {e}" for w, e in self.items())

    def __repr__(self) -> str:
        return f"Gradient({self.expr}, wrt={list(self.wrt)})"
