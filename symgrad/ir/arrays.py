"""Array operations of the IR that SymPy lacks, as SymPy expression classes.

These are the op identities of the graph's array nodes (a node's ``op`` is
one of these classes, as it is ``sympy.MatMul`` for a product) and they
print, so gradient formulas can show them.  :class:`Sum` and :class:`OneHot`
are also written by users (re-exported by :mod:`symgrad.tensor`);
:class:`ReduceSum`, :class:`RowMax` and :class:`BroadcastTo` appear only in
derived formulas.
"""
from __future__ import annotations

import sympy as sp
from sympy.matrices.expressions.matexpr import MatrixExpr

from .._checks import positive_int, sympy_arg

__all__ = ["Sum", "OneHot", "ReduceSum", "RowMax", "BroadcastTo", "as_broadcast"]


class Sum(sp.Expr):
    """Sum of all entries of a matrix expression (a scalar)."""

    is_commutative = True

    def __new__(cls, X):
        return super().__new__(cls, sympy_arg(X, "X", cls.__name__))

    @property
    def arg(self):
        return self.args[0]

    @staticmethod
    def _symgrad_rebuild(node, args):
        """``K[i, j]`` for the ``sum(K o E_ij)`` that an entry lowers to, else the sum."""
        (X,) = args
        if isinstance(X, sp.HadamardProduct) and len(X.args) == 2:
            for K, E in (X.args, X.args[::-1]):
                if isinstance(E, sp.ImmutableDenseMatrix) and sorted(E) == [0] * (len(E) - 1) + [1]:
                    return K[divmod(list(E).index(1), E.cols)]
        return Sum(X)

    def _sympystr(self, printer) -> str:
        return f"sum({printer._print(self.arg)})"

    def _latex(self, printer) -> str:
        return r"\textstyle\sum\left(%s\right)" % printer._print(self.arg)

    def _pretty(self, printer):
        # SymPy's pretty printer dispatches on class name and would take this for its Sum
        from sympy.printing.pretty.stringpict import prettyForm
        inner = printer._print(self.arg)
        return prettyForm(*prettyForm(*inner.parens()).left("sum"))


class OneHot(MatrixExpr):
    """One-hot rows from integer labels: ``labels`` is ``(N, 1)``, the result ``(N, K)``."""

    def __new__(cls, labels, K):
        return super().__new__(cls, sympy_arg(labels, "labels", "OneHot"),
                               sp.Integer(positive_int(K, "K", "OneHot")))

    @property
    def shape(self):
        return (self.args[0].shape[0], self.args[1])

    def _sympystr(self, printer) -> str:
        return f"onehot({printer._print(self.args[0])}, {self.args[1]})"

    def _latex(self, printer) -> str:
        return r"\operatorname{onehot}_{%s}\left(%s\right)" % (self.args[1], printer._print(self.args[0]))


class ReduceSum(MatrixExpr):
    """Sum over one axis, keeping it: ``(m, n) -> (1, n)`` (axis 0) or ``(m, 1)`` (axis 1).

    As a graph op it sums over any set of axes: the node's ``attr`` is
    ``(axes, keepdims)``; this class prints the kept-axis matrix case.
    """

    @staticmethod
    def _symgrad_format(node, args) -> str:
        """A listing line: the matrix case as it always read, other cases with their axes."""
        axes, keepdims = node.attr
        if keepdims and len(axes) == 1 and len(node.shape) == 2:
            return f"ReduceSum({args[0]})"
        return f"ReduceSum({args[0]}, axes={axes}, keepdims={keepdims})"

    def __new__(cls, X, axis):
        return super().__new__(cls, X, sp.Integer(axis))

    @property
    def shape(self):
        m, n = self.args[0].shape
        return (1, n) if self.args[1] == 0 else (m, 1)

    def _sympystr(self, printer) -> str:
        X = printer._print(self.args[0])
        return f"1.T*{X}" if self.args[1] == 0 else f"{X}*1"

    def _latex(self, printer) -> str:
        X = printer._print(self.args[0])
        return r"\mathbb{1}^{T} %s" % X if self.args[1] == 0 else r"%s \mathbb{1}" % X


class RowMax(MatrixExpr):
    """Row maxima ``(m, n) -> (m, 1)``, used only as a shift that results do not
    depend on (log-softmax), so the reverse pass treats it as a constant."""

    def __new__(cls, X):
        return super().__new__(cls, X)

    @property
    def shape(self):
        return (self.args[0].shape[0], 1)

    def _sympystr(self, printer) -> str:
        return f"rowmax({printer._print(self.args[0])})"


class BroadcastTo(MatrixExpr):
    """Repeat a row, column or scalar to a full ``(m, n)`` shape."""

    def __new__(cls, X, m, n):
        return super().__new__(cls, sympy_arg(X, "X", "BroadcastTo"), sympy_arg(m, "m", "BroadcastTo"),
                               sympy_arg(n, "n", "BroadcastTo"))

    @property
    def shape(self):
        return (self.args[1], self.args[2])

    def _sympystr(self, printer) -> str:
        return printer._print(as_broadcast(self.args[0], self.shape))


def as_broadcast(X, shape):
    """The SymPy spelling of a broadcast: ``1*b`` for a row, ``c*1.T`` for a column."""
    m, n = shape
    xs = getattr(X, "shape", ())
    if xs == (m, n):
        return X
    if xs == ():
        return sp.OneMatrix(m, n) if X == 1 else sp.MatMul(X, sp.OneMatrix(m, n))
    if xs[0] == 1 and m != 1:
        X = sp.MatMul(sp.OneMatrix(m, 1), X)
    if xs[1] == 1 and n != 1:
        X = sp.MatMul(X, sp.OneMatrix(1, n))
    return X

