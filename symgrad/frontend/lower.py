"""From a SymPy expression DAG to the interned graph (:mod:`symgrad.ir.graph`).

The walk is iterative and memoised on SymPy's structural equality, so a
subexpression that appears many times in the input is lowered once, and an
expression of 10^5 operations does not hit Python's recursion limit.
"""
from __future__ import annotations

from typing import Callable, Iterable

import sympy as sp
from sympy.core.function import AppliedUndef

from .._checks import sympy_arg
from ..errors import UnsupportedExpressionError
from ..ir.graph import BOOLEAN_OPS, Graph
from ..ir.ops import elementwise_ops

__all__ = ["lower", "LOWERINGS", "register_lowering", "register_children"]

#: SymPy function classes that become a node of the same class: the declared
#: elementwise ops (:mod:`symgrad.ir.ops`); those with a lowering of their own
#: in :data:`LOWERINGS` (Add, Max, ...) use it instead.
ELEMENTWISE: set[type] = elementwise_ops()

#: Extra lowerings for node types that need more than "same op, same args":
#: ``fn(G, expr, arg_ids) -> node id``.  Tensor-level classes register here.
LOWERINGS: dict[type, Callable[[Graph, sp.Basic, list[int]], int]] = {}


def register_lowering(*types: type):
    def register(fn):
        for t in types:
            LOWERINGS[t] = fn
        return fn
    return register


#: Node types whose SymPy ``args`` are not all operands: ``fn(expr) -> operands``.
CHILDREN: dict[type, Callable[[sp.Basic], tuple]] = {}


def register_children(*types: type):
    def register(fn):
        for t in types:
            CHILDREN[t] = fn
        return fn
    return register


def _lower_children(expr: sp.Basic) -> tuple[sp.Basic, ...]:
    """The SymPy arguments a node is built from (in lowering order)."""
    for cls in type(expr).__mro__:
        if cls in CHILDREN:
            return CHILDREN[cls](expr)
    if isinstance(expr, sp.Piecewise):
        return tuple(x for pair in expr.args for x in pair.args)
    if isinstance(expr, sp.Heaviside):
        # SymPy's default Heaviside(0) is 1/2; make it explicit for the backends
        return (expr.args[0], expr.args[1] if len(expr.args) > 1 else sp.S.Half)
    if isinstance(expr, (sp.Symbol, sp.MatrixSymbol, sp.Number, sp.NumberSymbol,
                         sp.logic.boolalg.BooleanAtom)):
        return ()
    return expr.args


@register_lowering(sp.Add)
def _add(G, expr, a):
    return G.add(*a)


@register_lowering(sp.Mul)
def _mul(G, expr, a):
    return G.mul(*a)


@register_lowering(sp.Pow)
def _pow(G, expr, a):
    return G.pow(*a)


@register_lowering(sp.Max, sp.Min)
def _maxmin(G, expr, a):
    # n-ary Max/Min become a left fold of binary ones: one simple rule each
    acc = a[0]
    for b in a[1:]:
        acc = G.apply(type(expr), acc, b)
    return acc


@register_lowering(sp.re, sp.conjugate)
def _real_part(G, expr, a):
    # symgrad computes over the reals (arguments are real arrays), where these
    # are the identity; SymPy writes them for plain symbols, which it assumes
    # complex: Abs(exp(x)) evaluates to exp(re(x))
    return a[0]


@register_lowering(sp.im)
def _imaginary_part(G, expr, a):
    return G.zero


@register_lowering(sp.Piecewise)
def _piecewise(G, expr, a):
    return G.apply(sp.Piecewise, *a)


@register_lowering(sp.ITE)
def _ite(G, expr, a):
    # ITE(c, a, b) is Piecewise((a, c), (b, True)), for values and truth values alike
    cond, then, other = a
    return G.where(cond, then, other)


@register_children(sp.Contains)
def _contains_children(expr):
    # x in a set of the reals is a condition on x: Interval(0, 1) -> (0 <= x) & (x <= 1)
    x, where = expr.args
    try:
        return (where.as_relational(x),)
    except (AttributeError, NotImplementedError):   # an ImageSet has no as_relational
        raise UnsupportedExpressionError(
            f"cannot write {_short(expr)} as comparisons on {x}", expr) from None


