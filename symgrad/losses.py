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
from .functions import softplus
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


def binary_cross_entropy(prob: sp.MatrixExpr, target: sp.MatrixExpr) -> sp.Expr:
    """``-mean(y log p + (1 - y) log(1 - p))`` on probabilities.

    Prefer :func:`binary_cross_entropy_with_logits`: ``log p`` of a saturated
    sigmoid is ``-inf``, while the logit form is finite for any logit.
    """
    _check_same_shape(prob, target, "binary_cross_entropy")
    rows, cols = prob.shape
    one = sp.OneMatrix(rows, cols)
    ll = sp.HadamardProduct(target, Elementwise(sp.log, prob)) \
        + sp.HadamardProduct(one - target, Elementwise(sp.log, one - prob))
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
    terms = [Sum(sp.HadamardProduct(p, p)) for p in params]
    if not terms:
        raise ValueError("l2_penalty: no parameters to penalise")
    return lam * sp.Add(*terms)
