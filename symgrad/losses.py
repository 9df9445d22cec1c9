"""Losses from the lecture notes, as scalar SymPy expressions.

Each averages over the batch (the rows), so its value does not grow with the
batch size; the batch size is the row dimension of the inputs and is read off
the arrays at call time.

Example
-------
>>> import sympy as sp, symgrad as sg
>>> from symgrad import nn, losses
>>> X, Y = nn.input("X", 3), nn.input("Y", 2)
>>> Z = nn.Dense(3, 2, name="1")(X)
>>> print(losses.softmax_cross_entropy(Z, Y))
(-sum(HadamardProduct(Y, X*W1 + 1*b1)) + sum(logsumexp(X*W1 + 1*b1)))/N
"""
from __future__ import annotations

from typing import Sequence

import sympy as sp

from ._checks import sympy_arg
from .ir.functions import softplus
from .nn import Module
from .tensor import Elementwise, LogSumExp, OneHot, Sum

__all__ = ["mse", "binary_cross_entropy", "binary_cross_entropy_with_logits",
           "softmax_cross_entropy", "l2_penalty"]


def _check_same_shape(a, b, what: str) -> None:
    if a.shape != b.shape:
        raise ValueError(f"{what}: prediction has shape {a.shape} but target has {b.shape}")


def mse(pred: sp.MatrixExpr, target: sp.MatrixExpr) -> sp.Expr:
    """Mean squared error over all entries (PyTorch's ``MSELoss``)."""
    _check_same_shape(pred, target, "mse")
    d = pred - target
    rows, cols = pred.shape
    return Sum(sp.HadamardProduct(d, d)) / (rows * cols)


#: PyTorch's ``BCELoss`` clamps each log at -100: a saturated probability costs
#: a finite loss, and ``0 * log 0`` (p = 0 with y = 0) is 0 instead of NaN
LOG_FLOOR = -100


def _clamped_log(X: sp.MatrixExpr) -> sp.MatrixExpr:
    d = sp.Dummy("p")
    return Elementwise(sp.Lambda(d, sp.Max(sp.log(d), LOG_FLOOR)), X)


def binary_cross_entropy(prob: sp.MatrixExpr, target: sp.MatrixExpr) -> sp.Expr:
    """``-mean(y log p + (1 - y) log(1 - p))`` on probabilities, logs clamped at -100.

    The value is PyTorch's ``BCELoss`` everywhere, including p = 0 or 1.  The
    gradient is the exact derivative of that clamped loss, so it differs from
    torch's formula ``(p - y) / max(p (1 - p), 1e-12)`` only where that formula
    is not the derivative: at p = y = 0 it is 1/n (torch: 0), and where a
    clamp is active (p < e^-100 with y = 1) it is 0 (torch: about -1e12/n).

    Prefer :func:`binary_cross_entropy_with_logits`: it is exact for logits
    of any size, where a saturated sigmoid loses the gradient.

    Examples
    --------
    >>> import numpy as np, symgrad as sg
    >>> from symgrad import nn, losses
    >>> P, Y = nn.input("P", 1), nn.input("Y", 1)
    >>> f = sg.compile(losses.binary_cross_entropy(P, Y), [P])
    >>> loss, (dP,) = f(P=np.array([[0.0], [1.0]]), Y=np.array([[0.0], [1.0]]))
    >>> bool(loss == 0), dP.ravel().tolist()
    (True, [0.5, -0.5])
    """
    _check_same_shape(prob, target, "binary_cross_entropy")
    rows, cols = prob.shape
    one = sp.OneMatrix(rows, cols)
    ll = sp.HadamardProduct(target, _clamped_log(prob)) \
        + sp.HadamardProduct(one - target, _clamped_log(one - prob))
    return -Sum(ll) / (rows * cols)


def binary_cross_entropy_with_logits(logits: sp.MatrixExpr, target: sp.MatrixExpr) -> sp.Expr:
    """Binary cross-entropy of ``sigmoid(z)``, as ``mean(softplus(z) - y z)``.

    The identity ``-y log s(z) - (1-y) log(1-s(z)) = softplus(z) - y z`` keeps
    it finite for logits of any size; its gradient is ``(s(z) - y) / n``.
    """
    _check_same_shape(logits, target, "binary_cross_entropy_with_logits")
    rows, cols = logits.shape
    return (Sum(Elementwise(softplus, logits)) - Sum(sp.HadamardProduct(target, logits))) \
        / (rows * cols)


def softmax_cross_entropy(logits: sp.MatrixExpr, target: sp.MatrixExpr) -> sp.Expr:
    """Mean over rows of ``-sum_k y_k log softmax(z)_k``.

    ``target`` is either one-hot (or probability) rows of the logits' shape,
    or integer class labels of shape ``(N, 1)``.  Written as the notes do,
    ``log sum_k e^{z_k} - sum_k y_k z_k`` (using ``sum_k y_k = 1``), so the
    gradient with respect to the logits is ``(softmax(z) - y) / N`` and the
    softmax is computed once for the loss and its gradient.
    """
    rows, cols = logits.shape
    if target.shape[1] == 1 and cols != 1:
        target = OneHot(target, cols)
    _check_same_shape(logits, target, "softmax_cross_entropy")
    return (Sum(LogSumExp(logits)) - Sum(sp.HadamardProduct(target, logits))) / rows


def l2_penalty(params: Module | Sequence[sp.MatrixSymbol], lam, include_biases: bool = False) -> sp.Expr:
    """``lam * sum ||Theta||^2`` over a model's weights (biases skipped, as in the notes).

    With a :class:`~symgrad.nn.Module`, biases are the parameters its layers
    declare as biases; with a list of symbols, every entry is penalised.
    """
    lam = sympy_arg(lam, "lam", "l2_penalty")   # strictly: a string would be eval'd
    if isinstance(params, Module):
        params = params.parameters() if include_biases else params.weights()
    # a matrix squares entrywise as a Hadamard product, an n-D kernel (ArraySymbol) as p*p
    terms = [Sum(sp.HadamardProduct(p, p) if getattr(p, "is_Matrix", False) else p * p)
             for p in params]
    if not terms:
        raise ValueError("l2_penalty: no parameters to penalise")
    return lam * sp.Add(*terms)
