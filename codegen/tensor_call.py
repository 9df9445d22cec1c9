"""Calling a matrix-level program: shapes checked, dimensions bound.

Each ``MatrixSymbol`` argument must have its declared shape; a symbolic
dimension such as the batch size ``N`` is fixed by the first argument that
has it and must agree everywhere else.  A 1-D array is accepted for a row or
column parameter (a bias of shape ``(1, n)`` may be passed as ``(n,)``) and
its gradient comes back in the shape it was passed.  Shared by the backends.
"""
from __future__ import annotations

from typing import Any

import numpy as np
import sympy as sp

from symgrad.program import Program

__all__ = ["TensorSignature"]


class TensorSignature:
    """Argument names, declared shapes and dimension symbols of a program."""

    def __init__(self, program: Program):
        self.program = program
        self.shapes: dict[str, tuple] = {}
        self.dims: dict[str, tuple[str, int]] = {}
        for name, i in program.inputs:
            node = program.nodes[i]
            self.shapes[name] = node.shape
            for axis, d in enumerate(node.shape):
                if isinstance(d, sp.Symbol) and str(d) not in self.dims:
                    self.dims[str(d)] = (name, axis)
        self.args = tuple(n for n, _ in program.inputs if n not in self.dims)
        self.outputs = [program.nodes[i].shape for _, i in program.outputs]

    def check(self, arrays: list[np.ndarray]) -> tuple[list[np.ndarray], dict[str, tuple]]:
        """Arrays reshaped to their declared 2-D shapes; raises on any mismatch."""
        bound: dict[str, tuple[int, str]] = {}
        out, passed = [], {}
        for name, a in zip(self.args, arrays):
            want = self.shapes[name]
            passed[name] = a.shape
            if want == ():
                if a.ndim != 0:
                    raise ValueError(f"argument {name!r} must be a scalar, got shape {a.shape}")
                out.append(a)
                continue
            if a.ndim == 1 and 1 in want:
                a = a.reshape(tuple(-1 if d != 1 else 1 for d in want))
            if a.ndim != 2:
                raise ValueError(f"argument {name!r} has shape {a.shape}; expected "
                                 f"{_show(want)} (a 2-D array)")
            for axis, (d, n) in enumerate(zip(want, a.shape)):
                if isinstance(d, int):
                    if d != n:
                        raise ValueError(f"argument {name!r} has shape {a.shape}; "
                                         f"expected {_show(want)}")
                elif str(d) in bound and bound[str(d)][0] != n:
                    size, src = bound[str(d)]
                    raise ValueError(f"argument {name!r} has shape {a.shape}; expected "
                                     f"{_show(want)} with {d} = {size} (from {src!r})")
                else:
                    bound.setdefault(str(d), (n, name))
            out.append(a)
        return out, passed

    def call(self, fn, arrays: list[np.ndarray]) -> list[Any]:
        arrays, passed = self.check(arrays)
        outs = fn.kernel(*arrays)
        result = [np.asarray(outs[0], dtype=fn.dtype)[()]]
        for name, o in zip(fn.wrt, outs[1:]):
            o = np.asarray(o, dtype=fn.dtype)
            shape = passed.get(name, o.shape)
            if o.shape != shape:          # a broadcast constant, or a bias passed 1-D
                o = np.broadcast_to(o, self._declared(name, passed)).reshape(shape)
            result.append(np.array(o) if not o.flags.writeable else o)
        return result

    def _declared(self, name: str, passed: dict[str, tuple]) -> tuple:
        want = self.shapes[name]
        return tuple(int(np.prod(passed[name])) if d != 1 and not isinstance(d, int) else d
                     for d in want) if len(passed[name]) == 1 else passed[name]


def _show(shape: tuple) -> str:
    return "(" + ", ".join(str(d) for d in shape) + ")"
