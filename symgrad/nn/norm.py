"""Batch normalization, as ``torch.nn.BatchNorm1d`` / ``BatchNorm2d``.

The "Batch Normalizing Transform" of Ioffe and Szegedy (arXiv:1502.03167,
2015): per feature (``(N, F)`` batches) or per channel (``(N, C, H, W)``),
``y = gamma * (x - mu) / sqrt(var + eps) + beta``.

In training mode (the default) ``mu`` and ``var`` are the batch's, the
biased variance as torch normalizes with; the reverse sweep differentiates
through them, which gives the three-term formula
``dx = (g_hat - mean(g_hat) - x_hat * mean(g_hat * x_hat)) / sqrt(var + eps)``
(``g_hat = gamma * dy``) without any Jacobian.  The running statistics are
inputs carried from step to step: :meth:`~BatchNorm1d.state` maps each to the
expression of its next value (torch's update, the unbiased variance, with
``momentum``), ready for ``sg.compile(state=model.state())``; the fused step
returns them as ``out.state[name]``.  In inference mode (``eval()``) the
layer normalizes with the running statistics, which are then read-only
inputs (role ``"state"`` in :meth:`~BatchNorm1d.roles`).

Examples
--------
>>> import numpy as np, symgrad as sg
>>> from symgrad import nn
>>> X = nn.input("X", 3)
>>> bn = nn.BatchNorm1d(3, name="1")
>>> print(bn(X))
batch_norm(X, gamma1, beta1, eps=1/100000)
>>> for k, v in bn.state().items(): print(k, "<-", v)
running_mean1 <- (1/10)*batch_mean(X) + (9/10)*running_mean1
running_var1 <- (N/(10*(N - 1)))*batch_var(X) + (9/10)*running_var1
>>> step = sg.compile(sg.tensor.Sum(bn(X)), wrt=bn.parameters(), state=bn.state())
>>> out = step(X=np.arange(6.0).reshape(2, 3), **nn.init_params(bn), **bn.initial_state())
>>> out.state["running_mean1"], out.state["running_var1"]
(array([[0.15, 0.25, 0.35]]), array([[1.35, 1.35, 1.35]]))
>>> print(bn.eval()(X))
batch_norm(X, gamma1, beta1, eps=1/100000, mean=running_mean1, var=running_var1)
"""
from __future__ import annotations


import numpy as np
import sympy as sp
from sympy.tensor.array.expressions import ArraySymbol

from .._checks import positive_int, sympy_arg
from ..frontend.arrays import shape_of
from ..frontend.norm import batch_mean, batch_norm, batch_var
from .layer import NamedLayer

__all__ = ["BatchNorm1d", "BatchNorm2d"]


