"""The callable every backend returns: argument checks, then the kernel.

Arguments are passed by symbol name.  Before the kernel sees anything, each
argument is checked for its name, converted to the compiled dtype (refusing
complex, string and object data), and the shapes are checked against each
other; a failure raises an exception that names the argument.
"""
from __future__ import annotations

from typing import Any, Callable, Iterator, Sequence

import numpy as np
import sympy as sp

__all__ = ["CompiledFunction", "Grads", "bind", "as_dtype", "rebuild"]


def as_dtype(dtype: Any) -> np.dtype:
    """``"float64"`` / ``"float32"`` (or their NumPy types) as a NumPy dtype."""
    try:
        dt = np.dtype(dtype)
    except TypeError:
        dt = None
    if dt not in (np.dtype(np.float64), np.dtype(np.float32)):
        raise ValueError(f"dtype must be 'float64' or 'float32', not {dtype!r}")
    return dt


class Grads(tuple):
    """Gradients in ``wrt`` order; also indexable by parameter name or symbol.

    >>> g = Grads([1.0, 2.0], ["w", "b"])
    >>> g == (1.0, 2.0), g["b"], dict(g.items())
    (True, 2.0, {'w': 1.0, 'b': 2.0})
    """

    def __new__(cls, values: Sequence[Any], names: Sequence[str]):
        self = super().__new__(cls, values)
        self.names = tuple(names)
        return self

    def __getitem__(self, key):
        if isinstance(key, (str, sp.Basic)):
            try:
                key = self.names.index(str(key))
            except ValueError:
                raise KeyError(f"no gradient for {key!r}; have {list(self.names)}") from None
        return super().__getitem__(key)

    def items(self) -> Iterator[tuple[str, Any]]:
        return zip(self.names, tuple.__iter__(self))

    def as_dict(self) -> dict[str, Any]:
        return dict(self.items())

    def __reduce__(self):
        # a tuple subclass pickles through __new__(values) alone; the names are needed too
        return (Grads, (tuple(self), self.names))


def bind(names: Sequence[str], kwargs: dict[str, Any], dtype: np.dtype) -> list[np.ndarray]:
    """Check keyword arguments against ``names``; convert each to ``dtype``."""
    missing = [n for n in names if n not in kwargs]
    known = set(names)
    extra = sorted(k for k in kwargs if k not in known)
    if missing or extra:
        parts = []
        if missing:
            parts.append(f"missing argument(s) {missing}")
        if extra:
            parts.append(f"unexpected argument(s) {extra}")
        raise TypeError("; ".join(parts) + f" (expected {list(names)})")
    out = []
    for n in names:
        v = kwargs[n]
        try:
            a = np.asarray(v)
        except Exception as e:  # ragged lists and the like
            raise TypeError(f"argument {n!r} is not numeric array data: {e}") from None
        if a.dtype.kind not in "biuf":
            raise TypeError(f"argument {n!r} has dtype {a.dtype}; expected real numbers "
                            f"(it is converted to {dtype})")
        out.append(a.astype(dtype, copy=False))
    return out


class CompiledFunction:
    """Value and gradient of one expression, compiled by a backend.

    Call with every input symbol by name; returns ``(value, grads)`` where
    ``grads`` is a :class:`Grads` in ``wrt`` order.  It pickles (so
    ``multiprocessing`` and ``concurrent.futures`` can ship it) and
    deep-copies as its program: the other side compiles it again.

    Attributes
    ----------
    program : symgrad.ir.program.Program
    source : str
        The generated source (Python for ``numpy``, LLVM IR for ``llvm``).
    args : tuple of str
        Argument names the call expects.
    wrt : tuple of str
        Names of the parameters whose gradients are returned.
    """

    def __init__(self, program, kernel: Callable, source: str, dtype: np.dtype,
                 wrt: Sequence[str], backend: str,
                 call: Callable[["CompiledFunction", list[np.ndarray]], list[Any]],
                 args: Sequence[str] | None = None):
        self.program = program
        self.kernel = kernel
        self.source = source
        self.dtype = dtype
        self.args = tuple(n for n, _ in program.inputs) if args is None else tuple(args)
        self.wrt = tuple(wrt)
        self.backend = backend
        self._call = call

    def __call__(self, /, **kwargs: Any):   # positional-only: a symbol may be named "self"
        arrays = bind(self.args, kwargs, self.dtype)
        outs = self._call(self, arrays)
        value, grads = outs[0], outs[1:]
        return value, Grads(grads, self.wrt)

    def __repr__(self) -> str:
        return (f"<CompiledFunction backend={self.backend} dtype={self.dtype} "
                f"args={list(self.args)} wrt={list(self.wrt)}>")

    def __reduce__(self):
        # The kernel (exec'd Python, JIT-compiled machine code) cannot leave this
        # process; the program can, and the receiving side builds it again (the
        # llvm backend loads the machine code from its disk cache).  This is what
        # pickle, copy.deepcopy, multiprocessing and concurrent.futures use.
        return (rebuild, (self.program, self.dtype.name, self.wrt, self.backend))

    def __copy__(self) -> "CompiledFunction":
        # a shallow copy shares the kernel; it holds no per-call state
        new = object.__new__(type(self))
        new.__dict__.update(self.__dict__)
        return new


def rebuild(program, dtype: str, wrt: Sequence[str], backend: str) -> CompiledFunction:
    """Build ``program`` with ``backend`` again: how a :class:`CompiledFunction` unpickles."""
    from . import backend as get_backend   # codegen imports this module first
    return get_backend(backend).build(program, dtype, wrt)
