"""Graph nodes back to SymPy expressions, for reading derived formulas.

:func:`to_sympy` rebuilds a node as a SymPy expression, sharing repeated
parts through ``memo``; nodes of matrix shape become SymPy matrix expressions
(``MatAdd``, ``HadamardProduct``, :class:`~symgrad.tensor.Elementwise`, ...).

>>> import sympy as sp
>>> from symgrad.frontend.lower import lower
>>> x, y = sp.symbols("x y")
>>> G, (r,) = lower([2*(x + y)])
>>> to_sympy(G, r)
2*x + 2*y
"""
from __future__ import annotations

from typing import Any

import sympy as sp
from sympy.functions.elementary.piecewise import ExprCondPair
from sympy.tensor.array.expressions import ArraySymbol

from ..ir.graph import BOOLEAN_OPS, COMPARISONS, Graph, Node
from ..ir.movement import ArrayOp
from ..ir.arrays import BroadcastTo, OneHot, ReduceSum, RowMax, as_broadcast
from ..tensor import Elementwise


class Compare(sp.matrices.expressions.matexpr.MatrixExpr):
    """Entrywise comparison ``[a > b]`` (1 where it holds), only for printing."""

    @property
    def shape(self):
        return next(a.shape for a in self.args[1:] if getattr(a, "is_Matrix", False))

    def _sympystr(self, printer) -> str:
        return "[%s %s %s]" % (printer._print(self.args[1]), self.args[0], printer._print(self.args[2]))

    def _latex(self, printer) -> str:
        return r"\left[%s %s %s\right]" % (printer._print(self.args[1]), self.args[0],
                                           printer._print(self.args[2]))


class Where(sp.matrices.expressions.matexpr.MatrixExpr):
    """Entrywise selection ``where.(cond, a, b)`` (only for printing gradients)."""

    @property
    def shape(self):
        return next(a.shape for a in self.args if getattr(a, "is_Matrix", False))

    def _sympystr(self, printer) -> str:
        return "where.(" + ", ".join(printer._print(a) for a in self.args) + ")"

    def _latex(self, printer) -> str:
        return r"\left[%s\right]_{\circ}" % r",\ ".join(printer._print(a) for a in self.args)


#: n-D entrywise ops printed infix, as the scalar ones print
_ARRAY_INFIX = {"Add": " + ", "Mul": "*", "Pow": "**", **{s: f" {s} " for s in COMPARISONS.values()}}


class ArrayNode(sp.Expr):
    """An operation on n-D arrays, ``op(args)`` (only for printing gradients);
    sums, products, powers and comparisons print infix."""

    def _sympystr(self, printer) -> str:
        name = self.args[0].name
        args = [printer._print(a) for a in self.args[1:]]
        if name in _ARRAY_INFIX:
            return "(" + _ARRAY_INFIX[name].join(args) + ")"
        return f"{name}({', '.join(args)})"


#: SymPy objects of n-D values: an expression on them is printed as an ArrayNode
_ARRAYS = (ArrayNode, ArrayOp, ArraySymbol)


def rebuild_array(node: Node, args: list) -> sp.Basic:
    """A printable SymPy expression for a node whose shape is not a matrix's."""
    op = node.op
    if op in COMPARISONS:
        return ArrayNode(sp.Symbol(COMPARISONS[op]), *args)
    extra = [] if node.attr is None else [sp.Symbol(str(node.attr))]
    return ArrayNode(sp.Symbol(getattr(op, "__name__", str(op))), *args, *extra)


def _full(args, shape):
    return [as_broadcast(a, shape) if getattr(a, "is_Matrix", False) else a for a in args]


def _reduce_sum(node: Node, args: list) -> sp.Basic:
    axes, keepdims = node.attr
    if keepdims and len(axes) == 1:
        return ReduceSum(args[0], axes[0])      # 1.T*X or X*1
    return rebuild_array(node, args)            # over both axes, or not kept: with its attr


#: the SymPy matrix expression of an array op of matrix shape (:mod:`symgrad.ir.ops_array`)
_MATRIX_OPS = {
    sp.MatMul: lambda node, args: sp.MatMul(*args),
    sp.Transpose: lambda node, args: sp.Transpose(args[0]),
    ReduceSum: _reduce_sum,
    BroadcastTo: lambda node, args: as_broadcast(args[0], node.shape),
    RowMax: lambda node, args: RowMax(args[0]),
    OneHot: lambda node, args: OneHot(args[0], node.attr),
}


