"""The callable every backend returns: argument checks, then the kernel.

Arguments are passed by symbol name.  Before the kernel sees anything, each
argument is checked for its name, converted to the compiled dtype (refusing
complex, string and object data), and the shapes are checked against each
other; a failure raises an exception that names the argument.
"""
from __future__ import annotations

from functools import cached_property
from typing import Any, Callable, Iterator, Sequence

import numpy as np
import sympy as sp

__all__ = ["CompiledFunction", "Grads", "Outputs", "OutputLayout", "bind", "as_dtype", "rebuild"]


def as_dtype(dtype: Any) -> np.dtype:
    """``"float64"`` / ``"float32"`` (or their NumPy types) as a NumPy dtype."""
    try:
        dt = np.dtype(dtype)
    except TypeError:
        dt = None
    # `dt is None` first: np.dtype compares equal to None (np.dtype(None) is float64), so an
    # unknown name such as "float" + "x" slipped through `None in (float64, float32)`
    if dt is None or dt not in (np.dtype(np.float64), np.dtype(np.float32)):
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


class Outputs(tuple):
    """What a compiled call returns: the pair ``(value, grads)``, and every output by name.

    ``value, grads = fn(...)`` unpacks it as always, whatever else the
    program computes; the other outputs are read by role or by name.

    Attributes
    ----------
    value
        The ``value`` output (None in a program without one).
    grads : Grads
        The ``gradient`` outputs, by parameter.
    state : dict
        The ``new_state`` outputs, keyed by the state input each replaces, so
        ``fn(**data, **params, **out.state)`` feeds them to the next call.
    aux : dict
        The ``aux`` outputs, by the names given to :func:`symgrad.compile`.
    ports : tuple of Port
        Each output's name and role, in program order.

    Examples
    --------
    >>> from symgrad.ir.program import Port
    >>> ports = [Port("value", "value"), Port("d_w", "gradient", "w"),
    ...          Port("new_mu", "new_state", "mu"), Port("logits", "aux")]
    >>> out = Outputs([1.0, 2.0, 3.0, 4.0], ports)
    >>> value, grads = out
    >>> value, grads["w"], out.state, out.aux, out["d_w"]
    (1.0, 2.0, {'mu': 3.0}, {'logits': 4.0}, 2.0)
    >>> out.as_dict()
    {'value': 1.0, 'd_w': 2.0, 'new_mu': 3.0, 'logits': 4.0}
    """

    def __new__(cls, values: Sequence[Any], ports: "Sequence[Any] | OutputLayout"):
        layout = ports if isinstance(ports, OutputLayout) else OutputLayout(ports)
        if len(values) != len(layout.ports):
            raise ValueError(f"internal error: {len(values)} outputs for {len(layout.ports)} ports")
        value = values[layout.value] if layout.value is not None else None
        grads = Grads([values[k] for k in layout.grads], layout.grad_names)
        self = super().__new__(cls, (value, grads))
        self._values = values
        self._layout = layout
        return self

    @property
    def ports(self) -> tuple:
        return self._layout.ports

    @property
    def state(self) -> dict[str, Any]:
        return {p.of: v for p, v in zip(self.ports, self._values) if p.role == "new_state"}

    @property
    def aux(self) -> dict[str, Any]:
        return {p.name: v for p, v in zip(self.ports, self._values) if p.role == "aux"}

    @property
    def value(self) -> Any:
        return tuple.__getitem__(self, 0)

    @property
    def grads(self) -> Grads:
        return tuple.__getitem__(self, 1)

    def __getitem__(self, key):
        if isinstance(key, str):
            for p, v in zip(self.ports, self._values):
                if p.name == key:
                    return v
            raise KeyError(f"no output named {key!r}; have {[p.name for p in self.ports]}")
        return super().__getitem__(key)

    def as_dict(self) -> dict[str, Any]:
        """Every output by name, in program order."""
        return {p.name: v for p, v in zip(self.ports, self._values)}

    def __reduce__(self):
        return (Outputs, (tuple(self._values), self.ports))


