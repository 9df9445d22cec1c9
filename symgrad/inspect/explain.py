"""Gradient formulas in matrix notation, with the lectures' delta recursion.

:func:`explain` names the layer outputs of a network, ``z_l`` (a matrix
product plus a bias), their activations ``a_l``, and the adjoints
``delta_l = dL/dz_l`` that the reverse sweep computed, then prints every
formula in terms of those names (:mod:`symgrad.inspect.recursion`).
"""
from __future__ import annotations

from typing import Any

from ..frontend.lower import lower
from .recursion import Explanation, explain_graph

__all__ = ["explain", "Explanation"]


def explain(f: Any, wrt: Any) -> Explanation:
    """Explain the gradient of ``f`` as the lectures write backpropagation.

    For a softmax output, ``e_l`` are the shifted exponentials and ``s_l``
    their row sums, so ``softmax(z_l) = e_l / s_l`` and the top delta reads
    ``(softmax(z) - Y) / N``.

    Examples
    --------
    >>> import sympy as sp, symgrad as sg
    >>> from symgrad import nn, losses
    >>> X, Y = nn.input("X", 3), nn.input("Y", 2)
    >>> model = nn.Sequential(nn.Dense(3, 4, name="1"), nn.Tanh(), nn.Dense(4, 2, name="2"))
    >>> print(sg.explain(losses.softmax_cross_entropy(model(X), Y), model.parameters()))
    forward:
      z_1 = X W1 + 1 b1
      a_1 = tanh(z_1)
      z_2 = a_1 W2 + 1 b2
      e_2 = exp(z_2 - rowmax(z_2) 1)
      s_2 = e_2 1
    backward (delta_l = dL/dz_l):
      delta_2 = e_2 ∘ (1/N 1/s_2 1) - 1/N Y
      tanh'(z_1) = 1 - a_1 ∘ a_1
      delta_1 = (delta_2 W2^T) ∘ tanh'(z_1)
    gradients:
      dL/dW1 = X^T delta_1
      dL/db1 = 1^T delta_1
      dL/dW2 = a_1^T delta_2
      dL/db2 = 1^T delta_2
    """
    from ..api import _scalar_expr, as_wrt   # api imports this package (Gradient): bind late

    f = _scalar_expr(f)
    wrt = as_wrt(wrt)
    G, (root,) = lower([f])
    return explain_graph(G, root, wrt)
