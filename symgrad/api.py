"""The pipeline as named steps: lower -> reverse -> program -> backend."""
from __future__ import annotations

from typing import Any, Mapping

import sympy as sp
from sympy.tensor.array.expressions import ArraySymbol

from . import codegen
from .autodiff.reverse import vjp, zeros_shaped
from .errors import NoDerivativeRuleError
from .frontend.lower import lower
from .frontend.to_sympy import to_sympy
from .inspect.gradient import Gradient
from .ir.graph import INPUTS, Graph
from .ir.program import Port, build_program, symbol_name
from .roles import check_aux, gradient_of, input_roles

__all__ = ["grad", "compile", "hessian", "as_wrt"]


def as_wrt(wrt: Any) -> tuple[sp.Basic, ...]:
    """Check that ``wrt`` is a symbol or a sequence of distinct symbols."""
    if isinstance(wrt, INPUTS):
        wrt = (wrt,)
    if wrt is None or isinstance(wrt, (str, sp.Basic)):
        raise TypeError(f"wrt must be a symbol or a sequence of symbols, not {wrt!r}")
    wrt = tuple(wrt)
    for w in wrt:
        if not isinstance(w, INPUTS):
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
    if any(d != 1 for d in G.nodes[root].shape):
        raise TypeError(f"can only differentiate a scalar expression; {f} has shape "
                        f"{G.nodes[root].shape} (sum it, or take an entry)")
    targets, adjoints = _gradients(G, root, wrt)
    outputs, ports = _value_and_gradients(root, wrt, adjoints)
    program = build_program(G, outputs, keep=targets,
                            input_roles={p.of: "parameter" for p in ports[1:]}, output_ports=ports)
    return Gradient(f, wrt, G, adjoints, program)


def _value_and_gradients(root: int, wrt: tuple[sp.Basic, ...],
                         adjoints: list[int]) -> tuple[list[tuple[str, int]], list[Port]]:
    """The outputs ``value, d_<w>...`` and their ports, which every program begins with."""
    names = [symbol_name(w) for w in wrt]
    outputs = [("value", root)] + [(f"d_{n}", a) for n, a in zip(names, adjoints)]
    ports = [Port("value", "value")] + [Port(f"d_{n}", "gradient", n) for n in names]
    return outputs, ports


def _gradients(G: Graph, root: int, wrt: tuple[sp.Basic, ...]) -> tuple[list[int], list[int]]:
    """Leaves of ``wrt`` and their adjoints, by one reverse sweep from ``root``."""
    targets = [G.leaf(w) for w in wrt]
    adjoints = zeros_shaped(G, _vjp(G, root, targets), targets)
    return targets, adjoints