class OutputLayout:
    """Where a program's value and gradients are among its outputs, found once per
    compiled function so that a call only picks them out (see :class:`Outputs`)."""

    __slots__ = ("ports", "value", "grads", "grad_names")

    def __init__(self, ports: Sequence[Any]):
        self.ports = tuple(ports)
        self.value = next((k for k, p in enumerate(self.ports) if p.role == "value"), None)
        self.grads = tuple(k for k, p in enumerate(self.ports) if p.role == "gradient")
        self.grad_names = tuple(self.ports[k].of for k in self.grads)


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
        if isinstance(v, np.ma.MaskedArray):
            # np.asarray drops the mask: the masked entries would be computed with
            raise TypeError(f"argument {n!r} is a masked array, whose mask would be ignored; pass "
                            f"{n}.filled(value) or {n}.data")
        try:
            a = np.asarray(v)
        except Exception as e:  # ragged lists and the like
            raise TypeError(f"argument {n!r} is not numeric array data: {e}") from None
        if a.dtype.kind == "b":
            # True/False are not numbers to differentiate at (torch refuses exp of a bool tensor)
            raise TypeError(f"argument {n!r} has dtype bool; expected real numbers (write "
                            f"{n}.astype({dtype.name!r}) if 0 and 1 are meant)")
        if a.dtype.kind not in "iuf":
            raise TypeError(f"argument {n!r} has dtype {a.dtype}; expected real numbers "
                            f"(it is converted to {dtype})")
        out.append(a.astype(dtype, copy=False))
    return out


class CompiledFunction:
    """Value and gradient of one expression, compiled by a backend.

    Call with every input symbol by name; returns :class:`Outputs`, which
    unpacks as ``(value, grads)`` with ``grads`` a :class:`Grads` in ``wrt``
    order, and holds new state and auxiliary outputs by name.  It pickles (so
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
    inputs, outputs : tuple of Port
        The role of each argument (in ``args`` order) and of each output.
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
        self._layout = OutputLayout(program.output_ports)

    def __call__(self, /, **kwargs: Any):   # positional-only: a symbol may be named "self"
        arrays = bind(self.args, kwargs, self.dtype)
        return Outputs(self._call(self, arrays), self._layout)

    def update(self, /, **kwargs: Any) -> "Outputs":
        """Run the program and write each new state into the buffer passed for it.

        The fused training step: parameters and optimizer moments compiled
        with ``state={w: next_w, ...}`` are updated in place, so one call per
        mini-batch runs forward, backward and the update.  Every argument is
        checked before anything runs, and the buffers are written only after
        every new value is computed (see :mod:`symgrad.codegen.inplace`):
        a buffer must be a writeable, C-contiguous NumPy array of the
        compiled dtype that shares no memory with another argument.

        Returns
        -------
        Outputs
            As a call returns, with ``out.state[name]`` the caller's buffer.

        Examples
        --------
        >>> import numpy as np, sympy as sp, symgrad as sg
        >>> w, x = sp.symbols("w x")
        >>> step = sg.compile((w * x - 1)**2, wrt=[w], state={w: w - sg.gradient_of(w) / 10})
        >>> wv = np.array(0.0)
        >>> float(step.update(w=wv, x=2.0).value), float(wv)
        (1.0, 0.4)
        >>> step.update(w=0.0, x=2.0)
        Traceback (most recent call last):
        ...
        TypeError: update: argument 'w' is a float; a buffer updated in place must be a NumPy array of dtype float64
        """
        from .inplace import check_buffers, run_and_write
        names, aliased = self._updated
        if not names:
            raise TypeError("update: this program has no new state to write; compile it with "
                            "state={symbol: next value}")
        check_buffers(names, kwargs, self.dtype)
        return run_and_write(self, kwargs, names, aliased)

    @cached_property
    def _updated(self) -> tuple[tuple[str, ...], frozenset[str]]:
        # what update writes, found once per compiled function rather than per call
        from .inplace import aliased_state, updated_inputs
        return updated_inputs(self.program.output_ports), aliased_state(self.program)

    def run(self, kwargs: dict[str, Any]) -> list[Any]:
        """The outputs as a list, in program order (what a call wraps in :class:`Outputs`)."""
        return list(self._call(self, bind(self.args, kwargs, self.dtype)))

    def wrap(self, values: Sequence[Any]) -> "Outputs":
        """``values`` (program order) as the :class:`Outputs` a call returns."""
        return Outputs(values, self._layout)

    @property
    def inputs(self) -> tuple:
        """A :class:`~symgrad.ir.program.Port` (name and role) per argument, in ``args`` order."""
        roles = {p.name: p for p in self.program.input_ports}
        return tuple(roles[a] for a in self.args)

    @property
    def outputs(self) -> tuple:
        """A :class:`~symgrad.ir.program.Port` per output, in the order the kernel returns them."""
        return self.program.output_ports

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
