"""The roles of a program's inputs and outputs.

Every input and output of a :class:`~symgrad.ir.program.Program` is a
:class:`Port`: a name and a role, and for a gradient or a new state the input
it belongs to.  Backends compute outputs in order and need no roles; the
callable hands the outputs to the caller by name and role.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Sequence

__all__ = ["Port", "INPUT_ROLES", "OUTPUT_ROLES", "default_ports", "check_ports"]

#: What an input is for.  ``data``: the batch the value is computed on (the default);
#: ``parameter``: a weight, differentiated when it is in ``wrt``; ``state``: carried from
#: call to call (batch norm's running statistics, an optimizer's moments), its next value
#: a ``new_state`` output; ``mask``: given per call but neither data nor a parameter (a
#: dropout mask, a learning rate); ``tangent``: the direction of a Hessian-vector product.
INPUT_ROLES = ("data", "parameter", "state", "mask", "tangent")

#: What an output is: the ``value`` differentiated; the ``gradient`` of a parameter; the
#: ``new_state`` of a state input; an ``aux`` result computed in the same fused program.
OUTPUT_ROLES = ("value", "gradient", "new_state", "aux")


@dataclass(frozen=True)
class Port:
    """One named input or output of a program and what it is for.

    Attributes
    ----------
    name : str
        The symbol's name (inputs) or the output's name (``"value"``,
        ``"d_W1"``, ``"new_mu"``, an aux name).
    role : str
        One of :data:`INPUT_ROLES` or :data:`OUTPUT_ROLES`.
    of : str or None
        For a ``gradient`` or ``new_state`` output, the input it belongs to
        (the parameter, the state it replaces); else None.

    Examples
    --------
    >>> Port("new_mu", "new_state", of="mu")
    Port(name='new_mu', role='new_state', of='mu')
    """

    name: str
    role: str
    of: str | None = None


def default_ports(inputs: Sequence[tuple[str, int]],
                   outputs: Sequence[tuple[str, int]]) -> tuple[tuple[Port, ...], tuple[Port, ...]]:
    """Roles of a program built without them: inputs are data; ``value`` is the value,
    ``d_<x>`` of an input ``x`` its gradient, anything else auxiliary."""
    names = {n for n, _ in inputs}
    outs = []
    for n, _ in outputs:
        if n == "value":
            outs.append(Port(n, "value"))
        elif n.startswith("d_") and n[2:] in names:
            outs.append(Port(n, "gradient", n[2:]))
        else:
            outs.append(Port(n, "aux"))
    return tuple(Port(n, "data") for n, _ in inputs), tuple(outs)


def check_ports(inputs: Sequence[Port] | None, outputs: Sequence[Port] | None,
                in_names: Sequence[str], out_names: Sequence[str]) -> None:
    """Roles are known, output names distinct, and each ``of`` names a fitting input.

    Examples
    --------
    >>> check_ports([Port("x", "data")], [Port("new_x", "new_state", "x")], ["x"], ["new_x"])
    Traceback (most recent call last):
    ...
    ValueError: output 'new_x' is the new value of 'x', whose role is 'data', not 'state' or 'parameter'
    """
    dup = sorted(n for n, k in Counter(out_names).items() if k > 1)
    if dup:
        raise ValueError(f"two outputs share the name(s) {dup}; rename one")
    for p in inputs or ():
        if p.role not in INPUT_ROLES:
            raise ValueError(f"input {p.name!r} has role {p.role!r}; input roles are {INPUT_ROLES}")
    if outputs is None:
        return
    if [p.name for p in outputs] != list(out_names):
        raise ValueError("output_ports must name the outputs, in order")
    roles = {p.name: p.role for p in inputs or ()}
    for p in outputs:
        if p.role not in OUTPUT_ROLES:
            raise ValueError(f"output {p.name!r} has role {p.role!r}; output roles are {OUTPUT_ROLES}")
        if p.of is None and p.role in ("gradient", "new_state"):
            raise ValueError(f"output {p.name!r}: a {p.role} output needs the input it belongs to")
        if p.of is not None and p.role not in ("gradient", "new_state"):
            raise ValueError(f"output {p.name!r}: only gradient and new_state outputs belong "
                             f"to an input, not {p.role}")
        if p.of is not None and p.of not in in_names:
            raise ValueError(f"output {p.name!r} belongs to {p.of!r}, which is not an input")
        if p.role == "new_state" and roles and roles.get(p.of) not in ("state", "parameter"):
            raise ValueError(f"output {p.name!r} is the new value of {p.of!r}, whose role is "
                             f"{roles.get(p.of)!r}, not 'state' or 'parameter'")
