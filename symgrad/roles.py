"""Checking what :func:`symgrad.compile` is told about its inputs and outputs.

Roles themselves are declared with the program (:data:`symgrad.ir.program.INPUT_ROLES`,
:data:`~symgrad.ir.program.OUTPUT_ROLES`); this module turns the user's
``wrt``, ``state``, ``roles`` and ``aux`` arguments into them, refusing
anything ambiguous with a message that names the culprit.
"""
from __future__ import annotations

from typing import Any, Mapping

import sympy as sp

from .ir.program import INPUT_ROLES

__all__ = ["input_roles", "check_aux"]


def _symbol(s: Any, where: str) -> sp.Basic:
    if not isinstance(s, (sp.Symbol, sp.MatrixSymbol)):
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
        if s in out:
            raise ValueError(f"state: {s} is in wrt; a parameter's next value is an "
                             f"optimizer's job, not a state update")
        out[s] = "state"
    for s, role in roles.items():
        _symbol(s, "roles")
        if role not in INPUT_ROLES:
            raise ValueError(f"roles: {s} has role {role!r}; input roles are {INPUT_ROLES}")
        if s in out and out[s] != role:
            why = "is in wrt" if out[s] == "parameter" else "has a new value in state"
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
