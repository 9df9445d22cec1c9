"""Backends: each turns a :class:`symgrad.ir.program.Program` into a callable.

One module per backend, registered by name in :data:`BACKENDS`; see
``codegen/README.md`` for how to add one.  Modules are imported on first use,
so ``import symgrad`` never loads llvmlite.
"""
from __future__ import annotations

import importlib
from typing import Any

from .threads import requested_threads

__all__ = ["BACKENDS", "backend"]

#: backend name -> module implementing ``build(program, dtype) -> Kernel``
BACKENDS = {
    "numpy": "symgrad.codegen.numpy",
    "llvm": "symgrad.codegen.llvm",
}


def backend(name: str) -> Any:
    """The backend module registered as ``name``."""
    try:
        module = BACKENDS[name]
    except KeyError:
        raise ValueError(f"unknown backend {name!r}; choose one of {sorted(BACKENDS)}") from None
    requested_threads()   # a bad SYMGRAD_NUM_THREADS fails here, at compile time, not in a later call
    return importlib.import_module(module)
