"""Classify scikit-learn's bundled 8x8 digits with a 64-128-128-10 ReLU MLP.

Workload T4 of docs/benchmarks.md: inputs scaled by 1/16, stratified 80/20 split
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
from symgrad import losses, nn, train

TARGET, MAX_EPOCHS, BATCH, LR = 0.97, 200, 32, 1e-3


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
    logits = sg.compile(model(X), dtype="float32")    # the forward pass alone, for prediction
    print(f"compiled the step in {time.perf_counter() - t0:.3f} s; "
          f"{sum(p.size for p in nn.init_params(model).values())} parameters")

    params = nn.init_params(model, seed=0, dtype="float32")
    opt = train.Adam(params, lr=LR)
    rng = np.random.default_rng(0)
    t0 = time.perf_counter()
    for epoch in range(1, MAX_EPOCHS + 1):
        total = 0.0
        for idx in train.minibatches(len(x_train), BATCH, rng):
            value, grads = step(X=x_train[idx], Y=labels_train[idx], **params)
            opt.step(grads)
            total += float(value) * len(idx)
        scores, _ = logits(X=x_test, **params)
        accuracy = float(np.mean(scores.argmax(axis=1) == y_test))
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