def compile(f: Any, wrt: Any = (), backend: str = "numpy", dtype: Any = "float64", *,
            aux: Mapping[str, Any] | None = None, state: Mapping[Any, Any] | None = None,
            roles: Mapping[Any, str] | None = None):
    """Compile the value and gradient of ``f`` into one fused callable.

    Parameters
    ----------
    f : sympy.Expr
    wrt : sequence of Symbol
        Parameters to differentiate; empty for the value alone.  Without
        ``wrt``, ``f`` may also be a matrix expression (a model's output).
    backend : {"numpy", "llvm"}
    dtype : {"float64", "float32"}
    aux : mapping of str to expression, optional
        More outputs computed in the same fused program, sharing its
        subexpressions (logits, a batch mean): JAX's ``has_aux``, but the
        call still unpacks as ``value, grads`` and ``out.aux[name]`` holds them.
    state : mapping of Symbol to expression, optional
        Inputs carried from call to call (running statistics, optimizer
        moments) and the expression of each one's next value; they come back
        as ``out.state[name]`` (output ``new_<name>``), ready to be passed to
        the next call.  A parameter in ``wrt`` may have a next value too (a
        fused optimizer step), and ``state`` and ``aux`` expressions may read
        the gradients as :func:`symgrad.gradient_of` ``(w)``.  A call returns
        new arrays; ``fn.update(...)`` writes them into the caller's arrays
        instead (the fused training step of :mod:`symgrad.train`).
    roles : mapping of Symbol to str, optional
        The role of other inputs (see :data:`symgrad.ir.program.INPUT_ROLES`):
        ``"mask"`` for a dropout mask or anything else given per call that is
        neither data nor a parameter, ``"tangent"`` for the direction of a
        Hessian-vector product, ``"state"`` for state read but not updated,
        ``"parameter"`` for a frozen weight.  Unlisted inputs are ``"data"``,
        ``wrt`` are ``"parameter"``.  A listed symbol stays an argument even
        when ``f`` does not read it.

    Returns
    -------
    symgrad.codegen.callable.CompiledFunction
        ``value, grads = fn(x=..., y=...)``: arguments by symbol name,
        scalars or arrays that broadcast together; ``grads`` follows
        ``wrt``.  The result is an :class:`~symgrad.codegen.callable.Outputs`:
        ``out.state``, ``out.aux`` and ``out["d_x"]`` read the other outputs
        by name, and ``fn.inputs`` / ``fn.outputs`` list every role.
        ``fn.source`` is the generated code.

    Examples
    --------
    >>> import sympy as sp, symgrad as sg
    >>> x, y, z = sp.symbols("x y z")
    >>> fn = sg.compile((x + y) * z, wrt=[x, y, z])
    >>> value, grads = fn(x=-2.0, y=5.0, z=-4.0)
    >>> float(value), [float(d) for d in grads]
    (-12.0, [-4.0, -4.0, 3.0])

    A running mean as state, ``w*x`` as an auxiliary output, a mask:

    >>> w, mu, m = sp.symbols("w mu m")
    >>> fn = sg.compile(m * (w * x)**2, wrt=[w], aux={"wx": w * x},
    ...                 state={mu: (mu + x) / 2}, roles={m: "mask"})
    >>> out = fn(w=2.0, x=3.0, mu=1.0, m=1.0)
    >>> value, grads = out
    >>> float(value), float(grads["w"]), float(out.aux["wx"]), float(out.state["mu"])
    (36.0, 36.0, 6.0, 2.0)
    >>> [(p.name, p.role) for p in fn.inputs]
    [('m', 'mask'), ('mu', 'state'), ('w', 'parameter'), ('x', 'data')]
    >>> [(p.name, p.role) for p in fn.outputs]
    [('value', 'value'), ('d_w', 'gradient'), ('new_mu', 'new_state'), ('wx', 'aux')]
    """
    wrt = as_wrt(wrt) if not (isinstance(wrt, (list, tuple)) and len(wrt) == 0) else ()
    if not (aux or state or roles):
        if not wrt and (getattr(f, "is_Matrix", False) and not isinstance(f, sp.MatrixBase)
                        or isinstance(f, sp.Basic) and f.has(ArraySymbol)):
            # a matrix- or array-valued expression (a model's output, for prediction): value only
            G, (root,) = lower([f])
            return codegen.backend(backend).build(build_program(G, [("value", root)]), dtype, [])
        g = grad(f, wrt)
        return codegen.backend(backend).build(g.program, dtype, [symbol_name(w) for w in wrt])
    program = _program_with_roles(f, wrt, aux or {}, state or {}, roles or {})
    return codegen.backend(backend).build(program, dtype, [symbol_name(w) for w in wrt])


def _program_with_roles(f: Any, wrt: tuple[sp.Basic, ...], aux: Mapping[str, Any],
                        state: Mapping[Any, Any], roles: Mapping[Any, str]):
    """One fused program: the value, its gradients, new state and auxiliary outputs."""
    in_roles = input_roles(wrt, state, roles)
    aux = check_aux(aux, wrt, state)
    matrix_value = not wrt and getattr(f, "is_Matrix", False) and not isinstance(f, sp.MatrixBase)
    f = f if matrix_value else _scalar_expr(f)
    G, (root,) = lower([f])
    targets, adjoints = _gradients(G, root, wrt)
    # state and aux may read the gradients: gradient_of(w) is the adjoint already computed
    known = {gradient_of(w): a for w, a in zip(wrt, adjoints)}
    G, roots = lower([*state.values(), *aux.values()], G, known)
    new_state, extra = roots[:len(state)], roots[len(state):]
    outputs, ports = _value_and_gradients(root, wrt, adjoints)
    for s, r in zip(state, new_state):
        have, want = G.nodes[r].shape, G.nodes[G.leaf(s)].shape
        if have != want:
            raise ValueError(f"state: the new value of {s} has shape {have or '()'}, "
                             f"{s} has shape {want or '()'}")
        outputs.append((f"new_{s}", r))
        ports.append(Port(f"new_{s}", "new_state", str(s)))
    outputs += list(zip(aux, extra))
    ports += [Port(name, "aux") for name in aux]
    keep = targets + [G.leaf(s) for s in in_roles]
    return build_program(G, outputs, keep=keep,
                         input_roles={str(s): r for s, r in in_roles.items()}, output_ports=ports)


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
