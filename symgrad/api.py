"""The pipeline as named steps: lower -> reverse -> program -> backend."""
from __future__ import annotations

from typing import Any

import sympy as sp

from . import codegen
from .autodiff.reverse import vjp
from .errors import NoDerivativeRuleError
from .frontend.lower import lower
from .frontend.to_sympy import to_sympy
from .inspect import Gradient
from .ir.graph import Graph
from .ir.program import build_program

__all__ = ["grad", "compile", "hessian", "as_wrt"]


def as_wrt(wrt: Any) -> tuple[sp.Basic, ...]:
    """Check that ``wrt`` is a symbol or a sequence of distinct symbols."""
    if isinstance(wrt, (sp.Symbol, sp.MatrixSymbol)):
        wrt = (wrt,)
    if wrt is None or isinstance(wrt, (str, sp.Basic)):
        raise TypeError(f"wrt must be a symbol or a sequence of symbols, not {wrt!r}")
    wrt = tuple(wrt)
    for w in wrt:
        if not isinstance(w, (sp.Symbol, sp.MatrixSymbol)):
            raise TypeError(f"wrt entries must be SymPy symbols; {w!r} "
                            f"({type(w).__name__}) is not")
    seen = set()
    for w in wrt:
        if w in seen:
            raise ValueError(f"{w} appears more than once in wrt")
        seen.add(w)
    return wrt


def _scalar_expr(f: Any) -> sp.Basic:
    try:
        f = sp.sympify(f, strict=True)
    except sp.SympifyError:
        raise TypeError(f"expected a SymPy expression, got {type(f).__name__}: {f!r}") from None
    if isinstance(f, (sp.MatrixBase, sp.NDimArray)) or getattr(f, "is_Matrix", False) \
            and getattr(f, "shape", (1, 1)) != (1, 1):
        raise TypeError(f"can only differentiate a scalar expression, got a "
                        f"{getattr(f, 'shape', '')} {type(f).__name__}")
    return f


def _vjp(G: Graph, root: int, targets: list[int]) -> list[int]:
    """The reverse sweep; a missing rule's error names the SymPy subexpression."""
    try:
        return vjp(G, root, targets)
    except NoDerivativeRuleError as e:
        if e.node is None:
            raise
        raise NoDerivativeRuleError(f"{e} (in {to_sympy(G, e.node)})", e.op, e.node) from None


def grad(f: Any, wrt: Any) -> Gradient:
    """Derive the gradient of ``f`` with one reverse sweep.

    Parameters
    ----------
    f : sympy.Expr
        A scalar expression.
    wrt : Symbol or sequence of Symbol
        Parameters.  One absent from ``f`` has gradient 0.

    Returns
    -------
    Gradient
        Formulas in ``wrt`` order (``g[x]``, ``list(g)``) and the fused
        program ``g.program``.

    Examples
    --------
    >>> import sympy as sp, symgrad as sg
    >>> w, x, b, t, lam = sp.symbols("w x b t lambda")
    >>> L = (sg.sigmoid(w*x + b) - t)**2 / 2 + lam * w**2 / 2
    >>> g = sg.grad(L, [w, b])
    >>> g[b]
    (1 - sigmoid(b + w*x))*(-t + sigmoid(b + w*x))*sigmoid(b + w*x)
    >>> g.program.stats().transcendental
    1
    """
    f = _scalar_expr(f)
    wrt = as_wrt(wrt)
    G, (root,) = lower([f])
    targets = [G.leaf(w) for w in wrt]
    # a matrix parameter the loss ignores still gets a gradient of its own shape
    adjoints = [G.broadcast_to(a, G.nodes[t].shape) if a == G.zero else a
                for a, t in zip(_vjp(G, root, targets), targets)]
    outputs = [("value", root)] + [(f"d_{w}", a) for w, a in zip(wrt, adjoints)]
    return Gradient(f, wrt, G, adjoints, build_program(G, outputs, keep=targets))


def compile(f: Any, wrt: Any = (), backend: str = "numpy", dtype: Any = "float64"):
    """Compile the value and gradient of ``f`` into one fused callable.

    Parameters
    ----------
    f : sympy.Expr
    wrt : sequence of Symbol
        Parameters to differentiate; empty for the value alone.  Without
        ``wrt``, ``f`` may also be a matrix expression (a model's output).
    backend : {"numpy", "llvm"}
    dtype : {"float64", "float32"}

    Returns
    -------
    symgrad.codegen.callable.CompiledFunction
        ``value, grads = fn(x=..., y=...)``: arguments by symbol name,
        scalars or arrays that broadcast together; ``grads`` follows
        ``wrt``.  ``fn.source`` is the generated code.

    Examples
    --------
    >>> import sympy as sp, symgrad as sg
    >>> x, y, z = sp.symbols("x y z")
    >>> fn = sg.compile((x + y) * z, wrt=[x, y, z])
    >>> value, grads = fn(x=-2.0, y=5.0, z=-4.0)
    >>> float(value), [float(d) for d in grads]
    (-12.0, [-4.0, -4.0, 3.0])
    """
    wrt = as_wrt(wrt) if not (isinstance(wrt, (list, tuple)) and len(wrt) == 0) else ()
    if not wrt and getattr(f, "is_Matrix", False) and not isinstance(f, sp.MatrixBase):
        # a matrix-valued expression (a model's output, for prediction): value only
        G, (root,) = lower([f])
        return codegen.backend(backend).build(build_program(G, [("value", root)]), dtype, [])
    g = grad(f, wrt)
    return codegen.backend(backend).build(g.program, dtype, [str(w) for w in wrt])


def hessian(f: Any, wrt: Any) -> sp.Matrix:
    """The Hessian of ``f`` by reverse-over-reverse differentiation.

    The gradient is derived once; each of its entries is then differentiated
    by another reverse sweep over the same interned graph (never by
    per-entry ``sympy.diff``).

    Examples
    --------
    >>> import sympy as sp, symgrad as sg
    >>> x1, x2, x3 = sp.symbols("x1 x2 x3")
    >>> f = x1**2 + x1*(1 - x2) - x2**2 - x2*x3 + x3**2 + x3
    >>> sg.hessian(f, [x1, x2, x3])
    Matrix([
    [ 2, -1, 0],
    [-1, -2, -1],
    [ 0, -1, 2]])
    """
    f = _scalar_expr(f)
    wrt = as_wrt(wrt)
    G, (root,) = lower([f])
    targets = [G.leaf(w) for w in wrt]
    first = _vjp(G, root, targets)
    memo: dict[int, sp.Basic] = {}
    rows = [[to_sympy(G, d, memo) for d in _vjp(G, gi, targets)] for gi in first]
    return sp.Matrix(rows)