def rebuild_matrix(node: Node, args: list) -> sp.Basic:
    """A SymPy expression with the value of a matrix-shaped node.

    The n-D ops (:class:`~symgrad.ir.movement.ArrayOp`) rebuild themselves, the
    matrix ops from :data:`_MATRIX_OPS`; the entrywise ops stay an if-chain,
    since each one looks at which operands are matrices and which scalars.
    """
    op, shape = node.op, node.shape
    if isinstance(op, type) and issubclass(op, ArrayOp):
        return op._symgrad_rebuild(node, args)
    if len(shape) != 2 or any(isinstance(a, _ARRAYS) for a in args):
        return rebuild_array(node, args)
    mats = [a for a in args if getattr(a, "is_Matrix", False)]
    scalars = [a for a in args if not getattr(a, "is_Matrix", False)]
    if op is sp.Add:
        mats = _full(mats, shape)
        if scalars:
            mats.append(as_broadcast(sp.Add(*scalars), shape))
        return sp.MatAdd(*mats)
    if op is sp.Mul:
        mats = _full(mats, shape)
        prod = mats[0] if len(mats) == 1 else sp.HadamardProduct(*mats)
        return sp.MatMul(sp.Mul(*scalars), prod) if scalars else prod
    if op is sp.Pow:
        return sp.HadamardPower(args[0], args[1])
    if op in _MATRIX_OPS:
        return _MATRIX_OPS[op](node, args)
    if len(mats) == 1 and args[0] is mats[0] and op not in BOOLEAN_OPS and op is not sp.Piecewise:
        return Elementwise(op, args[0], *args[1:])
    if op in COMPARISONS:
        return Compare(sp.Symbol(COMPARISONS[op]), *args)
    if op is sp.Piecewise and len(args) == 4 and args[3] == sp.true:
        a, cond, b = args[:3]
        if b == 0 and getattr(a, "is_Matrix", False):          # g o [cond]: a masked gradient
            return sp.HadamardProduct(as_broadcast(a, shape), cond)
        return Where(cond, a, b)
    return Where(*args) if op is sp.Piecewise else Where(sp.Symbol(op.__name__), *args)


def to_sympy(G: Graph, root: int, memo: dict[int, Any] | None = None) -> sp.Basic:
    """Rebuild node ``root`` of ``G`` as a SymPy expression, sharing repeated parts.

    Iterative: nodes are visited in increasing id order, which is a
    topological order, so arbitrarily deep graphs are fine.  ``memo`` maps
    node ids to expressions already built (or names to show instead).
    """
    memo = {} if memo is None else memo
    for i in G.ancestors([root]):
        if i in memo:
            continue
        node = G.nodes[i]
        if node.is_leaf:
            memo[i] = node.attr
            continue
        memo[i] = _rebuild(node, [memo[a] for a in node.args])
    return memo[root]


def _rebuild(node: Node, args: list[sp.Basic]) -> sp.Basic:
    op = node.op
    if node.shape:
        return rebuild_matrix(node, args)
    if op is sp.Piecewise:
        pairs = list(zip(args[0::2], args[1::2]))
        if any(c.has(sp.Piecewise) for _, c in pairs):
            # SymPy would rewrite such a condition (y >= Piecewise((x, x < 10)))
            # to ITE, which needs a default branch; keep it as it is instead
            return sp.Basic.__new__(sp.Piecewise, *(sp.Basic.__new__(ExprCondPair, e, c)
                                                    for e, c in pairs))
        return sp.Piecewise(*pairs)
    rebuild = getattr(op, "_symgrad_rebuild", None)
    if rebuild is not None:
        return rebuild(node, args)
    if op in (sp.And, sp.Or, sp.Not):
        # SymPy turns X > Piecewise((a, c), (b, True)) into a truth-valued Piecewise,
        # which And/Or/Not refuse ("expecting bool or Boolean"): as an ITE it is a Boolean
        args = [_as_boolean(a) for a in args]
    if node.attr is not None:
        return op(*args, node.attr)
    return op(*args)


def _as_boolean(b: sp.Basic) -> sp.Basic:
    """A truth-valued Piecewise as the ITE chain SymPy accepts inside And/Or/Not."""
    if not isinstance(b, sp.Piecewise):
        return b
    out = sp.false
    for e, c in reversed(b.args):
        out = sp.ITE(c, _as_boolean(e), out)
    return out
