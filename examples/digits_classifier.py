"""Classify scikit-learn's bundled 8x8 digits with a 64-128-128-10 ReLU MLP, trained by ``fit``.

Workload T4 of docs/benchmarks.md: inputs scaled by 1/16, stratified 80/20 split
(random_state=0), softmax cross-entropy on integer labels, Adam with learning
rate 1e-3, batch 32, float32; train until the test accuracy reaches 97%,
checked after every epoch (a callback stops the fit).  Each mini-batch is one
compiled call that runs forward, backward and Adam's update in place.
Nothing is downloaded: ``load_digits`` ships with scikit-learn.

Run: ``.venv/bin/python examples/digits_classifier.py [numpy|llvm]``
"""
from __future__ import annotations

import sys
import time

from symgrad import nn, train

TARGET, MAX_EPOCHS, BATCH, LR = 0.97, 200, 32, 1e-3


def main(backend: str = "numpy") -> None:
    x_train, x_test, y_train, y_test = train.load_digits(test_size=0.2, random_state=0)
    model = nn.Sequential(nn.Dense(64, 128, name="1"), nn.ReLU(),
                          nn.Dense(128, 128, name="2"), nn.ReLU(),
                          nn.Dense(128, 10, name="3"))
    trainer = train.Trainer(model, optimizer=train.Adam(lr=LR), backend=backend, dtype="float32",
                            seed=0, input_shape=64)
    print(f"compiled the step, evaluation and prediction ({backend}) in {trainer.compile_seconds:.2f} s; "
          f"{sum(p.size for p in trainer.parameters.values())} parameters")
    t0 = time.perf_counter()
    history = trainer.fit(x_train, y_train, epochs=MAX_EPOCHS, batch_size=BATCH,
                          validation_data=(x_test, y_test), callbacks=[train.StopAtTarget(TARGET, verbose=True)])
    seconds = time.perf_counter() - t0
    accuracy = history["val_accuracy"][-1]
    reached = "reached" if accuracy >= TARGET else "did NOT reach"
    print(f"{reached} {TARGET:.0%} test accuracy after {len(history)} epochs in {seconds:.2f} s "
          f"(test accuracy {accuracy:.4f})")


if __name__ == "__main__":
    main(*sys.argv[1:2])
