"""Calling a matrix-level program: shapes checked, dimensions bound.

Each ``MatrixSymbol`` argument must have its declared shape; a symbolic
dimension such as the batch size ``N`` is fixed by the first argument that
has it and must agree everywhere else.  Arrays may have any rank.  A 1-D
array is accepted for a parameter with one axis longer than 1 (a bias of
shape ``(1, n)`` may be passed as ``(n,)``, a per-channel ``(C, 1, 1)`` as ``(C,)``) and
its gradient comes back in the shape it was passed.  Shared by the backends.
"""
from __future__ import annotations

import math
from typing import Any

import numpy as np
import sympy as sp

from symgrad.ir.program import Program

__all__ = ["TensorSignature"]


class TensorSignature:
    """Argument names, declared shapes and dimension symbols of a program."""

    def __init__(self, program: Program):
        self.program = program
        self.shapes: dict[str, tuple] = {}
        self.dims: dict[str, tuple[str, int]] = {}
        dim_symbols: dict[str, sp.Symbol] = {}
        for name, i in program.inputs:
            node = program.nodes[i]
            self.shapes[name] = node.shape
            for axis, d in enumerate(node.shape):
                if isinstance(d, sp.Symbol) and str(d) not in self.dims:
                    self.dims[str(d)] = (name, axis)
                    dim_symbols[str(d)] = d
        for name, i in program.inputs:
            # an input named like a dimension is bound to that dimension's size,
            # which is only right if it is the dimension's own symbol
            if name in dim_symbols and program.nodes[i].attr != dim_symbols[name]:
                raise ValueError(f"symbol {sp.srepr(program.nodes[i].attr)} and the dimension "
                                 f"{sp.srepr(dim_symbols[name])} of argument {self.dims[name][0]!r} share "
                                 f"the name {name!r}; rename one of them")
        self.args = tuple(n for n, _ in program.inputs if n not in self.dims)
        self.outputs = [program.nodes[i].shape for _, i in program.outputs]
        # per argument: (declared shape, its axes as ints or dimension names, 1-D reshape);
        # the call path then touches no SymPy object
        self._plan = []
        for name in self.args:
            want = self.shapes[name]
            axes = tuple(d if isinstance(d, int) else str(d) for d in want)
            # a row, column or per-channel parameter ((1, n), (C, 1, 1)) may come as 1-D
            flat = tuple(-1 if d != 1 else 1 for d in want) \
                if 1 in want and sum(d != 1 for d in want) == 1 else None
            self._plan.append((name, want, axes, flat))

    def check(self, arrays: list[np.ndarray]) -> tuple[list[np.ndarray], dict[str, tuple]]:
        """Arrays reshaped to their declared shapes (any rank); raises on any mismatch."""
        bound: dict[str, tuple[int, str]] = {}
        out, passed = [], {}
        for (name, want, axes, flat), a in zip(self._plan, arrays):
            passed[name] = a.shape
            if want == ():
                if a.ndim != 0:
                    raise ValueError(f"argument {name!r} must be a scalar, got shape {a.shape}")
                out.append(a)
                continue
            if a.ndim == 1 and flat is not None:
                a = a.reshape(flat)
            if a.ndim != len(want):
                raise ValueError(f"argument {name!r} has shape {a.shape}; expected "
                                 f"{_show(want)} (a {len(want)}-D array)")
            for d, n in zip(axes, a.shape):
                if d.__class__ is int:
                    if d != n:
                        raise ValueError(f"argument {name!r} has shape {a.shape}; "
                                         f"expected {_show(want)}")
                elif d in bound:
                    if bound[d][0] != n:
                        size, src = bound[d]
                        raise ValueError(f"argument {name!r} has shape {a.shape}; expected "
                                         f"{_show(want)} with {d} = {size} (from {src!r})")
                else:
                    bound[d] = (n, name)
            out.append(a)
        return out, passed

    def call(self, fn, arrays: list[np.ndarray]) -> list[Any]:
        arrays, passed = self.check(arrays)
        outs = fn.kernel(*arrays)
        # a kernel whose outputs are new arrays by construction (the llvm tensor kernel's are
        # disjoint pieces of one block, which may_share_memory cannot tell from overlapping
        # ones) needs no check: it cost ~50 may_share_memory calls and a copy per output
        fresh = getattr(fn.kernel, "fresh_outputs", False)
        seen = None if fresh else [_bounds(a) for a in arrays if a.ndim]   # what outputs must not overlap
        result = []
        for port, o in zip(self.program.output_ports, outs):
            if o.__class__ is not np.ndarray or o.dtype != fn.dtype:   # (errstate costs ~2 us)
                with np.errstate(over="ignore"):  # float64 helper results cast to float32: inf quietly
                    o = np.asarray(o, dtype=fn.dtype)
            if o.ndim and not fresh and _overlaps(_bounds(o), seen):
                # d sum(X*Y)/dY is X itself: a caller updating a gradient in place
                # would write into its own input (or into another output)
                o = o.copy()
            if port.of is None:      # the value and aux outputs: as computed
                result.append(o[()])
                continue
            # a gradient or new state comes back in the shape its input was passed
            name = port.of
            shape = passed.get(name, o.shape)
            if o.shape != shape:
                if o.size == math.prod(shape):   # a bias passed 1-D: a view
                    o = o.reshape(shape)
                else:                          # a broadcast constant
                    o = np.broadcast_to(o, self._declared(name, passed)).reshape(shape)
            result.append(np.array(o) if not o.flags.writeable else o)
            if seen is not None and result[-1].ndim:
                seen.append(_bounds(result[-1]))
        return result

    def _declared(self, name: str, passed: dict[str, tuple]) -> tuple:
        want = self.shapes[name]
        return tuple(int(np.prod(passed[name])) if d != 1 and not isinstance(d, int) else d
                     for d in want) if len(passed[name]) == 1 else passed[name]


def first_bad_label(labels: np.ndarray, k: int):
    """The first class label that is not an integer in ``0..k-1`` (NaN and inf included),
    or None: the check every backend makes before one-hot rows are formed."""
    ok = (labels == np.floor(labels)) & (labels >= 0) & (labels < k)
    return None if ok.all() else labels[~ok][0]


def label_error(name: str, k: int, value) -> ValueError:
    """The error for a bad class label, worded as the numpy backend's ``onehot`` helper."""
    return ValueError(f"argument {name!r}: class labels must be integers in 0..{k - 1}, got {value}")


try:    # NumPy 2 moved it
    from numpy.lib.array_utils import byte_bounds as _byte_bounds
except ImportError:
    _byte_bounds = np.byte_bounds


def _bounds(a: np.ndarray) -> tuple[int, int]:
    """First byte and one past the last that ``a`` can reach (what np.may_share_memory compares)."""
    if a.flags.c_contiguous:
        lo = a.__array_interface__["data"][0]
        return lo, lo + a.nbytes
    return _byte_bounds(a)


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    """Whether ``span`` overlaps any of ``spans``: ``np.may_share_memory`` for each, in integers.

    >>> _overlaps((0, 8), [(8, 16)]), _overlaps((0, 9), [(8, 16)]), _overlaps((4, 4), [(0, 8)])
    (False, True, False)
    """
    lo, hi = span
    return hi > lo and any(lo < h and start < hi for start, h in spans if h > start)


def _show(shape: tuple) -> str:
    return "(" + ", ".join(str(d) for d in shape) + ")"