@register_lowering(sp.Contains)
def _contains(G, expr, a):
    return a[0]


def lower(exprs: Iterable[sp.Basic], G: Graph | None = None,
          memo: dict[sp.Basic, int] | None = None) -> tuple[Graph, list[int]]:
    """Lower SymPy expressions into one graph; return the graph and root ids.

    Raises
    ------
    UnsupportedExpressionError
        For an undefined function such as ``Function('F')(x)``, a
        ``Derivative``, or any node type without a lowering, naming the node
        type and the offending subexpression.

    Examples
    --------
    >>> import sympy as sp
    >>> x, y = sp.symbols("x y")
    >>> G, (r,) = lower([sp.exp(x * y) + x * y])
    >>> [G.nodes[i].op.__name__ for i in G.ancestors([r]) if G.nodes[i].args]
    ['Mul', 'exp', 'Add']
    """
    G = Graph() if G is None else G
    memo = {} if memo is None else memo
    roots = []
    for root in exprs:
        root = sympy_arg(root, "expression", "lower")
        stack: list[tuple[sp.Basic, bool]] = [(root, False)]
        while stack:
            expr, ready = stack.pop()
            if expr in memo:
                continue
            children = _lower_children(expr)
            if not ready:
                _check_supported(expr)      # before its children, so errors name this node
                stack.append((expr, True))
                stack.extend((c, False) for c in reversed(children) if c not in memo)
                continue
            memo[expr] = _lower_node(G, expr, [memo[c] for c in children])
        roots.append(memo[root])
    return G, roots


def _is_supported(expr: sp.Basic) -> bool:
    t = type(expr)
    if expr.is_Symbol or isinstance(expr, (sp.MatrixSymbol, sp.logic.boolalg.BooleanAtom)) \
            or expr.is_Number or expr.is_NumberSymbol:
        return True
    return t in ELEMENTWISE or t in BOOLEAN_OPS or any(c in LOWERINGS for c in t.__mro__)


def _check_supported(expr: sp.Basic) -> None:
    if expr.is_Symbol and expr.is_extended_real is False:
        # symgrad computes over the reals: an imaginary or complex symbol would be
        # fed real numbers and differentiated as if real
        raise UnsupportedExpressionError(
            f"symbol {expr} is declared not real ({'imaginary' if expr.is_imaginary else 'complex'}); "
            f"symgrad computes over the real numbers", expr)
    if _is_supported(expr):
        return
    t = type(expr)
    if isinstance(expr, AppliedUndef):
        raise UnsupportedExpressionError(
            f"undefined function {expr}: symgrad needs to know how to evaluate "
            f"and differentiate {t.__name__}; write it in terms of supported functions",
            expr)
    raise UnsupportedExpressionError(
        f"unsupported SymPy node {t.__name__} in {_short(expr)}", expr)


def _lower_node(G: Graph, expr: sp.Basic, args: list[int]) -> int:
    t = type(expr)
    if expr.is_Symbol or isinstance(expr, sp.MatrixSymbol):
        return G.leaf(expr)
    if expr.is_Number or expr.is_NumberSymbol:
        return G.const(expr)
    if isinstance(expr, sp.logic.boolalg.BooleanAtom):
        # one op for both atoms (as G.true has): a node of op BooleanFalse is not in LEAVES,
        # so to_sympy took it for an operation and called sp.false(False)
        return G.true if expr else G.intern(sp.logic.boolalg.BooleanAtom, (), expr, ())
    for cls in t.__mro__:
        if cls in LOWERINGS:
            return LOWERINGS[cls](G, expr, args)
    if t in ELEMENTWISE or t in BOOLEAN_OPS:
        return G.apply(t, *args)
    _check_supported(expr)
    raise AssertionError(f"{t.__name__} passed the check but has no lowering")


def _short(expr: sp.Basic, n: int = 120) -> str:
    s = str(expr)
    return s if len(s) <= n else s[:n] + "..."
