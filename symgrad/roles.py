"""Checking what :func:`symgrad.compile` is told about its inputs and outputs.

Roles themselves are declared with the program (:data:`symgrad.ir.program.INPUT_ROLES`,
:data:`~symgrad.ir.program.OUTPUT_ROLES`); this module turns the user's
``wrt``, ``state``, ``roles`` and ``aux`` arguments into them, refusing
anything ambiguous with a message that names the culprit.
"""
from __future__ import annotations

from typing import Any, Mapping

import sympy as sp

from sympy.matrices.expressions.matexpr import MatrixExpr
from sympy.tensor.array.expressions import ArraySymbol

from .frontend.lower import register_children, register_lowering
from .ir.graph import INPUTS
from .ir.program import INPUT_ROLES

__all__ = ["input_roles", "check_aux", "gradient_of", "GradientOf", "MatrixGradientOf",
           "ArrayGradientOf"]


class GradientOf(sp.Expr):
    """The gradient of the compiled value with respect to a scalar parameter."""

    is_commutative = True

    def _sympystr(self, printer) -> str:
        return f"gradient_of({printer._print(self.args[0])})"


class MatrixGradientOf(MatrixExpr):
    """The gradient of the compiled value with respect to a matrix parameter."""

    @property
    def shape(self) -> tuple:
        return self.args[0].shape

    def _sympystr(self, printer) -> str:
        return f"gradient_of({printer._print(self.args[0])})"


class ArrayGradientOf(sp.Expr):
    """The gradient of the compiled value with respect to an n-D parameter (``ArraySymbol``)."""

    is_commutative = False

    @property
    def shape(self) -> tuple:
        return self.args[0].shape

    def _sympystr(self, printer) -> str:
        return f"gradient_of({printer._print(self.args[0])})"


def gradient_of(w: sp.Basic) -> sp.Basic:
    """A stand-in for the gradient of the value with respect to ``w``.

    In the ``state`` and ``aux`` expressions of :func:`symgrad.compile` it is
    the gradient computed by the same fused program (never a second
    derivation), so a parameter's next value can be an optimizer step, and
    an auxiliary output a gradient norm.

    Examples
    --------
    >>> import sympy as sp, symgrad as sg
    >>> w, x = sp.symbols("w x")
    >>> step = sg.compile((w * x - 1)**2, wrt=[w], state={w: w - gradient_of(w) / 10})
    >>> out = step(w=0.0, x=2.0)
    >>> float(out.value), float(out.grads["w"]), float(out.state["w"])
    (1.0, -4.0, 0.4)
    """
    if isinstance(w, sp.MatrixSymbol):
        return MatrixGradientOf(w)
    if isinstance(w, sp.Symbol):
        return GradientOf(w)
    if isinstance(w, ArraySymbol):
        return ArrayGradientOf(w)
    raise TypeError(f"gradient_of takes a parameter symbol, not {type(w).__name__} {w!r}")


@register_children(GradientOf, MatrixGradientOf, ArrayGradientOf)
def _no_operands(expr) -> tuple:
    return ()


@register_lowering(GradientOf, MatrixGradientOf, ArrayGradientOf)
def _outside_state_and_aux(G, expr, args):
    # reached only where the gradient is not known: compile() seeds it for wrt, in state and aux
    raise ValueError(f"{expr} can only appear in the state and aux expressions of "
                     f"symgrad.compile, for a parameter in wrt")


def _symbol(s: Any, where: str) -> sp.Basic:
    if not isinstance(s, INPUTS):
        raise TypeError(f"{where}: keys must be SymPy symbols; {s!r} ({type(s).__name__}) is not")
    return s


def input_roles(wrt: tuple[sp.Basic, ...], state: Mapping[Any, Any],
                roles: Mapping[Any, str]) -> dict[sp.Basic, str]:
    """The role of every input that is not plain data, keyed by symbol.

    Examples
    --------
    >>> w, mu, m = sp.symbols("w mu m")
    >>> input_roles((w,), {mu: mu / 2}, {m: "mask"})
    {w: 'parameter', mu: 'state', m: 'mask'}
    >>> input_roles((w,), {}, {w: "mask"})
    Traceback (most recent call last):
    ...
    ValueError: roles: w is in wrt, so its role is 'parameter', not 'mask'
    """
    if not isinstance(state, Mapping) or not isinstance(roles, Mapping):
        raise TypeError("state and roles must be mappings from symbols "
                        f"(got {type(state).__name__} and {type(roles).__name__})")
    out: dict[sp.Basic, str] = {w: "parameter" for w in wrt}
    for s in state:
        _symbol(s, "state")
        # a parameter with a next value (a fused optimizer step) stays a parameter
        out.setdefault(s, "state")
    for s, role in roles.items():
        _symbol(s, "roles")
        if role not in INPUT_ROLES:
            raise ValueError(f"roles: {s} has role {role!r}; input roles are {INPUT_ROLES}")
        if s in out and out[s] != role:
            why = "is in wrt" if s in wrt else "has a new value in state"
            raise ValueError(f"roles: {s} {why}, so its role is {out[s]!r}, not {role!r}")
        out[s] = role
    return out


def check_aux(aux: Mapping[str, Any], wrt: tuple[sp.Basic, ...],
              state: Mapping[Any, Any]) -> dict[str, Any]:
    """Auxiliary outputs by name; a name another output already has is refused.

    Examples
    --------
    >>> x = sp.Symbol("x")
    >>> check_aux({"d_x": 2 * x}, (x,), {})
    Traceback (most recent call last):
    ...
    ValueError: aux: the name 'd_x' is taken by the gradient of x; choose another
    """
    if not isinstance(aux, Mapping):
        raise TypeError(f"aux must be a mapping from names to expressions, not {type(aux).__name__}")
    taken = {"value": "the value", **{f"d_{w}": f"the gradient of {w}" for w in wrt},
             **{f"new_{s}": f"the new state of {s}" for s in state}}
    for name in aux:
        if not isinstance(name, str) or not name:
            raise TypeError(f"aux: names must be non-empty strings, not {name!r}")
        if name in taken:
            raise ValueError(f"aux: the name {name!r} is taken by {taken[name]}; choose another")
    return dict(aux)
