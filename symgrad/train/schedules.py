"""Learning-rate schedules: the learning rate as a function of the step count.

A schedule maps ``t``, the number of optimizer steps already taken, and the
base learning rate to the learning rate of step ``t + 1`` (Keras's
``LearningRateSchedule`` counts the same way).  The fused training step
takes the learning rate as an input, so a schedule never recompiles
anything.  Each one equals the ``torch.optim.lr_scheduler`` class of the same
idea when that scheduler is stepped after every optimizer step.

Examples
--------
>>> s = CosineLR(total_steps=4)
>>> [round(s(t, 1.0), 4) for t in range(5)]
[1.0, 0.8536, 0.5, 0.1464, 0.0]
>>> w = LinearWarmup(2, start_factor=0.5, then=StepLR(2, gamma=0.1))
>>> [w(t, 1.0) for t in range(6)]
[0.5, 0.75, 1.0, 1.0, 0.1, 0.1]
"""
from __future__ import annotations

import math

__all__ = ["Schedule", "StepLR", "CosineLR", "LinearWarmup"]


def _count(value, what: str, minimum: int = 1) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise ValueError(f"{what} must be an integer >= {minimum}, not {value!r}")
    return value


def _number(value, what: str, low: float = 0.0, high: float = math.inf) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
        raise ValueError(f"{what} must be a number in [{low}, {high}], not {value!r}")
    return float(value)


class Schedule:
    """Base class: ``schedule(t, base_lr)`` is the learning rate after ``t`` steps."""

    def __call__(self, t: int, base_lr: float) -> float:
        raise NotImplementedError

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{type(self).__name__}({args})"


class StepLR(Schedule):
    """``base_lr * gamma ** (t // step_size)``, as ``torch.optim.lr_scheduler.StepLR``.

    >>> [StepLR(2, gamma=0.5)(t, 1.0) for t in range(5)]
    [1.0, 1.0, 0.5, 0.5, 0.25]
    """

    def __init__(self, step_size: int, gamma: float = 0.1):
        self.step_size = _count(step_size, "StepLR: step_size")
        self.gamma = _number(gamma, "StepLR: gamma")

    def __call__(self, t: int, base_lr: float) -> float:
        return base_lr * self.gamma ** (t // self.step_size)


class CosineLR(Schedule):
    """Half a cosine from ``base_lr`` down to ``min_lr`` over ``total_steps``, then ``min_lr``.

    ``torch.optim.lr_scheduler.CosineAnnealingLR(T_max=total_steps, eta_min=min_lr)``
    up to ``total_steps`` (torch's goes back up after that; this one stays).

    >>> CosineLR(10, min_lr=0.1)(10, 1.0), CosineLR(10)(5, 2.0)
    (0.1, 1.0)
    """

    def __init__(self, total_steps: int, min_lr: float = 0.0):
        self.total_steps = _count(total_steps, "CosineLR: total_steps")
        self.min_lr = _number(min_lr, "CosineLR: min_lr")

    def __call__(self, t: int, base_lr: float) -> float:
        t = min(t, self.total_steps)
        return self.min_lr + (base_lr - self.min_lr) * (1 + math.cos(math.pi * t / self.total_steps)) / 2


class LinearWarmup(Schedule):
    """A linear ramp of the factor from ``start_factor`` to 1 over ``steps`` steps, then ``then``.

    Alone it is ``torch.optim.lr_scheduler.LinearLR(start_factor=start_factor,
    total_iters=steps)``; ``then`` (another schedule) takes over after the
    ramp, counting its own steps from 0.

    >>> [LinearWarmup(4, start_factor=0.2)(t, 1.0) for t in range(6)]
    [0.2, 0.4, 0.6000000000000001, 0.8, 1.0, 1.0]
    """

    def __init__(self, steps: int, start_factor: float = 1 / 3, then: Schedule | None = None):
        self.steps = _count(steps, "LinearWarmup: steps")
        self.start_factor = _number(start_factor, "LinearWarmup: start_factor", 0.0, 1.0)
        if then is not None and not isinstance(then, Schedule):
            raise TypeError(f"LinearWarmup: then must be a Schedule, not {type(then).__name__}")
        self.then = then

    def __call__(self, t: int, base_lr: float) -> float:
        if t < self.steps:
            return base_lr * (self.start_factor + (1 - self.start_factor) * t / self.steps)
        return self.then(t - self.steps, base_lr) if self.then is not None else base_lr
