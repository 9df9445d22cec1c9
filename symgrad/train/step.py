"""The fused training step: loss, gradients and optimizer update in one compiled call.

:class:`TrainStep` compiles the loss with the optimizer's update rules as
new state (:mod:`.optim`), owns the buffers of the parameters, of the
optimizer's moments and of any other state (batch norm's running
statistics), and updates them in place on every call through
:meth:`~symgrad.codegen.callable.CompiledFunction.update`.
"""
from __future__ import annotations

from typing import Any, Mapping, Sequence

import numpy as np
import sympy as sp
from sympy.tensor.array.expressions import ArraySymbol

from ..api import compile as compile_program
from ..codegen.inplace import BoundBuffers
from ..ir.graph import INPUTS
from ..nn.init import init_params
from ..nn.modules import Module
from .optim import Optimizer

__all__ = ["TrainStep"]


class TrainStep:
    """One call per mini-batch: forward, backward and the update, in place.

    Parameters
    ----------
    loss : sympy.Expr
        The scalar loss, reading the data inputs and the parameters.
    params : Module or sequence of MatrixSymbol
        What to train.
    optimizer : Optimizer
        :class:`~symgrad.train.SGD`, :class:`~symgrad.train.Adam` or
        :class:`~symgrad.train.AdamW`.
    init : mapping of str to array, optional
        Initial values of the parameters (and of ``state``) by name; for a
        :class:`~symgrad.nn.Module` the parameters default to
        :func:`symgrad.nn.init_params` ``(params, seed)``.  They are copied:
        the step owns its buffers and never writes into the caller's arrays.
    backend, dtype
        As :func:`symgrad.compile`.
    state : mapping of Symbol to expression, optional
        Other state updated by the step (running statistics), each with its
        initial value in ``init``.
    roles, aux
        As :func:`symgrad.compile` (a dropout mask has role ``"mask"``).
    seed : int
        Seed of :func:`~symgrad.nn.init_params` when ``init`` lacks a parameter.
    weights : str
        Its scheme (``"default"``, ``"torch"``, ``"glorot_uniform"``, ``"he_normal"``, ...).

    Attributes
    ----------
    fn : CompiledFunction
        The compiled step (``fn.source`` is its code).
    buffers : dict of str to ndarray
        Parameters, moments and state, updated in place by each call.
    t : int
        Optimizer steps taken.

    Examples
    --------
    >>> import numpy as np, symgrad as sg
    >>> from symgrad import nn, losses, train
    >>> X, Y = nn.input("X", 2), nn.input("Y", 1)
    >>> model = nn.Dense(2, 1, name="1")
    >>> step = train.TrainStep(losses.mse(model(X), Y), model, train.SGD(lr=0.1))
    >>> x, y = np.array([[1.0, 2.0]]), np.array([[1.0]])
    >>> losses_seen = [float(step(X=x, Y=y).value) for _ in range(30)]
    >>> losses_seen[-1] < 1e-6, step.t
    (True, 30)
    """

    def __init__(self, loss: Any, params: Module | Sequence[sp.Basic], optimizer: Optimizer, *,
                 init: Mapping[str, Any] | None = None, backend: str = "numpy", dtype: Any = "float64",
                 state: Mapping[Any, Any] | None = None, roles: Mapping[Any, str] | None = None,
                 aux: Mapping[str, Any] | None = None, seed: int = 0, weights: str = "default"):
        if not isinstance(optimizer, Optimizer):
            raise TypeError(f"TrainStep: optimizer must be a symgrad.train optimizer (SGD, Adam, AdamW), "
                            f"not {type(optimizer).__name__}")
        module = params if isinstance(params, Module) else None
        params = list(params.parameters() if module is not None else params)
        for p in params:
            if not isinstance(p, INPUTS):
                raise TypeError(f"TrainStep: parameters must be Symbols, MatrixSymbols or ArraySymbols, "
                                f"not {type(p).__name__} {p!r}")
        self.optimizer = optimizer
        self.params = params
        taken = {str(s.name) for s in getattr(loss, "free_symbols", ()) if hasattr(s, "name")}
        updates: dict[sp.Basic, Any] = {}
        self.slots: dict[str, sp.Basic] = {}
        for p in params:
            slots = {}
            for s in optimizer.slots:
                name = f"{s}_{_name(p)}"
                if name in taken:
                    raise ValueError(f"TrainStep: the optimizer's {s!r} buffer of {_name(p)} would be "
                                     f"named {name!r}, which the loss already uses; rename that symbol")
                slots[s] = _like(p, name)
                self.slots[name] = slots[s]
            updates.update(optimizer.rule(p, slots))
        state = dict(state or {})
        clash = [s for s in state if s in updates]
        if clash:
            raise ValueError(f"TrainStep: {clash[0]} is updated by the optimizer; state may not update it too")
        updates.update(state)
        scalars = optimizer.scalars(0)
        for name in scalars:
            if name in taken:
                raise ValueError(f"TrainStep: the optimizer's input {name!r} is a symbol of the loss; rename it")
        roles = {**{sp.Symbol(n): "mask" for n in scalars}, **dict(roles or {})}
        self.fn = compile_program(loss, wrt=params, backend=backend, dtype=dtype, state=updates,
                                  roles=roles, aux=aux)
        self.dtype = self.fn.dtype
        self.buffers = self._initial(params, module, dict(init or {}), state, seed, weights)
        self.t = 0
        self._bound: BoundBuffers | None = None

    def _initial(self, params, module, init, state, seed, weights) -> dict[str, np.ndarray]:
        missing = [_name(p) for p in params if _name(p) not in init]
        if missing and module is not None:
            drawn = init_params(module, seed=seed, dtype=self.dtype.name, weights=weights)
            init.update({k: drawn[k] for k in missing})
        missing = [_name(p) for p in [*params, *state] if _name(p) not in init]
        if missing:
            raise ValueError(f"TrainStep: no initial value for {missing} (pass them in init)")
        buffers = {}
        for p in [*params, *state]:
            a = np.array(init[_name(p)], dtype=self.dtype, order="C")   # a copy the step owns
            want = tuple(int(d) for d in p.shape) if not isinstance(p, sp.Symbol) else ()
            if a.shape != want and not (a.ndim == 1 and a.size == int(np.prod(want))):
                raise ValueError(f"TrainStep: the initial value of {_name(p)} has shape {a.shape}, "
                                 f"expected {want}")
            buffers[_name(p)] = a
        for p in params:
            for s in self.optimizer.slots:
                buffers[f"{s}_{_name(p)}"] = np.zeros_like(buffers[_name(p)])
        return buffers

    def __call__(self, /, **inputs: Any):
        """Run one step on a mini-batch (the data and mask inputs, by name); returns its
        :class:`~symgrad.codegen.callable.Outputs` (``.value`` is the loss before the update)."""
        if self._bound is None or not self._bound.same(self.buffers):   # checked in full once
            self._bound = BoundBuffers(self.fn, self.buffers)
        out = self._bound.run({**inputs, **self.optimizer.scalars(self.t)})
        self.t += 1
        return out

    @property
    def parameters(self) -> dict[str, np.ndarray]:
        """The parameters' buffers by name (the step updates them in place)."""
        return {_name(p): self.buffers[_name(p)] for p in self.params}

    def state_dict(self) -> dict[str, np.ndarray]:
        """Every buffer and the step count, as arrays (what :func:`~symgrad.train.save` writes).

        >>> import sympy as sp
        >>> from symgrad import train
        >>> w = sp.Symbol("w")
        >>> s = train.TrainStep((w - 1)**2, [w], train.Adam(), init={"w": 0.0})
        >>> sorted(s.state_dict())
        ['m_w', 't', 'v_w', 'w']
        """
        return {**{k: v.copy() for k, v in self.buffers.items()}, "t": np.array(self.t)}

    def load_state_dict(self, values: Mapping[str, Any]) -> None:
        """Copy saved buffers and the step count into this step's buffers, after checking
        that every one is there with its shape (nothing is written otherwise)."""
        want = set(self.buffers) | {"t"}
        have = set(values)
        if have != want:
            raise ValueError(f"load: missing {sorted(want - have)}, unexpected {sorted(have - want)}")
        arrays = {}
        for k, buf in self.buffers.items():
            a = np.asarray(values[k])
            if a.shape != buf.shape or a.dtype.kind != "f":
                raise ValueError(f"load: {k!r} has shape {a.shape} and dtype {a.dtype}; "
                                 f"expected {buf.shape}, floating point")
            arrays[k] = a
        t = np.asarray(values["t"])
        if t.shape != () or t.dtype.kind not in "iu" or int(t) < 0:
            raise ValueError(f"load: the step count 't' must be a non-negative integer, not {t!r}")
        for k, a in arrays.items():
            self.buffers[k][...] = a
        self.t = int(t)


def _name(p: sp.Basic) -> str:
    return str(p.name)   # an ArraySymbol's name is a Symbol


def _like(p: sp.Basic, name: str) -> sp.Basic:
    """A symbol named ``name`` of the kind and shape of parameter ``p``."""
    if isinstance(p, sp.MatrixSymbol):
        return sp.MatrixSymbol(name, *p.shape)
    if isinstance(p, ArraySymbol):
        return ArraySymbol(name, p.shape)
    return sp.Symbol(name)
