"""The op registry, filled: every declared op and the views the layers derive from it.

:data:`REGISTRY` maps a SymPy class to its :class:`~symgrad.ir.opdef.OpDef`
(declared in :mod:`symgrad.ir.ops_scalar` and :mod:`symgrad.ir.ops_array`).  The front end's elementwise set,
the parser's function table, the CLI's help, the NumPy printer's function
table, the LLVM emitter's math-function table and the program statistics'
transcendental count are all read from here, so an op is declared once.

Examples
--------
>>> import sympy as sp
>>> from symgrad.ir.ops import REGISTRY, parse_names
>>> REGISTRY[sp.erf].numpy, REGISTRY[sp.erf].llvm
('erf', 'erf')
>>> parse_names()["atanh"] is sp.atanh
True
"""
from __future__ import annotations

from . import ops_scalar  # noqa: F401  (fills REGISTRY)
from . import ops_array  # noqa: F401  (and the array ops)
from .opdef import BACKENDS, REGISTRY, OpDef, defop

__all__ = ["REGISTRY", "OpDef", "defop", "BACKENDS", "lookup", "elementwise_ops", "parse_names",
           "transcendental_names"]


def lookup(op: type) -> OpDef | None:
    """The declaration of ``op``, or None for an undeclared class."""
    return REGISTRY.get(op)


def elementwise_ops() -> set[type]:
    """Classes computed entry by entry (truth values excluded)."""
    return {c for c, d in REGISTRY.items() if d.elementwise and not d.boolean}


def parse_names() -> dict[str, type]:
    """Name in expression text -> the class it calls, sorted by name."""
    return dict(sorted((n, c) for c, d in REGISTRY.items() for n in d.parse))


def transcendental_names() -> frozenset[str]:
    """Names of the ops :meth:`~symgrad.ir.program.Program.stats` counts as function evaluations."""
    return frozenset(d.name for d in REGISTRY.values() if d.transcendental)