class _BatchNorm(NamedLayer):
    rank = 2

    def __init__(self, num_features: int, eps: float = 1e-5, momentum: float = 0.1,
                 name: str | None = None):
        where = type(self).__name__
        self.num_features = positive_int(num_features, "num_features", where)
        # exact and readable (1e-5 -> 1/100000); checked first, nsimplify would eval a string
        self.eps = sp.nsimplify(sympy_arg(eps, "eps", where))
        self.momentum = sp.nsimplify(sympy_arg(momentum, "momentum", where))
        if not (self.eps.is_positive and self.momentum.is_nonnegative and self.momentum <= 1):
            raise ValueError(f"{where}: eps must be positive and momentum in [0, 1], got "
                             f"eps={eps!r}, momentum={momentum!r}")
        self.name = None if name is None else str(name)
        self._input: sp.Basic | None = None

    def _symbol(self, prefix: str):
        shape = (1, self.num_features) if self.rank == 2 else (self.num_features, 1, 1)
        label = f"{prefix}{self._label()}"
        return sp.MatrixSymbol(label, *shape) if self.rank == 2 else ArraySymbol(label, shape)

    @property
    def gamma(self):
        """The scale, ``(1, F)`` or ``(C, 1, 1)``; starts at 1."""
        return self._symbol("gamma")

    @property
    def beta(self):
        """The shift, ``(1, F)`` or ``(C, 1, 1)``; starts at 0."""
        return self._symbol("beta")

    @property
    def running_mean(self):
        """The running mean (state), shaped as ``gamma``; starts at 0."""
        return self._symbol("running_mean")

    @property
    def running_var(self):
        """The running (unbiased) variance (state), shaped as ``gamma``; starts at 1."""
        return self._symbol("running_var")

    def parameters(self) -> list:
        return [self.gamma, self.beta]

    def biases(self) -> list:
        return [self.beta]

    def running_stats(self) -> list:
        """The running-statistic symbols: ``[running_mean, running_var]``."""
        return [self.running_mean, self.running_var]

    def initializers(self) -> dict:
        shape = tuple(int(d) for d in self.gamma.shape)
        return {self.gamma: lambda rng, dtype: np.ones(shape, dtype),
                self.beta: lambda rng, dtype: np.zeros(shape, dtype)}

    def initial_state(self, dtype: str = "float64") -> dict[str, np.ndarray]:
        shape = tuple(int(d) for d in self.gamma.shape)
        return {str(self.running_mean.name): np.zeros(shape, dtype),
                str(self.running_var.name): np.ones(shape, dtype)}

    def state(self) -> dict:
        """Training mode, once called: ``{running_mean: next, running_var: next}``, torch's
        update ``(1 - momentum) * running + momentum * batch`` with the unbiased batch
        variance; inference mode: ``{}``."""
        if not self.training or self._input is None:
            return {}
        x, m = self._input, self.momentum
        shape = shape_of(x)
        count = sp.Mul(*(shape[k] for k in ((0,) if len(shape) == 2 else (0, 2, 3))))
        return {self.running_mean: (1 - m) * self.running_mean + m * batch_mean(x),
                self.running_var: (1 - m) * self.running_var
                + m * count / (count - 1) * batch_var(x)}

    def roles(self) -> dict:
        """Inference mode: the running statistics are read-only inputs (``"state"``)."""
        return {} if self.training else {s: "state" for s in self.running_stats()}

    def __call__(self, x: sp.Basic) -> sp.Basic:
        self._check_placed()
        shape = shape_of(x)
        want = "(N, F)" if self.rank == 2 else "(N, C, H, W)"
        if len(shape) != self.rank or shape[1] != self.num_features:
            raise ValueError(f"{self!r} expects an {want} batch with {self.num_features} "
                             f"{'features' if self.rank == 2 else 'channels'}, got an input of "
                             f"shape {shape}")
        if not self.training:
            return batch_norm(x, self.gamma, self.beta, self.eps, self.running_mean, self.running_var)
        self._input = x
        return batch_norm(x, self.gamma, self.beta, self.eps)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.num_features}{self._name_arg()})"


class BatchNorm1d(_BatchNorm):
    """Batch normalization of an ``(N, F)`` batch per feature (see the module docstring).

    Parameters ``gamma<name>``, ``beta<name>`` and running statistics
    ``running_mean<name>``, ``running_var<name>``, all ``(1, F)``.

    Examples
    --------
    >>> from symgrad import nn
    >>> bn = BatchNorm1d(4, name="1")
    >>> bn.parameters(), bn.running_stats()
    ([gamma1, beta1], [running_mean1, running_var1])
    """

    rank = 2


class BatchNorm2d(_BatchNorm):
    """Batch normalization of an ``(N, C, H, W)`` batch per channel, over the batch and
    the image; parameters and running statistics ``(C, 1, 1)``.

    Examples
    --------
    >>> from symgrad import nn
    >>> bn = BatchNorm2d(3, name="1")
    >>> print(bn(nn.input("X", (3, 4, 4))), bn.gamma.shape)
    batch_norm(X, gamma1, beta1, eps=1/100000) (3, 1, 1)
    """

    rank = 4


