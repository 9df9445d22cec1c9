"""``Trainer``: a model, a loss and an optimizer, trained by ``fit`` (Keras's ``model.fit``).

The training step is one compiled call per mini-batch that runs forward,
backward and the optimizer's update in place (:class:`~.step.TrainStep`);
evaluation and prediction are compiled too, in inference mode (batch norm
reads its running statistics, dropout is off), and need no targets.
"""
from __future__ import annotations

import time
from typing import Any, Callable, Sequence

import numpy as np

from .. import losses as _losses
from ..api import compile as compile_program
from ..nn.dropout import draw_masks
from ..nn.modules import Module, input as nn_input
from ..tensor import Elementwise, Softmax
from ..ir.functions import sigmoid
from .callbacks import Callback, History
from .data import minibatches, validation_split as split_indices
from .optim import Adam, Optimizer
from .progress import progress_bar
from .step import TrainStep

__all__ = ["Trainer"]

#: losses whose model output is a score per class: predict gives labels, predict_proba probabilities
CLASSIFICATION_LOSSES = (_losses.softmax_cross_entropy, _losses.binary_cross_entropy_with_logits)
#: rows per call of the compiled evaluation and prediction
CHUNK = 4096


class Trainer:
    """Train a :class:`~symgrad.nn.Module` with a fused, compiled step.

    Parameters
    ----------
    model : Module
    loss : callable
        ``loss(output, Y)`` -> scalar expression, e.g.
        :func:`symgrad.losses.softmax_cross_entropy` (the default; integer
        labels) or :func:`symgrad.losses.mse`.
    optimizer : Optimizer, optional
        Default ``Adam(lr=1e-3)``.
    backend, dtype
        As :func:`symgrad.compile`; the default is the numpy backend in float32.
    seed : int
        Seeds the initial parameters, the shuffling and the dropout masks.
    init : dict, optional
        Initial values by name (the rest are drawn).
    weights : str
        How weights are drawn: a scheme of :func:`symgrad.nn.init_params`
        (``"default"``, ``"torch"``, ``"glorot_uniform"``, ``"he_uniform"``, ...).
    input_shape : int or tuple, optional
        Features per sample; compiles now (else on the first ``fit``), so that
        saved parameters can be loaded and used for prediction without data.
    target_width : int
        Columns of the targets (1 for integer labels).
    classifier : bool, optional
        Whether outputs are class scores; by default, when the loss is softmax
        or binary cross-entropy on logits.

    Examples
    --------
    >>> import numpy as np
    >>> from symgrad import nn, train
    >>> rng = np.random.default_rng(0)
    >>> x = rng.normal(size=(200, 2)).astype(np.float32)
    >>> y = (x[:, 0] * x[:, 1] > 0).astype(int)          # XOR of the signs
    >>> model = nn.Sequential(nn.Dense(2, 16, name="1"), nn.Tanh(), nn.Dense(16, 2, name="2"))
    >>> trainer = train.Trainer(model, optimizer=train.Adam(lr=0.05), seed=0)
    >>> history = trainer.fit(x, y, epochs=30, batch_size=32, validation_split=0.2)
    >>> sorted(history.as_dict())
    ['accuracy', 'loss', 'lr', 'seconds', 'val_accuracy', 'val_loss']
    >>> history["val_accuracy"][-1] > 0.9
    True
    >>> trainer.predict(x[:5]).tolist() == y[:5].tolist(), trainer.predict_proba(x[:5]).shape
    (True, (5, 2))
    """

    def __init__(self, model: Module, loss: Callable = _losses.softmax_cross_entropy,
                 optimizer: Optimizer | None = None, *, backend: str = "numpy", dtype: str = "float32",
                 seed: int = 0, init: dict | None = None, weights: str = "default",
                 input_shape: int | tuple | None = None,
                 target_width: int = 1, classifier: bool | None = None):
        if not isinstance(model, Module):
            raise TypeError(f"Trainer: model must be a symgrad.nn Module, not {type(model).__name__}")
        if not callable(loss):
            raise TypeError(f"Trainer: loss must be a function (output, Y) -> expression, not {loss!r}")
        self.model, self.loss = model, loss
        self.optimizer = optimizer if optimizer is not None else Adam(lr=1e-3)
        self.backend, self.dtype, self.seed, self.init = backend, np.dtype(dtype), seed, init
        self.weights = weights
        self.classifier = loss in CLASSIFICATION_LOSSES if classifier is None else bool(classifier)
        self.rng = np.random.default_rng(seed)
        self.step: TrainStep | None = None
        self.stop_training = False
        self.compile_seconds = 0.0
        if input_shape is not None:
            self.build(input_shape, target_width)

    # -- compiling ------------------------------------------------------------------------
    def build(self, input_shape: int | tuple, target_width: int = 1) -> "Trainer":
        """Compile the training step, the evaluation and the prediction for inputs of
        ``input_shape`` features (an int, or a tuple for images)."""
        t0 = time.perf_counter()
        shape = tuple(input_shape) if isinstance(input_shape, (tuple, list)) else int(input_shape)
        if isinstance(shape, tuple) and len(shape) == 1:
            shape = shape[0]
        X, Y = nn_input("X", shape), nn_input("Y", target_width)
        m = self.model
        m.train()
        out = m(X)
        self.step = TrainStep(self.loss(out, Y), m, self.optimizer, init={**m.initial_state(self.dtype.name),
                              **(self.init or {})}, backend=self.backend, dtype=self.dtype,
                              state=m.state(), roles=m.roles(), seed=self.seed, weights=self.weights)
        self._masks = [s for s, r in m.roles().items() if r == "mask"]
        m.eval()
        try:
            out = m(X)
            frozen = {**{p: "parameter" for p in m.parameters()}, **m.roles()}
            self._evaluate = compile_program(self.loss(out, Y), backend=self.backend, dtype=self.dtype,
                                             aux={"output": out}, roles=frozen)
            aux = {}
            if self.classifier:
                k = out.shape[1]
                aux["proba"] = Softmax(out) if k != 1 else Elementwise(sigmoid, out)
            self._predict = compile_program(out, backend=self.backend, dtype=self.dtype, aux=aux, roles=frozen)
        finally:
            m.train()
        self.input_shape, self.target_width = shape, target_width
        self.compile_seconds = time.perf_counter() - t0
        return self

    def _built(self) -> TrainStep:
        if self.step is None:
            raise RuntimeError("Trainer: nothing compiled yet; call fit, or build(input_shape) first")
        return self.step

    @property
    def parameters(self) -> dict[str, np.ndarray]:
        """The trained parameters by name (updated in place by every step)."""
        return self._built().parameters

    @property
    def model_state(self) -> dict[str, np.ndarray]:
        """Parameters and the model's other state (running statistics), without the
        optimizer's moments: what inference reads, and what EarlyStopping restores."""
        step = self._built()
        return {k: v for k, v in step.buffers.items() if k not in step.slots}

    # -- data ------------------------------------------------------------------------------
    def _inputs(self, x: Any) -> np.ndarray:
        x = np.ascontiguousarray(x, dtype=self.dtype)
        want = self.input_shape if isinstance(self.input_shape, tuple) else (self.input_shape,)
        if x.ndim != len(want) + 1 or x.shape[1:] != want:
            raise ValueError(f"x has shape {x.shape}; the model takes (n, {', '.join(map(str, want))})")
        return x

    def _targets(self, y: Any, n: int) -> np.ndarray:
        y = given = np.asarray(y)
        if y.ndim == 1:
            y = y.reshape(-1, 1)
        if y.ndim != 2 or y.shape != (n, self.target_width):
            raise ValueError(f"y has shape {given.shape}; expected ({n},) or ({n}, {self.target_width}) "
                             f"for {n} samples")
        return np.ascontiguousarray(y, dtype=self.dtype)

    def _draw_masks(self, n: int) -> dict[str, np.ndarray]:
        """Fresh dropout masks for a batch of ``n``, from the trainer's seeded generator."""
        if not self._masks:
            return {}
        masks = draw_masks(self.model, n, self.rng, self.dtype.name)
        unknown = sorted(str(s) for s in self._masks if str(s) not in masks)
        if unknown:
            raise NotImplementedError(f"Trainer: the model has mask inputs {unknown} that are not "
                                      f"dropout masks; fit cannot draw them")
        return masks

    def _frozen_args(self, fn) -> dict[str, np.ndarray]:
        buffers = self._built().buffers
        return {a: buffers[a] for a in fn.args if a in buffers}

    # -- training ---------------------------------------------------------------------------
    def fit(self, x: Any, y: Any, *, epochs: int = 10, batch_size: int = 32, shuffle: bool = True,
            validation_split: float | None = None, validation_data: tuple | None = None,
            callbacks: Sequence[Callback] = (), progress: bool | None = None) -> History:
        """Train for ``epochs`` passes over ``(x, y)`` in mini-batches; returns the :class:`History`.

        Parameters
        ----------
        x, y : array_like
            Samples (``(n, features)``) and targets (labels ``(n,)`` or ``(n, k)``).
        epochs, batch_size : int
        shuffle : bool
            A new order every epoch, from the trainer's seeded generator.
        validation_split : float, optional
            Hold out this fraction (the last samples, as Keras) for ``val_*`` numbers.
        validation_data : (x_val, y_val), optional
        callbacks : sequence of Callback
            E.g. :class:`~symgrad.train.EarlyStopping`.
        progress : bool, optional
            A tqdm bar: None shows one on a terminal for a long run.

        Returns
        -------
        History
            ``loss`` (the mean over the epoch's batches, before each update),
            ``accuracy`` for a classifier, ``val_loss`` / ``val_accuracy``,
            ``lr`` (of the epoch's last step) and ``seconds``.
        """
        if isinstance(epochs, bool) or not isinstance(epochs, int) or epochs < 0:
            raise ValueError(f"fit: epochs must be an integer >= 0, not {epochs!r}")
        if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
            raise ValueError(f"fit: batch_size must be a positive integer, not {batch_size!r}")
        if validation_split is not None and validation_data is not None:
            raise ValueError("fit: give validation_split or validation_data, not both")
        x_arr = np.asarray(x)
        if x_arr.ndim < 2:
            raise ValueError(f"fit: x must have a row per sample, got shape {x_arr.shape}")
        if self.step is None:
            y_arr = np.asarray(y)
            self.build(x_arr.shape[1:], 1 if y_arr.ndim == 1 else y_arr.shape[1])
        x_arr = self._inputs(x_arr)
        y_arr = self._targets(y, len(x_arr))
        if validation_split is not None:
            tr, va = split_indices(len(x_arr), validation_split)
            validation_data = (x_arr[va], y_arr[va])
            x_arr, y_arr = x_arr[tr], y_arr[tr]
        step, n = self._built(), len(x_arr)
        if n == 0:
            raise ValueError("fit: no training samples")
        history = History()
        self.stop_training = False
        for cb in callbacks:
            if not isinstance(cb, Callback):
                raise TypeError(f"fit: callbacks must be symgrad.train Callbacks, not {type(cb).__name__}")
            cb.trainer = self
            cb.on_train_begin()
        batches = -(-n // batch_size)
        bar = progress_bar(epochs * batches, progress)
        try:
            for epoch in range(epochs):
                t0 = time.perf_counter()
                total = 0.0
                for idx in minibatches(n, batch_size, self.rng if shuffle else None):
                    total += float(step(X=x_arr[idx], Y=y_arr[idx], **self._draw_masks(len(idx))).value) * len(idx)
                    bar.update()
                logs = {"loss": total / n}
                if self.classifier:   # of the parameters at the end of the epoch, as the validation
                    logs["accuracy"] = self.evaluate(x_arr, y_arr)["accuracy"]
                if validation_data is not None:
                    logs.update({f"val_{k}": v for k, v in self.evaluate(*validation_data).items()})
                logs["lr"] = self.optimizer.lr_at(step.t - 1)
                logs["seconds"] = time.perf_counter() - t0
                bar.set_postfix(**{k: f"{v:.4g}" for k, v in logs.items() if k != "seconds"})
                history.append(logs)
                for cb in callbacks:
                    cb.on_epoch_end(epoch, logs)
                if self.stop_training:
                    break
        finally:
            bar.close()
        for cb in callbacks:
            cb.on_train_end()
        return history

    # -- inference ----------------------------------------------------------------------------
    def evaluate(self, x: Any, y: Any) -> dict[str, float]:
        """Loss (and accuracy for a classifier) in inference mode, over all of ``(x, y)``."""
        self._built()
        x = self._inputs(x)
        y = self._targets(y, len(x))
        if len(x) == 0:
            raise ValueError("evaluate: no samples")
        frozen, total, correct = self._frozen_args(self._evaluate), 0.0, 0
        for i in range(0, len(x), CHUNK):
            xs, ys = x[i:i + CHUNK], y[i:i + CHUNK]
            out = self._evaluate(X=xs, Y=ys, **frozen)
            total += float(out.value) * len(xs)
            if self.classifier:
                correct += int(np.sum(self._labels(out.aux["output"]) == self._truth(ys)))
        logs = {"loss": total / len(x)}
        if self.classifier:
            logs["accuracy"] = correct / len(x)
        return logs

    @staticmethod
    def _labels(scores: np.ndarray) -> np.ndarray:
        return scores.argmax(axis=1) if scores.shape[1] > 1 else (scores[:, 0] > 0).astype(int)

    @staticmethod
    def _truth(y: np.ndarray) -> np.ndarray:
        return y.argmax(axis=1) if y.shape[1] > 1 else y[:, 0].astype(int)

    def _forward(self, x: Any, key: str | None) -> np.ndarray:
        self._built()
        x = self._inputs(x)
        frozen = self._frozen_args(self._predict)
        parts = []
        for i in range(0, len(x), CHUNK):
            out = self._predict(X=x[i:i + CHUNK], **frozen)
            parts.append(np.array(out.value if key is None else out.aux[key]))
        return np.concatenate(parts) if parts else np.empty((0,), self.dtype)

    def predict(self, x: Any) -> np.ndarray:
        """Class labels for a classifier, else the model's outputs, in inference mode."""
        scores = self._forward(x, None)
        return self._labels(scores) if self.classifier else scores

    def predict_proba(self, x: Any) -> np.ndarray:
        """Class probabilities (softmax, or sigmoid for one output) of a classifier."""
        if not self.classifier:
            raise TypeError("predict_proba: this trainer is not a classifier (its loss is not a "
                            "cross-entropy on logits); use predict")
        return self._forward(x, "proba")

    # -- saving ---------------------------------------------------------------------------------
    def state_dict(self) -> dict[str, np.ndarray]:
        """Parameters, optimizer moments, other state and the step count."""
        return self._built().state_dict()

    def load_state_dict(self, values: dict) -> None:
        self._built().load_state_dict(values)

    def save(self, path: str) -> str:
        """Write :meth:`state_dict` to ``path`` (``.npz``, no pickle)."""
        from .checkpoint import save
        return save(path, self)

    def load(self, path: str) -> "Trainer":
        """Read a file written by :meth:`save` into this trainer (build it first)."""
        from .checkpoint import load
        load(path, into=self._built())
        return self


