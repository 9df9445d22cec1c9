"""Training: fused optimizer steps, ``Trainer.fit``, data, checkpoints, progress and plots.

The notes' training loop (sample a mini-batch, forward, loss, backward,
update, repeat) as one compiled call per mini-batch:

- :mod:`.optim`: SGD (momentum, Nesterov, weight decay), Adam and AdamW as
  update rules fused into the compiled step; :mod:`.schedules` the learning
  rate as a per-step input (no recompiling);
- :mod:`.step`: :class:`TrainStep`, the compiled step updating its
  parameter and moment buffers in place;
- :mod:`.fit`: :class:`Trainer` with ``fit``, ``evaluate``, ``predict``,
  ``predict_proba``, ``save`` and ``load``; :mod:`.callbacks` the
  :class:`History` and :class:`EarlyStopping`;
- :mod:`.data`: mini-batches, a validation split, scikit-learn's digits
  and an IDX-file reader; :mod:`.checkpoint`: ``.npz`` files without pickle;
  :mod:`.progress` and :mod:`.plot`: a tqdm bar and a PNG of the curves.

Example
-------
>>> import numpy as np
>>> from symgrad import train
>>> [b.tolist() for b in train.minibatches(5, 2)]
[[0, 1], [2, 3], [4]]
"""
from .callbacks import Callback, EarlyStopping, History, LambdaCallback, StopAtTarget
from .checkpoint import load, save
from .data import load_digits, minibatches, read_idx, validation_split
from .fit import Trainer
from .optim import SGD, Adam, AdamW, Optimizer
from .plot import plot_history
from .schedules import CosineLR, LinearWarmup, Schedule, StepLR
from .step import TrainStep

__all__ = ["Trainer", "TrainStep", "Optimizer", "SGD", "Adam", "AdamW", "Schedule", "StepLR",
           "CosineLR", "LinearWarmup", "History", "Callback", "EarlyStopping", "LambdaCallback", "StopAtTarget",
           "minibatches", "validation_split", "load_digits", "read_idx", "save", "load", "plot_history"]
