"""Compiled second derivatives: Hessian-vector products and small full Hessians.

:func:`hvp` compiles the loss, its gradient and the Hessian-vector product
``H v`` into one fused program (reverse over reverse on one interned graph,
:mod:`symgrad.autodiff.hvp`); the direction ``v`` is an input of role
``"tangent"`` per parameter.  :func:`hessian_fn` builds the full Hessian of a
model with few parameters from one ``H e_k`` per parameter entry.
:func:`symgrad.hessian` stays the symbolic Hessian of a scalar expression.
"""
from __future__ import annotations

from typing import Any, Mapping

import numpy as np
import sympy as sp
from sympy.tensor.array.expressions import ArraySymbol

from . import codegen
from .api import _scalar_expr, as_wrt
from .autodiff.hvp import hvp as _hvp_graph
from .autodiff.reverse import zeros_shaped
from .ir.graph import INPUTS
from .errors import NoDerivativeRuleError
from .frontend.lower import lower
from .frontend.to_sympy import to_sympy
from .ir.program import Port, build_program, symbol_name

__all__ = ["hvp", "hvp_program", "hessian_fn", "HessianFunction", "tangent_of", "MAX_HESSIAN_PARAMS"]

#: the largest number of parameter entries :func:`hessian_fn` builds a full Hessian for
MAX_HESSIAN_PARAMS = 4096


def tangent_of(w: sp.Basic) -> sp.Basic:
    """The default tangent input of parameter ``w``: ``v_<name>``, of ``w``'s shape.

    >>> tangent_of(sp.MatrixSymbol("W1", 3, 4))
    v_W1
    """
    name = f"v_{symbol_name(w)}"
    if isinstance(w, sp.MatrixSymbol):
        return sp.MatrixSymbol(name, *w.shape)
    if isinstance(w, ArraySymbol):
        return ArraySymbol(name, w.shape)
    return sp.Symbol(name)


def _tangents(f: sp.Basic, wrt: tuple, tangents: Mapping | None) -> list[sp.Basic]:
    tangents = dict(tangents or {})
    unknown = [k for k in tangents if k not in wrt]
    if unknown:
        raise ValueError(f"tangents: {unknown} are not in wrt {list(wrt)}")
    out = [tangents.get(w, tangent_of(w)) for w in wrt]
    taken = {symbol_name(s) for s in f.free_symbols | f.atoms(sp.MatrixSymbol, ArraySymbol)}
    for w, v in zip(wrt, out):
        if not isinstance(v, INPUTS):
            raise TypeError(f"tangents: the tangent of {w} must be a symbol, not {v!r}")
        if getattr(v, "shape", ()) != getattr(w, "shape", ()):
            raise ValueError(f"tangents: the tangent of {w} has shape {getattr(v, 'shape', ())}, "
                             f"{w} has {getattr(w, 'shape', ())}")
        if symbol_name(v) in taken:
            raise ValueError(f"the tangent of {w} would be named {symbol_name(v)}, which f already "
                             f"uses; pass tangents={{{w}: <another symbol>}}")
    if len({symbol_name(v) for v in out}) < len(out):
        raise ValueError("tangents: two parameters have tangents of the same name")
    return out


def hvp_program(f: Any, wrt: Any, tangents: Mapping | None = None):
    """The fused program of value, gradient and ``H v`` (see :func:`hvp`)."""
    f = _scalar_expr(f)
    wrt = as_wrt(wrt)
    vs = _tangents(f, wrt, tangents)
    G, (root,) = lower([f])
    if any(d != 1 for d in G.nodes[root].shape):
        raise TypeError(f"hvp needs a scalar loss; {f} has shape {G.nodes[root].shape}")
    targets = [G.leaf(w) for w in wrt]
    leaves = [G.leaf(v) for v in vs]
    try:
        grads, hv = _hvp_graph(G, root, targets, leaves)
    except NoDerivativeRuleError as e:
        if e.node is None:
            raise
        raise NoDerivativeRuleError(f"{e} (in {to_sympy(G, e.node)})", e.op, e.node) from None
    hv = zeros_shaped(G, hv, targets)
    names = [symbol_name(w) for w in wrt]
    outputs = [("value", root)] + [(f"d_{n}", g) for n, g in zip(names, grads)] \
        + [(f"hvp_{n}", h) for n, h in zip(names, hv)]
    ports = [Port("value", "value")] + [Port(f"d_{n}", "gradient", n) for n in names] \
        + [Port(f"hvp_{n}", "aux") for n in names]
    roles = {**{n: "parameter" for n in names}, **{symbol_name(v): "tangent" for v in vs}}
    return build_program(G, outputs, keep=targets + leaves, input_roles=roles, output_ports=ports)


