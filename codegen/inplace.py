"""Writing a program's new state into the caller's buffers (``CompiledFunction.update``).

A fused training step returns the next value of every parameter and
optimizer moment (``new_state`` outputs).  :meth:`CompiledFunction.update`
writes them into the arrays the caller passed, so that one call per
mini-batch runs forward, backward and the update.  The order is what keeps
the caller's data safe:

1. every argument is checked (names, dtypes, shapes, as for any call), and
   every buffer to be written must be a NumPy array of the compiled dtype,
   C-contiguous, aligned and writeable, sharing no memory with any other
   argument; anything else is refused with an exception naming it, never
   converted, since an update of a converted copy would be lost silently;
2. the program runs on the unchanged inputs (each new value is computed from
   the old values of all of them, as if the update were simultaneous);
3. only when every new value is there and has its buffer's shape are they
   copied in.  A failure at any step leaves every buffer as it was.

The same code serves both backends: the NumPy backend's generated function
and the llvm machine code both return their new values, which are then
copied into place.
"""
from __future__ import annotations

from typing import Any, Mapping, Sequence

import numpy as np

from .tensor_call import _bounds   # the first and one past the last byte an array reaches

__all__ = ["updated_inputs", "aliased_state", "check_buffers", "write_back", "run_and_write",
           "BoundBuffers"]


def updated_inputs(ports: Sequence[Any]) -> tuple[str, ...]:
    """Names of the inputs a program has a new value for (its ``new_state`` outputs).

    >>> from symgrad.ir.program import Port
    >>> updated_inputs([Port("value", "value"), Port("new_w", "new_state", "w")])
    ('w',)
    """
    return tuple(p.of for p in ports if p.role == "new_state")


def aliased_state(program: Any) -> frozenset[str]:
    """The inputs whose new value may be another input's array, or a view of one.

    The NumPy backend returns such an output as that very array (``state={a:
    b, b: a}`` swaps two buffers; ``state={W: W.T}`` transposes one), so
    writing the buffers one after the other would let an earlier write show
    through a later value.  These values are copied before anything is
    written: the update stays simultaneous.

    >>> import sympy as sp, symgrad as sg
    >>> a, b = sp.symbols("a b")
    >>> sorted(aliased_state(sg.compile(a * b, state={a: b, b: a + 1}).program))
    ['a']
    """
    from symgrad.ir.ops import REGISTRY
    inputs = {i for _, i in program.inputs}
    out = set()
    for (_, i), port in zip(program.outputs, program.output_ports):
        if port.role != "new_state":
            continue
        while i not in inputs:
            node = program.nodes[i]
            decl = REGISTRY.get(node.op)
            if decl is None or not decl.view or not node.args:
                break
            i = node.args[0]
        if i in inputs:
            out.add(port.of)
    return frozenset(out)


def check_buffers(names: Sequence[str], kwargs: Mapping[str, Any], dtype: np.dtype) -> None:
    """Refuse any buffer ``names`` that an in-place update could not write safely.

    Parameters
    ----------
    names
        The inputs to be updated.
    kwargs
        Every argument of the call, by name (the other arguments are read to
        check that no buffer overlaps them).
    dtype
        The compiled dtype.

    Raises
    ------
    TypeError
        A buffer that is missing, not a NumPy array, or of another dtype.
    ValueError
        A buffer that is read-only, not C-contiguous or not aligned, or that
        shares memory with another argument.

    Examples
    --------
    >>> w = np.zeros(3)
    >>> check_buffers(["w"], {"w": w, "x": np.ones(3)}, np.dtype("float64"))
    >>> check_buffers(["w"], {"w": w, "x": w[1:]}, np.dtype("float64"))
    Traceback (most recent call last):
    ...
    ValueError: update: 'w' shares memory with argument 'x'; each updated buffer must be an array of its own
    """
    for n in names:
        if n not in kwargs:
            raise TypeError(f"update: missing argument {n!r} (its buffer receives the new value)")
        a = kwargs[n]
        if not isinstance(a, np.ndarray):
            raise TypeError(f"update: argument {n!r} is a {type(a).__name__}; a buffer updated in place "
                            f"must be a NumPy array of dtype {dtype}")
        if a.dtype != dtype:
            raise TypeError(f"update: argument {n!r} has dtype {a.dtype}; the step is compiled for "
                            f"{dtype} and will not update a converted copy")
        flags = a.flags
        if not flags.writeable:
            raise ValueError(f"update: argument {n!r} is read-only")
        if not (flags.c_contiguous and flags.aligned):
            raise ValueError(f"update: argument {n!r} is not a C-contiguous, aligned array "
                             f"(pass np.ascontiguousarray of it and keep that array)")
    arrays = [(k, v) for k, v in kwargs.items() if isinstance(v, np.ndarray) and v.size]
    spans = sorted((*_bounds(v), k, v) for k, v in arrays)
    updated = set(names)
    for i, (lo, hi, k, a) in enumerate(spans):
        for lo2, hi2, k2, b in spans[i + 1:]:
            if lo2 >= hi:
                break
            if (k in updated or k2 in updated) and np.shares_memory(a, b):
                n, other = (k, k2) if k in updated else (k2, k)
                raise ValueError(f"update: {n!r} shares memory with argument {other!r}; each updated "
                                 f"buffer must be an array of its own")


