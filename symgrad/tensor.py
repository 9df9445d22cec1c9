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
from sympy.matrices.expressions.matexpr import MatrixElement, MatrixExpr

from ._checks import positive_int, sympy_arg
from .errors import UnsupportedExpressionError
from .graph import Graph, dims
from .lower import lower, register_children, register_lowering

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


# -- graph-only reductions (they print, so gradient formulas can show them) -------------
class ReduceSum(MatrixExpr):
    """Sum over one axis, keeping it: ``(m, n) -> (1, n)`` (axis 0) or ``(m, 1)`` (axis 1)."""

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
        return printer._print(_as_broadcast(self.args[0], self.shape))


def _as_broadcast(X, shape):
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


# -- lowering: SymPy matrix expressions -> graph ---------------------------------------
@register_lowering(sp.MatAdd)
def _lower_matadd(G: Graph, expr, a):
    return G.add(*a)


@register_lowering(sp.HadamardProduct)
def _lower_hadamard(G: Graph, expr, a):
    return G.mul(*a)


@register_lowering(sp.HadamardPower)
def _lower_hadamard_power(G: Graph, expr, a):
    return G.pow(*a)


@register_lowering(sp.MatMul)
def _lower_matmul(G: Graph, expr, a):
    scalars = [i for i, e in zip(a, expr.args) if not getattr(e, "is_Matrix", False)]
    mats = [(i, e) for i, e in zip(a, expr.args) if getattr(e, "is_Matrix", False)]
    # ones matrices are never multiplied out: a leading run of them is kept as the
    # shape ``ones`` until the factor it multiplies, later ones become row sums
    acc, ones = None, None
    for i, e in mats:
        if isinstance(e, sp.OneMatrix):
            rows, cols = dims(e.shape)
            if acc is not None:   # X 1: row sums, repeated across the new columns
                acc = G.broadcast_to(G.reduce_sum(acc, 1), (G.nodes[acc].shape[0], cols))
            elif ones is None:
                ones = (rows, cols)
            else:                 # 1 1: every entry counts the inner dimension
                scalars.append(G.leaf(sp.sympify(rows)))
                ones = (ones[0], cols)
            continue
        if acc is None and ones is not None:   # 1 b: b's column sums, repeated over rows
            acc = G.broadcast_to(G.reduce_sum(i, 0) if G.nodes[i].shape[0] != 1 else i,
                                 (ones[0], G.nodes[i].shape[1]))
        elif acc is None:
            acc = i
        else:
            acc = G.matmul(acc, i)
    if acc is None:               # c 1: a number times a matrix of ones (eps added to a variance)
        acc = G.broadcast_to(G.one, ones)
    return G.mul(acc, *scalars) if scalars else acc


@register_lowering(sp.Transpose)
def _lower_transpose(G: Graph, expr, a):
    return G.transpose(a[0])


@register_lowering(sp.OneMatrix)
def _lower_ones(G: Graph, expr, a):
    return G.broadcast_to(G.one, dims(expr.shape))


@register_lowering(sp.ZeroMatrix)
def _lower_zeros(G: Graph, expr, a):
    return G.broadcast_to(G.zero, dims(expr.shape))


def constant_matrix(G: Graph, M: sp.MatrixBase) -> int:
    """A leaf holding a matrix of numbers (op ``ImmutableDenseMatrix``, the matrix in ``attr``)."""
    return G.intern(sp.ImmutableDenseMatrix, (), sp.ImmutableDenseMatrix(M), dims(M.shape))


def _unit(shape: tuple[int, int], i: int, j: int) -> sp.ImmutableDenseMatrix:
    """The matrix with a 1 at ``(i, j)`` and zeros elsewhere."""
    return sp.ImmutableDenseMatrix(*shape, lambda r, c: int((r, c) == (i, j)))


@register_lowering(sp.ImmutableDenseMatrix)
def _lower_explicit_matrix(G: Graph, expr, a):
    # the numbers form one constant leaf; an entry that is an expression adds
    # entry * unit matrix, so its gradient is the adjoint's entry at that place
    numbers = expr.applyfunc(lambda e: e if _is_constant(e) else 0)
    terms = [constant_matrix(G, numbers)] if any(numbers) else []
    entries = iter(a)
    for (r, c), e in _entries(expr):
        terms.append(G.mul(next(entries), constant_matrix(G, _unit(expr.shape, r, c))))
    return G.add(*terms) if terms else G.broadcast_to(G.zero, dims(expr.shape))


def _entries(M: sp.MatrixBase) -> list[tuple[tuple[int, int], sp.Basic]]:
    """Positions and values of the entries of ``M`` that are not numbers."""
    return [((r, c), M[r, c]) for r in range(M.rows) for c in range(M.cols) if not _is_constant(M[r, c])]


def _is_constant(e: sp.Basic) -> bool:
    return bool(e.is_Number or e.is_NumberSymbol)


@register_lowering(MatrixElement)
def _lower_matrix_element(G: Graph, expr, a):
    # K[i, j] = sum(K o E_ij): the existing entrywise and Sum rules give the
    # one-hot gradient, and both backends already emit these nodes
    parent, i, j = expr.args
    shape = dims(parent.shape)
    if not all(isinstance(d, int) for d in (*shape, *dims((i, j)))):
        raise UnsupportedExpressionError(
            f"{expr}: symgrad takes an entry only at integer indices of a matrix of integer "
            f"shape, not at ({i}, {j}) of shape {parent.shape}", expr)
    return G.reduce_sum(G.mul(a[0], constant_matrix(G, _unit(shape, int(i), int(j)))), None)


@register_lowering(ElementwiseApplyFunction)
def _lower_elementwise(G: Graph, expr, a):
    # the body is lowered with the bound variable standing for the whole matrix:
    # entrywise ops broadcast, so tanh(d) becomes tanh of the matrix node
    (d,), body = expr.function.args
    _, (root,) = lower([body], G, memo={d: a[-1]})
    return root


@register_lowering(Sum)
def _lower_sum(G: Graph, expr, a):
    return G.reduce_sum(a[0], None)


def _shifted_exp(G: Graph, z: int) -> tuple[int, int, int]:
    """``m = rowmax(z)``, ``e = exp(z - m)``, ``s = rowsum(e)``: no exp overflows."""
    m = G.apply(RowMax, z, shape=(G.nodes[z].shape[0], 1))
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
    return G.apply(OneHot, labels, attr=int(expr.args[1]),
                   shape=(G.nodes[labels].shape[0], int(expr.args[1])))


@register_children(ElementwiseApplyFunction)
def _elementwise_children(expr):
    return (expr.expr,)


@register_children(OneHot)
def _onehot_children(expr):
    return (expr.args[0],)


@register_children(sp.OneMatrix, sp.ZeroMatrix)
def _no_children(expr):
    return ()


@register_children(sp.ImmutableDenseMatrix)
def _explicit_matrix_children(expr):
    return tuple(e for _, e in _entries(expr))


@register_children(MatrixElement)
def _matrix_element_children(expr):
    return (expr.args[0],)