def hvp(f: Any, wrt: Any, backend: str = "numpy", dtype: Any = "float64", *,
        tangents: Mapping | None = None):
    """Compile loss, gradient and Hessian-vector product into one fused callable.

    Reverse over reverse: the gradient's inner product with the tangent is
    differentiated again on the same interned graph, so forward values and
    first-order adjoints are computed once and shared with ``H v``.

    Parameters
    ----------
    f : sympy.Expr
        A scalar loss.
    wrt : Symbol or sequence of Symbol / MatrixSymbol / ArraySymbol
    backend : {"numpy", "llvm"}
    dtype : {"float64", "float32"}
    tangents : mapping, optional
        ``{parameter: symbol}``: the direction's input for each parameter, of
        its shape.  By default ``v_<name>`` (:func:`tangent_of`).

    Returns
    -------
    symgrad.codegen.callable.CompiledFunction
        Called with every input of ``f`` and the tangents by name;
        ``value, grads = out`` as for :func:`symgrad.compile`, and
        ``out.aux["hvp_<name>"]`` is the product's block of each parameter.
        The tangents are inputs of role ``"tangent"``.

    Examples
    --------
    >>> import sympy as sp, symgrad as sg
    >>> x, y = sp.symbols("x y")
    >>> fn = sg.hvp(x**2 * y + sp.sin(y), [x, y])
    >>> out = fn(x=1.0, y=2.0, v_x=1.0, v_y=0.0)          # H e_x = [2y, 2x]
    >>> float(out.aux["hvp_x"]), float(out.aux["hvp_y"])
    (4.0, 2.0)
    >>> [(p.name, p.role) for p in fn.inputs]
    [('v_x', 'tangent'), ('v_y', 'tangent'), ('x', 'parameter'), ('y', 'parameter')]
    """
    program = hvp_program(f, wrt, tangents)
    names = [symbol_name(w) for w in as_wrt(wrt)]
    return codegen.backend(backend).build(program, dtype, names)


class HessianFunction:
    """The full Hessian of a loss at given inputs, from one ``H e_k`` per parameter entry.

    Calling it with every input of the loss (not the tangents) returns the
    ``(P, P)`` Hessian over the parameters' entries in ``wrt`` order, each
    parameter flattened in C order (``torch.autograd.functional.hessian``'s
    blocks, concatenated).  ``hvp`` is the compiled product it calls.
    """

    def __init__(self, fn, wrt: tuple, shapes: list[tuple]):
        self.hvp = fn
        self.wrt = wrt
        self.names = [symbol_name(w) for w in wrt]
        self.shapes = shapes

    def __call__(self, **inputs) -> np.ndarray:
        dtype = np.dtype(self.hvp.dtype)
        shapes = [tuple(_concrete(d) for d in s) for s in self.shapes]
        sizes = [int(np.prod(s)) for s in shapes]
        total = sum(sizes)
        if total > MAX_HESSIAN_PARAMS:
            raise ValueError(f"a full Hessian over {total} parameter entries is too big "
                             f"(limit {MAX_HESSIAN_PARAMS}); use symgrad.hvp")
        H = np.empty((total, total), dtype=dtype)
        zeros = {f"v_{n}": np.zeros(s, dtype) for n, s in zip(self.names, shapes)}
        col = 0
        for n, s, k in zip(self.names, shapes, sizes):
            for j in range(k):
                v = np.zeros(k, dtype)
                v[j] = 1
                out = self.hvp(**inputs, **{**zeros, f"v_{n}": v.reshape(s)})
                H[:, col] = np.concatenate([np.ravel(out.aux[f"hvp_{m}"]) for m in self.names])
                col += 1
        return H


def _concrete(d) -> int:
    """A dimension's size; a symbolic one (the batch N) is refused."""
    if isinstance(d, (int, np.integer)) or getattr(d, "is_Integer", False):
        return int(d)
    raise ValueError(f"hessian_fn needs parameters of fixed shape; {d} is symbolic")


def hessian_fn(f: Any, wrt: Any, backend: str = "numpy", dtype: Any = "float64") -> HessianFunction:
    """A callable returning the full Hessian of ``f`` over the entries of ``wrt``.

    For models with few parameters (at most :data:`MAX_HESSIAN_PARAMS`
    entries): one compiled :func:`hvp` call per entry.

    Examples
    --------
    The notes' second-derivative test: at the stationary point (-1, -1, -1)
    the Hessian's eigenvalues are all positive, so it is a minimum.

    >>> import numpy as np, sympy as sp, symgrad as sg
    >>> x1, x2, x3 = sp.symbols("x1 x2 x3")
    >>> f = x1**2 + x1*(1 - x2) + x2**2 - x2*x3 + x3**2 + x3
    >>> H = sg.hessian_fn(f, [x1, x2, x3])(x1=-1.0, x2=-1.0, x3=-1.0)
    >>> H
    array([[ 2., -1.,  0.],
           [-1.,  2., -1.],
           [ 0., -1.,  2.]])
    >>> np.round(np.linalg.eigvalsh(H), 3)
    array([0.586, 2.   , 3.414])
    """
    wrt = as_wrt(wrt)
    shapes = [tuple(getattr(w, "shape", ())) for w in wrt]
    return HessianFunction(hvp(f, wrt, backend, dtype), wrt, shapes)