def write_back(names: Sequence[str], kwargs: Mapping[str, Any], new: Mapping[str, Any],
               aliased: frozenset[str] = frozenset()) -> None:
    """Copy each new value into its buffer, after checking that all of them fit; the values of
    ``aliased`` (:func:`aliased_state`) are copied first, so every write reads old values.

    >>> w = np.zeros(2)
    >>> write_back(["w"], {"w": w}, {"w": np.array([1.0, 2.0])})
    >>> w
    array([1., 2.])
    """
    for n in names:
        have, want = np.shape(new[n]), kwargs[n].shape
        if have != want:   # a buffer smaller than the broadcast result (a scalar state, an array x)
            raise ValueError(f"update: the new value of {n!r} has shape {have}, its buffer {want}; "
                             f"nothing was updated")
    new = {n: (np.array(new[n]) if n in aliased else new[n]) for n in names}
    for n in names:
        kwargs[n][...] = new[n]


def run_and_write(fn: Any, kwargs: Mapping[str, Any], names: Sequence[str],
                  aliased: frozenset[str]) -> Any:
    """Run ``fn`` on checked ``kwargs`` and write its new state into the buffers ``names``
    (:func:`write_back`); the :class:`~symgrad.codegen.callable.Outputs`, with each buffer
    as its new state."""
    values = fn.run(kwargs)
    ports = fn.program.output_ports
    write_back(names, kwargs, {p.of: v for p, v in zip(ports, values) if p.role == "new_state"},
               aliased)
    for k, p in enumerate(ports):
        if p.role == "new_state":
            values[k] = kwargs[p.of]
    return fn.wrap(values)


class BoundBuffers:
    """The buffers of a training step, checked once in full and cheaply on every call after.

    A fused step updates the same parameter and moment arrays call after
    call; checking all of them against each other every time costs more than
    the update.  This holds a reference to each (so none can be reallocated
    under it), re-checks per call what can change on an existing array (its
    shape, dtype, flags), and checks only the per-call arguments (data,
    masks, the learning rate) for overlap with the buffers.

    Examples
    --------
    >>> import sympy as sp, symgrad as sg
    >>> w, x = sp.symbols("w x")
    >>> fn = sg.compile((w * x - 1)**2, wrt=[w], state={w: w - sg.gradient_of(w) / 10})
    >>> bound = BoundBuffers(fn, {"w": np.array(0.0)})
    >>> float(bound.run({"x": 2.0}).value), float(bound.arrays["w"])
    (1.0, 0.4)
    >>> bound.run({"x": bound.arrays["w"]})
    Traceback (most recent call last):
    ...
    ValueError: update: 'w' shares memory with argument 'x'; each updated buffer must be an array of its own
    """

    def __init__(self, fn: Any, buffers: Mapping[str, np.ndarray]):
        self.fn = fn
        self.names = updated_inputs(fn.program.output_ports)
        if not self.names:
            raise TypeError("update: this program has no new state to write; compile it with "
                            "state={symbol: next value}")
        check_buffers(self.names, buffers, fn.dtype)
        self.arrays = dict(buffers)   # the updated buffers and any others passed (read only)
        self.aliased = aliased_state(fn.program)
        self._meta = [(n, a, a.shape) for n, a in self.arrays.items() if n in self.names]
        self._spans = sorted((*_bounds(a), n) for n, a in self.arrays.items()
                             if isinstance(a, np.ndarray) and a.size)

    def same(self, buffers: Mapping[str, Any]) -> bool:
        """Whether ``buffers`` holds exactly the arrays bound here (by identity)."""
        return len(buffers) == len(self.arrays) and all(buffers.get(n) is a for n, a in self.arrays.items())

    def run(self, inputs: Mapping[str, Any]):
        """Check ``inputs`` and the buffers, run the program, write the new state in place."""
        dtype = self.fn.dtype
        for n, a, shape in self._meta:
            flags = a.flags
            if a.shape != shape or a.dtype != dtype or not (flags.writeable and flags.c_contiguous):
                check_buffers(self.names, self.arrays, dtype)   # says what is wrong
                raise ValueError(f"update: the buffer of {n!r} changed shape to {a.shape} since it was bound")
        for k, v in inputs.items():
            if k in self.arrays:
                raise TypeError(f"update: {k!r} is a bound buffer; it cannot be passed again")
            if isinstance(v, np.ndarray) and v.size:
                lo, hi = _bounds(v)
                for blo, bhi, n in self._spans:
                    if blo < hi and lo < bhi and np.shares_memory(v, self.arrays[n]):
                        raise ValueError(f"update: {n!r} shares memory with argument {k!r}; each "
                                         f"updated buffer must be an array of its own")
        return run_and_write(self.fn, {**inputs, **self.arrays}, self.names, self.aliased)
