"""Classify scikit-learn's bundled 8x8 digits with a 64-128-128-10 ReLU MLP.

Workload T4 of WORKLOADS.md: inputs scaled by 1/16, stratified 80/20 split
(random_state=0), softmax cross-entropy on integer labels, Adam with learning
rate 1e-3, batch 32, float32; train until the test accuracy reaches 97%,
checked after every epoch.  The clock excludes data loading and compiling.
Nothing is downloaded: ``load_digits`` ships with scikit-learn.

Run: ``.venv/bin/python examples/digits_classifier.py``
"""
from __future__ import annotations

import time

import numpy as np
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

import symgrad as sg
from symgrad import losses, nn

TARGET, MAX_EPOCHS, BATCH, LR = 0.97, 200, 32, 1e-3


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


def logits(params: dict[str, np.ndarray], x: np.ndarray) -> np.ndarray:
    """The forward pass for prediction, in plain NumPy (no gradient needed)."""
    h = np.maximum(x @ params["W1"] + params["b1"], 0)
    h = np.maximum(h @ params["W2"] + params["b2"], 0)
    return h @ params["W3"] + params["b3"]


def main() -> None:
    x, y = load_digits(return_X_y=True)
    x = (x / 16.0).astype(np.float32)
    x_train, x_test, y_train, y_test = train_test_split(x, y, test_size=0.2, stratify=y,
                                                        random_state=0)
    labels_train = y_train.reshape(-1, 1)     # integer labels (N, 1): one-hot inside the loss

    X, Y = nn.input("X", 64), nn.input("Y", 1)
    model = nn.Sequential(nn.Dense(64, 128, name="1"), nn.ReLU(),
                          nn.Dense(128, 128, name="2"), nn.ReLU(),
                          nn.Dense(128, 10, name="3"))
    loss = losses.softmax_cross_entropy(model(X), Y)
    t0 = time.perf_counter()
    step = sg.compile(loss, wrt=model.parameters(), backend="numpy", dtype="float32")
    print(f"compiled the step in {time.perf_counter() - t0:.3f} s; "
          f"{sum(p.size for p in nn.init_params(model).values())} parameters")

    params = nn.init_params(model, seed=0, dtype="float32")
    opt = Adam(params, lr=LR)
    rng = np.random.default_rng(0)
    t0 = time.perf_counter()
    for epoch in range(1, MAX_EPOCHS + 1):
        order = rng.permutation(len(x_train))
        total = 0.0
        for i in range(0, len(order), BATCH):
            idx = order[i:i + BATCH]
            value, grads = step(X=x_train[idx], Y=labels_train[idx], **params)
            opt.step(params, grads)
            total += float(value) * len(idx)
        accuracy = float(np.mean(logits(params, x_test).argmax(axis=1) == y_test))
        print(f"epoch {epoch:3d}  train loss {total / len(x_train):.4f}  test accuracy {accuracy:.4f}")
        if accuracy >= TARGET:
            break
    seconds = time.perf_counter() - t0
    assert all(v.dtype == np.float32 for v in params.values())
    reached = "reached" if accuracy >= TARGET else "did NOT reach"
    print(f"{reached} {TARGET:.0%} test accuracy after {epoch} epochs in {seconds:.2f} s "
          f"(test accuracy {accuracy:.4f})")


if __name__ == "__main__":
    main()
