"""Optimizers as update rules fused into the compiled training step.

An optimizer here computes nothing itself: for each parameter ``p`` it
writes the next value of ``p`` and of its moments as expressions in ``p``,
the moments, :func:`symgrad.gradient_of` ``(p)`` and a few scalar inputs
(the learning rate and what changes with the step count).  The training
step (:class:`~symgrad.train.step.TrainStep`) compiles these as
``state={p: next_p, m_p: next_m, ...}`` with the loss, so that one call per
mini-batch runs forward, backward and the update, in place, on either
backend; the scalar inputs are computed per step in Python, so a learning
rate schedule never recompiles.  The formulas follow ``torch.optim`` (its
single-tensor path), operation for operation where rounding could differ.

Examples
--------
>>> import sympy as sp, symgrad as sg
>>> w = sp.Symbol("w")
>>> rule = SGD(lr=0.1, momentum=0.9).rule(w, {"momentum": sp.Symbol("momentum_w")})
>>> rule[w]
-opt_lr*(0.9*momentum_w + gradient_of(w)) + w
>>> Adam(lr=1e-3).scalars(0)
{'opt_lr': 0.001, 'opt_step_size': 0.010000000000000002, 'opt_c2': 0.031622776601683805}
"""
from __future__ import annotations

import math
from typing import Any, Mapping

import sympy as sp

from ..roles import gradient_of
from ..tensor import Elementwise
from .schedules import Schedule

__all__ = ["Optimizer", "SGD", "Adam", "AdamW"]


def _hyper(value: Any, what: str, low: float = 0.0, high: float = math.inf, open_low: bool = False) -> float:
    ok = isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value) \
        and (value > low if open_low else value >= low) and value <= high
    if not ok:
        side = "(" if open_low else "["
        raise ValueError(f"{what} must be a finite number in {side}{low}, {high}], not {value!r}")
    return float(value)


def _times(a: sp.Basic, b: sp.Basic) -> sp.Basic:
    """Entrywise product of two parameters' worth of values (matrices, n-D arrays, scalars)."""
    return sp.HadamardProduct(a, b) if getattr(a, "is_Matrix", False) else a * b


def _apply(f: sp.Lambda, a: sp.Basic) -> sp.Basic:
    """``f`` entrywise: n-D arrays and scalars take the function directly."""
    return Elementwise(f, a) if getattr(a, "is_Matrix", False) else f(a)


class Optimizer:
    """Base class: hyperparameters, the per-step scalars and the update rule.

    Subclasses set :attr:`slots` (the names of the per-parameter moments)
    and implement :meth:`rule` and :meth:`scalars`.
    """

    #: names of the per-parameter state ("momentum"; "m" and "v"), each zero at first
    slots: tuple[str, ...] = ()

    def __init__(self, lr: float, schedule: Schedule | None):
        self.lr = _hyper(lr, f"{type(self).__name__}: lr", open_low=True)
        if schedule is not None and not isinstance(schedule, Schedule):
            raise TypeError(f"{type(self).__name__}: schedule must be a symgrad.train Schedule "
                            f"(StepLR, CosineLR, LinearWarmup), not {type(schedule).__name__}")
        self.schedule = schedule

    def lr_at(self, t: int) -> float:
        """The learning rate of the step taken after ``t`` steps."""
        return self.schedule(t, self.lr) if self.schedule is not None else self.lr

    def scalars(self, t: int) -> dict[str, float]:
        """The scalar inputs of the step taken after ``t`` steps, by input name."""
        return {"opt_lr": self.lr_at(t)}

    def rule(self, p: sp.Basic, slots: Mapping[str, sp.Basic]) -> dict[sp.Basic, sp.Basic]:
        """The next value of ``p`` and of its ``slots``: ``{p: next_p, slot: next_slot}``."""
        raise NotImplementedError

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in vars(self).items() if v is not None)
        return f"{type(self).__name__}({args})"


LR = sp.Symbol("opt_lr")


