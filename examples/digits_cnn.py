"""Classify scikit-learn's 8x8 digits with the T5 convolutional network, trained by ``fit``.

Workload T5 of docs/benchmarks.md: Conv2d(1, 16, 3, padding=1) -> ReLU ->
MaxPool2d(2) -> Conv2d(16, 32, 3, padding=1) -> ReLU -> MaxPool2d(2) ->
Flatten -> Dense(128, 10) -> softmax cross-entropy.  Inputs scaled by 1/16
as (N, 1, 8, 8) images, stratified 80/20 split (random_state=0), Adam with
learning rate 1e-3, batch 32, float32; train until the test accuracy reaches
98%, checked after every epoch.  Each mini-batch is one compiled call that
runs forward, backward and Adam's update.  Nothing is downloaded.

Run: ``.venv/bin/python examples/digits_cnn.py [numpy|llvm]``
"""
from __future__ import annotations

import sys
import time


from symgrad import nn, train

TARGET, MAX_EPOCHS, BATCH, LR = 0.98, 60, 32, 1e-3


def cnn() -> nn.Sequential:
    """The T5 network; layers are named by their place (K0, b0, K3, b3, W7, b7)."""
    return nn.Sequential(nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Flatten(), nn.Dense(128, 10))


def main(backend: str = "numpy") -> float:
    x_train, x_test, y_train, y_test = train.load_digits(test_size=0.2, random_state=0)
    x_train, x_test = x_train.reshape(-1, 1, 8, 8), x_test.reshape(-1, 1, 8, 8)
    trainer = train.Trainer(cnn(), optimizer=train.Adam(lr=LR), backend=backend, dtype="float32",
                            seed=0, input_shape=(1, 8, 8), target_width=1)
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
    return accuracy


if __name__ == "__main__":
    main(*sys.argv[1:2])
