"""Fit y = sin(3x) + noise with a 1-32-32-1 tanh MLP, trained by Adam through a compiled step.

The network and its loss are SymPy expressions; ``sg.compile`` derives the
gradient by one reverse sweep and emits a single NumPy function that returns
the loss and every parameter's gradient.  The optimiser below is ten lines
of NumPy: symgrad computes gradients, it does not own the training loop.

Run: ``.venv/bin/python examples/mlp_regression.py``
"""
from __future__ import annotations

import time

import numpy as np
import sympy as sp

import symgrad as sg
from symgrad import losses, nn


class Adam:
    """Adam (Kingma & Ba) over a dict of NumPy arrays, updated in place."""

    def __init__(self, params: dict[str, np.ndarray], lr: float = 1e-3,
                 betas: tuple[float, float] = (0.9, 0.999), eps: float = 1e-8):
        self.lr, (self.b1, self.b2), self.eps, self.t = lr, betas, eps, 0
        self.m = {k: np.zeros_like(v) for k, v in params.items()}
        self.v = {k: np.zeros_like(v) for k, v in params.items()}

    def step(self, params: dict[str, np.ndarray], grads) -> None:
        self.t += 1
        c1, c2 = 1 - self.b1 ** self.t, 1 - self.b2 ** self.t
        for name, g in grads.items():
            m, v = self.m[name], self.v[name]
            m *= self.b1
            m += (1 - self.b1) * g
            v *= self.b2
            v += (1 - self.b2) * g * g
            params[name] -= self.lr * (m / c1) / (np.sqrt(v / c2) + self.eps)


def make_data(n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    x = rng.uniform(-1, 1, size=(n, 1))
    return x, np.sin(3 * x) + 0.1 * rng.normal(size=(n, 1))


def main() -> None:
    rng = np.random.default_rng(0)
    x_train, y_train = make_data(1000, rng)
    x_test, y_test = make_data(500, rng)

    X, Y = nn.input("X", 1), nn.input("Y", 1)
    model = nn.Sequential(nn.Dense(1, 32, name="1"), nn.Tanh(),
                          nn.Dense(32, 32, name="2"), nn.Tanh(),
                          nn.Dense(32, 1, name="3"))
    loss = losses.mse(model(X), Y) + losses.l2_penalty(model, sp.Rational(1, 10**5))
    print("loss =", loss)

    t0 = time.perf_counter()
    step = sg.compile(loss, wrt=model.parameters(), backend="numpy", dtype="float64")
    print(f"compiled in {time.perf_counter() - t0:.3f} s")
    # the test error without the penalty (its gradients are computed and ignored:
    # a value-only sg.compile(expr) of a network does not run yet)
    test_mse_step = sg.compile(losses.mse(model(X), Y), wrt=model.parameters())

    params = nn.init_params(model, seed=0)
    opt = Adam(params, lr=1e-2)
    batch, epochs = 50, 300
    t0 = time.perf_counter()
    for epoch in range(1, epochs + 1):
        if epoch in (150, 250):
            opt.lr /= 4           # a step schedule, to settle into the minimum
        order = rng.permutation(len(x_train))
        total = 0.0
        for i in range(0, len(order), batch):
            idx = order[i:i + batch]
            value, grads = step(X=x_train[idx], Y=y_train[idx], **params)
            opt.step(params, grads)
            total += float(value) * len(idx)
        if epoch == 1 or epoch % 25 == 0:
            print(f"epoch {epoch:3d}  train loss (incl. L2) {total / len(x_train):.5f}")
    seconds = time.perf_counter() - t0

    test_mse, _ = test_mse_step(X=x_test, Y=y_test, **params)
    noise_mse = np.mean((np.sin(3 * x_test) - y_test) ** 2)
    print(f"trained {epochs} epochs in {seconds:.2f} s")
    print(f"test MSE {float(test_mse):.5f} (the noise alone gives {noise_mse:.5f}; "
          f"predicting the mean gives {np.var(y_test):.5f})")


if __name__ == "__main__":
    main()
