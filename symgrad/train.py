"""Training: optimizers over a dict of NumPy parameters, and minibatches.

The compiled step returns gradients by parameter name; an optimizer updates
the same dict in place::

    step = sg.compile(loss, wrt=model.parameters())
    params = nn.init_params(model)
    opt = train.Adam(params, lr=1e-3)
    for idx in train.minibatches(len(x), 32, rng):
        value, grads = step(X=x[idx], Y=y[idx], **params)
        opt.step(grads)

Example
-------
>>> import numpy as np
>>> params = {"w": np.array([1.0, -2.0])}
>>> opt = SGD(params, lr=0.5)
>>> opt.step({"w": np.array([2.0, 2.0])})
>>> params["w"]
array([ 0., -3.])
"""
from __future__ import annotations

from typing import Iterator, Mapping

import numpy as np

__all__ = ["SGD", "Adam", "minibatches"]


def _grads(grads) -> Mapping[str, np.ndarray]:
    return grads.as_dict() if hasattr(grads, "as_dict") else grads


class SGD:
    """Plain gradient descent, ``theta -= lr * grad`` (with optional momentum)."""

    def __init__(self, params: dict[str, np.ndarray], lr: float = 1e-2, momentum: float = 0.0):
        self.params, self.lr, self.momentum = params, lr, momentum
        self.velocity = {k: np.zeros_like(v) for k, v in params.items()} if momentum else None

    def step(self, grads) -> None:
        for name, g in _grads(grads).items():
            g = np.reshape(g, self.params[name].shape)
            if self.velocity is not None:
                v = self.velocity[name]
                v *= self.momentum
                v += g
                g = v
            self.params[name] -= self.lr * g


class Adam:
    """Adam (Kingma and Ba, 2015) with bias correction, as ``torch.optim.Adam``."""

    def __init__(self, params: dict[str, np.ndarray], lr: float = 1e-3,
                 betas: tuple[float, float] = (0.9, 0.999), eps: float = 1e-8):
        self.params, self.lr, (self.b1, self.b2), self.eps, self.t = params, lr, betas, eps, 0
        self.m = {k: np.zeros_like(v) for k, v in params.items()}
        self.v = {k: np.zeros_like(v) for k, v in params.items()}

    def step(self, grads) -> None:
        self.t += 1
        c1, c2 = 1 - self.b1 ** self.t, 1 - self.b2 ** self.t
        for name, g in _grads(grads).items():
            g = np.reshape(g, self.params[name].shape)
            m, v = self.m[name], self.v[name]
            m *= self.b1
            m += (1 - self.b1) * g
            v *= self.b2
            v += (1 - self.b2) * g * g
            self.params[name] -= self.lr * (m / c1) / (np.sqrt(v / c2) + self.eps)


def minibatches(n: int, batch_size: int, rng: np.random.Generator | None = None) -> Iterator[np.ndarray]:
    """Index arrays covering ``range(n)`` in batches, shuffled when ``rng`` is given."""
    if batch_size < 1:
        raise ValueError(f"batch_size must be positive, got {batch_size}")
    order = rng.permutation(n) if rng is not None else np.arange(n)
    for i in range(0, n, batch_size):
        yield order[i:i + batch_size]
