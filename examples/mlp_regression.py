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
from symgrad import losses, nn, train


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
    test_mse_of = sg.compile(losses.mse(model(X), Y))   # the test error alone, no gradients

    params = nn.init_params(model, seed=0)
    opt = train.Adam(params, lr=1e-2)
    batch, epochs = 50, 300
    t0 = time.perf_counter()
    for epoch in range(1, epochs + 1):
        if epoch in (150, 250):
            opt.lr /= 4           # a step schedule, to settle into the minimum
        total = 0.0
        for idx in train.minibatches(len(x_train), batch, rng):
            value, grads = step(X=x_train[idx], Y=y_train[idx], **params)
            opt.step(grads)
            total += float(value) * len(idx)
        if epoch == 1 or epoch % 25 == 0:
            print(f"epoch {epoch:3d}  train loss (incl. L2) {total / len(x_train):.5f}")
    seconds = time.perf_counter() - t0

    test_mse, _ = test_mse_of(X=x_test, Y=y_test, **params)
    noise_mse = np.mean((np.sin(3 * x_test) - y_test) ** 2)
    print(f"trained {epochs} epochs in {seconds:.2f} s")
    print(f"test MSE {float(test_mse):.5f} (the noise alone gives {noise_mse:.5f}; "
          f"predicting the mean gives {np.var(y_test):.5f})")


if __name__ == "__main__":
    main()
