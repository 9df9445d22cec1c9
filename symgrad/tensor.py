"""Matrix-level expression classes SymPy lacks, and their lowering.

Networks are declared with SymPy matrix expressions (``MatrixSymbol``,
``MatMul``, ``MatAdd``, ``HadamardProduct``, ``OneMatrix`` for a row-broadcast
bias) plus the classes here:

* :class:`Elementwise` -- a scalar function applied entrywise, printed
  ``tanh.(X*W1 + 1*b1)``;
* :class:`Sum` -- the sum of all entries (a scalar);
* :class:`Softmax`, :class:`LogSoftmax` -- row-wise, lowered through the
  max-shift so no logit overflows;
* :class:`OneHot` -- integer labels to one-hot rows.

Explicit matrices (``ImmutableDenseMatrix``) are supported: their numbers
become one constant leaf, any entry that is an expression adds
``entry * E_ij``.  An entry ``K[i, j]`` of a matrix of integer shape lowers
to ``sum(K o E_ij)``, whose gradient is the adjoint at ``(i, j)``.

In the graph, the elementwise ops of the scalar level (``Add``, ``Mul``,
``tanh``, ...) work entrywise on matrices with NumPy broadcasting, so one set
of derivative rules serves both levels; the matrix-only ops are ``MatMul``,
``Transpose`` and the reductions :class:`ReduceSum`, :class:`RowMax`,
:class:`BroadcastTo`.

Example
-------
>>> import sympy as sp
>>> N = sp.Symbol("N", integer=True, positive=True)
>>> X, W, b = sp.MatrixSymbol("X", N, 3), sp.MatrixSymbol("W", 3, 4), sp.MatrixSymbol("b", 1, 4)
>>> print(Elementwise(sp.tanh, X*W + sp.OneMatrix(N, 1)*b))
tanh.(X*W + 1*b)
"""
from __future__ import annotations

import sympy as sp
from sympy.matrices.expressions.applyfunc import ElementwiseApplyFunction
from sympy.matrices.expressions.matexpr import MatrixExpr

from ._checks import sympy_arg
from .frontend.lower import register_children, register_lowering
from .ir.arrays import BroadcastTo, OneHot, ReduceSum, RowMax, Sum
from .ir.graph import Graph, dims

__all__ = ["Elementwise", "Sum", "Softmax", "LogSoftmax", "LogSumExp", "OneHot",
           "ReduceSum", "RowMax", "BroadcastTo", "dims"]


# -- declaration classes ----------------------------------------------------------
class Elementwise(ElementwiseApplyFunction):
    """``f`` applied to every entry of a matrix expression.

    ``Elementwise(sp.tanh, Z)``; extra scalar parameters follow the matrix:
    ``Elementwise(leaky_relu, Z, 0.1)``.
    """

    def __new__(cls, function, expr, *params):
        # strictly: SymPy's own functions (sp.tanh(d, param)) would eval a string param
        expr = sympy_arg(expr, "expr", "Elementwise")
        params = [sympy_arg(p, f"params[{i}]", "Elementwise") for i, p in enumerate(params)]
        if not isinstance(function, sp.Lambda):
            d = sp.Dummy("d")
            function = sp.Lambda(d, function(d, *params))
        return super().__new__(cls, function, expr)

    def _head(self, printer) -> str | None:
        """``tanh`` when the function is ``d -> tanh(d)``; else None."""
        (d,), body = self.function.args
        if isinstance(body, sp.Function) and body.args and body.args[0] == d \
                and d not in set().union(*(a.free_symbols for a in body.args[1:])):
            extra = "".join(", " + printer._print(a) for a in body.args[1:])
            return type(body).__name__, extra
        return None

    def _sympystr(self, printer) -> str:
        head = self._head(printer)
        inner = printer._print(self.expr)
        if head is None:
            return f"({printer._print(self.function)}).({inner})"
        return f"{head[0]}.({inner}{head[1]})"

    def _latex(self, printer) -> str:
        head = self._head(printer)
        inner = printer._print(self.expr)
        if head is None:
            return r"\left(%s\right)_{\circ}\left(%s\right)" % (printer._print(self.function), inner)
        name = {"tanh": r"\tanh", "exp": r"\exp", "log": r"\log", "sin": r"\sin",
                "cos": r"\cos", "sigmoid": r"\sigma"}.get(head[0], r"\operatorname{%s}" % head[0])
        return r"%s_{\circ}\left(%s%s\right)" % (name, inner, head[1])

    def _pretty(self, printer):
        return printer._print_seq([sp.Symbol(self._sympystr(sp.StrPrinter()))])


class _RowWise(MatrixExpr):
    """A row-wise operation whose result has the shape of its argument."""

    def __new__(cls, Z):
        return super().__new__(cls, sympy_arg(Z, "Z", cls.__name__))

    @property
    def shape(self):
        return self.args[0].shape

    def _sympystr(self, printer) -> str:
        return f"{self._name}({printer._print(self.args[0])})"

    def _latex(self, printer) -> str:
        return r"\operatorname{%s}\left(%s\right)" % (self._name, printer._print(self.args[0]))


class LogSumExp(MatrixExpr):
    """Row-wise ``log sum_k exp(z_ik)``: ``(m, n) -> (m, 1)``, computed with the max-shift."""

    def __new__(cls, Z):
        return super().__new__(cls, sympy_arg(Z, "Z", cls.__name__))

    @property
    def shape(self):
        return (self.args[0].shape[0], 1)

    def _sympystr(self, printer) -> str:
        return f"logsumexp({printer._print(self.args[0])})"

    def _latex(self, printer) -> str:
        return r"\operatorname{logsumexp}\left(%s\right)" % printer._print(self.args[0])


class Softmax(_RowWise):
    """Row-wise softmax: ``exp(z_ij) / sum_k exp(z_ik)``."""
    _name = "softmax"


class LogSoftmax(_RowWise):
    """Row-wise log-softmax ``z_ij - log sum_k exp(z_ik)``, stable for any logits."""
    _name = "log_softmax"


# -- lowering: SymPy matrix expressions -> graph ---------------------------------------
@register_lowering(Sum)
def _lower_sum(G: Graph, expr, a):
    return G.reduce_sum(a[0], None)


def _shifted_exp(G: Graph, z: int) -> tuple[int, int, int]:
    """``m = rowmax(z)``, ``e = exp(z - m)``, ``s = rowsum(e)``: no exp overflows."""
    m = G.array_op(RowMax, (z,))
    e = G.apply(sp.exp, G.sub(z, m))
    return m, e, G.reduce_sum(e, 1)


@register_lowering(LogSumExp)
def _lower_logsumexp(G: Graph, expr, a):
    m, e, s = _shifted_exp(G, a[0])
    return G.add(m, G.apply(sp.log, s))


@register_lowering(LogSoftmax)
def _lower_log_softmax(G: Graph, expr, a):
    m, e, s = _shifted_exp(G, a[0])
    return G.sub(a[0], G.add(m, G.apply(sp.log, s)))


@register_lowering(Softmax)
def _lower_softmax(G: Graph, expr, a):
    m, e, s = _shifted_exp(G, a[0])
    return G.div(e, s)


@register_lowering(OneHot)
def _lower_onehot(G: Graph, expr, a):
    labels = a[0]
    return G.array_op(OneHot, (labels,), int(expr.args[1]))


@register_children(OneHot)
def _onehot_children(expr):
    return (expr.args[0],)