class SGD(Optimizer):
    """Stochastic gradient descent with momentum, Nesterov momentum and weight decay.

    As ``torch.optim.SGD`` with ``dampening=0``: ``g = grad + weight_decay * p``;
    with momentum ``buf = momentum * buf + g`` and ``g = buf`` (or
    ``g + momentum * buf`` for Nesterov); then ``p = p - lr * g``.

    >>> SGD(lr=0.1, nesterov=True)
    Traceback (most recent call last):
    ...
    ValueError: SGD: nesterov momentum needs momentum > 0
    """

    def __init__(self, lr: float = 1e-2, momentum: float = 0.0, nesterov: bool = False,
                 weight_decay: float = 0.0, schedule: Schedule | None = None):
        super().__init__(lr, schedule)
        self.momentum = _hyper(momentum, "SGD: momentum", 0.0, 1.0)
        self.nesterov = bool(nesterov)
        self.weight_decay = _hyper(weight_decay, "SGD: weight_decay")
        if self.nesterov and self.momentum == 0:
            raise ValueError("SGD: nesterov momentum needs momentum > 0")
        self.slots = ("momentum",) if self.momentum else ()

    def rule(self, p, slots):
        g = gradient_of(p)
        if self.weight_decay:
            g = g + self.weight_decay * p
        out = {}
        if self.momentum:
            buf = slots["momentum"]
            out[buf] = self.momentum * buf + g
            g = g + self.momentum * out[buf] if self.nesterov else out[buf]
        out[p] = p - LR * g
        return {p: out.pop(p), **out}


class Adam(Optimizer):
    """Adam (Kingma and Ba, 2015) with bias correction, as ``torch.optim.Adam``.

    ``weight_decay`` adds ``weight_decay * p`` to the gradient (L2, as torch's
    Adam); :class:`AdamW` decays the weights instead.  The step size
    ``lr / (1 - beta1**t)`` and ``sqrt(1 - beta2**t)`` are per-step scalar
    inputs, computed in Python as torch computes them.
    """

    slots = ("m", "v")
    decoupled = False

    def __init__(self, lr: float = 1e-3, betas: tuple[float, float] = (0.9, 0.999), eps: float = 1e-8,
                 weight_decay: float = 0.0, schedule: Schedule | None = None):
        super().__init__(lr, schedule)
        name = type(self).__name__
        if not isinstance(betas, (tuple, list)) or len(betas) != 2:
            raise ValueError(f"{name}: betas must be a pair (beta1, beta2), not {betas!r}")
        self.betas = (_hyper(betas[0], f"{name}: beta1", 0.0, 1.0),
                      _hyper(betas[1], f"{name}: beta2", 0.0, 1.0))
        if max(self.betas) >= 1:
            raise ValueError(f"{name}: betas must be below 1, not {betas!r}")
        self.eps = _hyper(eps, f"{name}: eps", open_low=True)
        self.weight_decay = _hyper(weight_decay, f"{name}: weight_decay")

    def scalars(self, t):
        lr, (b1, b2) = self.lr_at(t), self.betas
        step = t + 1
        out = {"opt_lr": lr, "opt_step_size": lr / (1 - b1 ** step), "opt_c2": (1 - b2 ** step) ** 0.5}
        if self.decoupled and self.weight_decay:
            out["opt_decay"] = 1 - lr * self.weight_decay
        return out

    def rule(self, p, slots):
        g = gradient_of(p)
        if self.weight_decay and not self.decoupled:
            g = g + self.weight_decay * p
        (b1, b2), m, v = self.betas, slots["m"], slots["v"]
        m_next = b1 * m + (1 - b1) * g
        v_next = b2 * v + (1 - b2) * _times(g, g)
        d = sp.Dummy("d")
        inverse_denominator = sp.Lambda(d, 1 / (sp.sqrt(d) / sp.Symbol("opt_c2") + self.eps))
        base = sp.Symbol("opt_decay") * p if self.decoupled and self.weight_decay else p
        p_next = base - sp.Symbol("opt_step_size") * _times(m_next, _apply(inverse_denominator, v_next))
        return {p: p_next, m: m_next, v: v_next}


class AdamW(Adam):
    """Adam with decoupled weight decay (Loshchilov and Hutter), as ``torch.optim.AdamW``:
    ``p = p * (1 - lr * weight_decay)`` before the Adam step.

    >>> AdamW(lr=0.1).weight_decay
    0.01
    """

    decoupled = True

    def __init__(self, lr: float = 1e-3, betas: tuple[float, float] = (0.9, 0.999), eps: float = 1e-8,
                 weight_decay: float = 1e-2, schedule: Schedule | None = None):
        super().__init__(lr, betas, eps, weight_decay, schedule)
