"""Lowering of SymPy's own matrix expressions to the graph.

``MatAdd``, ``HadamardProduct`` and ``HadamardPower`` become the entrywise ops
of the scalar level (they broadcast); ``MatMul`` keeps ones-matrices as
broadcasts and sums instead of multiplying them out; explicit matrices become
constant leaves; ``K[i, j]`` becomes ``sum(K o E_ij)``; an
``ElementwiseApplyFunction`` lowers its body with the bound variable standing
for the whole matrix.  symgrad's own array classes register their lowerings
next to their declarations (:mod:`symgrad.tensor`).

n-D arrays: an ``ArraySymbol`` is an input leaf of any rank; SymPy builds
``Add``, ``Mul``, ``Pow`` and functions of array symbols as if they were
scalars, and they lower to entrywise ops that broadcast as NumPy does.  The
ops of :mod:`symgrad.ir.movement` (``Permute``, ``Reshape``, ``ReduceMax``,
``Pad``, ``Shrink``, ``Windows``, ``FoldWindows``) lower to their graph
builders, which check the shapes.
"""
from __future__ import annotations

import sympy as sp
from sympy.matrices.expressions.applyfunc import ElementwiseApplyFunction
from sympy.matrices.expressions.matexpr import MatrixElement
from sympy.tensor.array.expressions import ArraySymbol

from ..errors import UnsupportedExpressionError
from ..ir.graph import Graph, dims
from ..ir.movement import ArrayOp, FoldWindows, Pad, Permute, ReduceMax, Reshape, Shrink, Windows
from .lower import lower, register_children, register_lowering

__all__ = ["constant_matrix"]

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


@register_children(sp.OneMatrix, sp.ZeroMatrix)
def _no_children(expr):
    return ()


@register_children(sp.ImmutableDenseMatrix)
def _explicit_matrix_children(expr):
    return tuple(e for _, e in _entries(expr))


@register_children(MatrixElement)
def _matrix_element_children(expr):
    return (expr.args[0],)


@register_children(ElementwiseApplyFunction)
def _elementwise_children(expr):
    return (expr.expr,)


# -- n-D arrays: ArraySymbol leaves and symgrad's array ops (symgrad.ir.movement) ---------
@register_lowering(ArraySymbol)
def _lower_array_symbol(G: Graph, expr, a):
    return G.leaf(expr)


@register_children(ArraySymbol)
def _array_symbol_children(expr):
    return ()


@register_children(ArrayOp)
def _array_op_children(expr):
    return (expr.args[0],)


@register_lowering(Permute)
def _lower_permute(G: Graph, expr, a):
    return G.transpose(a[0], expr.attr)


@register_lowering(Reshape)
def _lower_reshape(G: Graph, expr, a):
    return G.reshape(a[0], expr.attr)


@register_lowering(ReduceMax)
def _lower_reduce_max(G: Graph, expr, a):
    axes, keepdims = expr.attr
    return G.reduce_max(a[0], axes, keepdims)


@register_lowering(Pad)
def _lower_pad(G: Graph, expr, a):
    return G.pad(a[0], expr.attr)


@register_lowering(Shrink)
def _lower_shrink(G: Graph, expr, a):
    return G.shrink(a[0], expr.attr)


@register_lowering(Windows)
def _lower_windows(G: Graph, expr, a):
    kernel, stride = expr.attr
    return G.windows(a[0], kernel, stride)


@register_lowering(FoldWindows)
def _lower_fold_windows(G: Graph, expr, a):
    kernel, stride, spatial = expr.attr
    return G.fold_windows(a[0], kernel, stride, spatial)
