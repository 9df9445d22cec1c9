"""Fit y = sin(3x) + noise with a 1-32-32-1 tanh MLP, trained by Adam through a compiled step.

The network and its loss are SymPy expressions; ``train.TrainStep`` derives the
gradient by one reverse sweep and compiles it with Adam's update into a single
NumPy function: each call on a mini-batch updates the parameters in place.
The loop itself stays in view here; ``train.Trainer.fit`` is the short way.

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

    batch, epochs = 50, 300
    per_epoch = -(-len(x_train) // batch)
    # a step schedule, to settle into the minimum: lr / 4 after epoch 150, / 16 after 250
    schedule = _epochs(per_epoch, (150, 250), 0.25)
    t0 = time.perf_counter()
    step = train.TrainStep(loss, model, train.Adam(lr=1e-2, schedule=schedule), seed=0)
    print(f"compiled in {time.perf_counter() - t0:.3f} s")
    test_mse_of = sg.compile(losses.mse(model(X), Y))   # the test error alone, no gradients
    params = step.parameters                            # updated in place by every step

    t0 = time.perf_counter()
    for epoch in range(1, epochs + 1):
        total = 0.0
        for idx in train.minibatches(len(x_train), batch, rng):
            total += float(step(X=x_train[idx], Y=y_train[idx]).value) * len(idx)
        if epoch == 1 or epoch % 25 == 0:
            print(f"epoch {epoch:3d}  train loss (incl. L2) {total / len(x_train):.5f}")
    seconds = time.perf_counter() - t0

    test_mse, _ = test_mse_of(X=x_test, Y=y_test, **params)
    noise_mse = np.mean((np.sin(3 * x_test) - y_test) ** 2)
    print(f"trained {epochs} epochs in {seconds:.2f} s")
    print(f"test MSE {float(test_mse):.5f} (the noise alone gives {noise_mse:.5f}; "
          f"predicting the mean gives {np.var(y_test):.5f})")


class _epochs(train.Schedule):
    """The learning rate times ``factor`` after each of ``milestones`` (in epochs)."""

    def __init__(self, steps_per_epoch: int, milestones: tuple[int, ...], factor: float):
        self.steps_per_epoch, self.milestones, self.factor = steps_per_epoch, milestones, factor

    def __call__(self, t: int, base_lr: float) -> float:
        epoch = t // self.steps_per_epoch + 1
        return base_lr * self.factor ** sum(epoch >= m for m in self.milestones)


if __name__ == "__main__":
    main()
