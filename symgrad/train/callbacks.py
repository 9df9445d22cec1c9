"""What fit reports and who may stop it: the history of an epoch's numbers, and callbacks.

Callbacks are Keras's: ``on_train_begin``, ``on_epoch_end(epoch, logs)``,
``on_train_end``; setting ``trainer.stop_training`` ends the run after the
current epoch.
"""
from __future__ import annotations

import math
from typing import Any

import numpy as np

__all__ = ["History", "Callback", "EarlyStopping", "LambdaCallback", "StopAtTarget"]


class History:
    """The numbers of every epoch: ``history["val_loss"]`` is a list, one entry per epoch.

    A plain object: :meth:`as_dict` gives a dict of lists (JSON-ready), and
    :meth:`plot` draws the loss and accuracy curves (needs matplotlib).

    >>> h = History()
    >>> h.append({"loss": 0.5, "val_loss": 0.6}); h.append({"loss": 0.25, "val_loss": 0.4})
    >>> h["loss"], h.as_dict(), len(h)
    ([0.5, 0.25], {'loss': [0.5, 0.25], 'val_loss': [0.6, 0.4]}, 2)
    """

    def __init__(self) -> None:
        self.history: dict[str, list[float]] = {}
        self.epochs = 0

    def append(self, logs: dict[str, float]) -> None:
        for k, v in logs.items():
            self.history.setdefault(k, [math.nan] * self.epochs).append(float(v))
        self.epochs += 1
        for v in self.history.values():   # a number missing this epoch: nan, so lists stay aligned
            if len(v) < self.epochs:
                v.append(math.nan)

    def __getitem__(self, key: str) -> list[float]:
        try:
            return self.history[key]
        except KeyError:
            raise KeyError(f"no {key!r} in the history; it has {sorted(self.history)}") from None

    def __len__(self) -> int:
        return self.epochs

    def as_dict(self) -> dict[str, list[float]]:
        """A dict of lists, copied."""
        return {k: list(v) for k, v in self.history.items()}

    def plot(self, path: str, title: str | None = None) -> str:
        """Write the loss (and accuracy) curves to ``path`` as PNG; see :func:`~symgrad.train.plot_history`."""
        from .plot import plot_history
        return plot_history(self, path, title)

    def __repr__(self) -> str:
        last = ", ".join(f"{k}={v[-1]:.4g}" for k, v in self.history.items()) if self.epochs else ""
        return f"<History {self.epochs} epochs{': ' + last if last else ''}>"


class Callback:
    """Base class; override what you need.  ``self.trainer`` is set before training starts."""

    trainer: Any = None

    def on_train_begin(self, logs: dict | None = None) -> None:
        pass

    def on_epoch_end(self, epoch: int, logs: dict) -> None:
        pass

    def on_train_end(self, logs: dict | None = None) -> None:
        pass


class LambdaCallback(Callback):
    """A callback from a function ``on_epoch_end(epoch, logs)``.

    >>> seen = []
    >>> cb = LambdaCallback(lambda epoch, logs: seen.append((epoch, logs["loss"])))
    >>> cb.on_epoch_end(0, {"loss": 1.0}); seen
    [(0, 1.0)]
    """

    def __init__(self, on_epoch_end):
        if not callable(on_epoch_end):
            raise TypeError(f"LambdaCallback needs a function, not {type(on_epoch_end).__name__}")
        self._fn = on_epoch_end

    def on_epoch_end(self, epoch, logs):
        self._fn(epoch, logs)


class StopAtTarget(Callback):
    """Stop after the first epoch whose ``monitor`` reaches ``target`` ("train until 97%
    test accuracy", the T4 protocol); with ``verbose``, print each epoch's numbers.

    >>> class _T: stop_training = False
    >>> cb = StopAtTarget(0.97); cb.trainer = _T()
    >>> cb.on_epoch_end(0, {"val_accuracy": 0.95}); cb.trainer.stop_training
    False
    >>> cb.on_epoch_end(1, {"val_accuracy": 0.975}); cb.trainer.stop_training
    True
    """

    def __init__(self, target: float, monitor: str = "val_accuracy", verbose: bool = False):
        self.target, self.monitor, self.verbose = float(target), monitor, verbose

    def on_epoch_end(self, epoch, logs):
        if self.monitor not in logs:
            raise KeyError(f"StopAtTarget: no {self.monitor!r} in the epoch's logs {sorted(logs)}; "
                           f"give fit validation data, or monitor another number")
        if self.verbose:
            print(f"epoch {epoch + 1:3d}  " + "  ".join(f"{k} {v:.4f}" for k, v in logs.items()))
        if logs[self.monitor] >= self.target:
            self.trainer.stop_training = True


class EarlyStopping(Callback):
    """Stop when ``monitor`` has not improved by ``min_delta`` for ``patience`` epochs.

    As Keras's: ``mode`` "min" for losses, "max" for accuracies ("auto"
    reads the name); with ``restore_best_weights`` the parameters (and
    running statistics) of the best epoch are put back at the end.

    >>> es = EarlyStopping("val_loss", patience=1)
    >>> class T: stop_training = False
    >>> es.trainer = T(); es.on_train_begin()
    >>> for e, v in enumerate([1.0, 0.5, 0.6, 0.7]):
    ...     es.on_epoch_end(e, {"val_loss": v})
    >>> es.trainer.stop_training, es.best_epoch, es.stopped_epoch
    (True, 1, 2)
    """

    def __init__(self, monitor: str = "val_loss", patience: int = 5, min_delta: float = 0.0,
                 mode: str = "auto", restore_best_weights: bool = False):
        if mode not in ("auto", "min", "max"):
            raise ValueError(f"EarlyStopping: mode must be 'auto', 'min' or 'max', not {mode!r}")
        if isinstance(patience, bool) or not isinstance(patience, int) or patience < 0:
            raise ValueError(f"EarlyStopping: patience must be an integer >= 0, not {patience!r}")
        self.monitor, self.patience, self.min_delta = monitor, patience, abs(float(min_delta))
        self.mode = mode if mode != "auto" else ("max" if "acc" in monitor else "min")
        self.restore_best_weights = restore_best_weights

    def on_train_begin(self, logs=None):
        self.best = math.inf if self.mode == "min" else -math.inf
        self.best_epoch, self.wait, self.stopped_epoch, self.best_weights = None, 0, None, None

    def _better(self, value: float) -> bool:
        if self.mode == "min":
            return value < self.best - self.min_delta
        return value > self.best + self.min_delta

    def on_epoch_end(self, epoch, logs):
        if self.monitor not in logs:
            raise KeyError(f"EarlyStopping: monitors {self.monitor!r}, but the epoch reports only "
                           f"{sorted(logs)} (validation numbers need validation data)")
        value = float(logs[self.monitor])
        if self._better(value):
            self.best, self.best_epoch, self.wait = value, epoch, 0
            if self.restore_best_weights:
                self.best_weights = {k: np.copy(v) for k, v in _weights(self.trainer).items()}
            return
        self.wait += 1
        if self.wait >= max(self.patience, 1) and self.stopped_epoch is None:
            self.stopped_epoch = epoch
            self.trainer.stop_training = True

    def on_train_end(self, logs=None):
        if self.restore_best_weights and self.best_weights is not None:
            for k, v in _weights(self.trainer).items():
                v[...] = self.best_weights[k]


def _weights(trainer: Any) -> dict:
    """What EarlyStopping saves and restores: the model's state if the trainer has one."""
    return getattr(trainer, "model_state", None) or trainer.parameters
