"""Finite-difference gradient check of a compiled callable (the notes' "gradient check").

Each parameter is moved by ``+eps`` and ``-eps``; the central difference
``(f(p + eps) - f(p - eps)) / 2 eps`` is compared with the compiled gradient
by the relative error ``|a - n| / max(|a|, |n|)`` (CS231n's formulation),
which is meaningful whatever the gradient's scale.

Thresholds.  With float64 and the default ``eps = 1e-6`` the central
difference is accurate to about 1e-9 relative for smooth functions, so a
relative error above ``1e-6`` means a wrong gradient.  Float32 callables are
checked in float32 (that is what the caller runs) with ``eps = 1e-3`` and a
threshold of ``1e-2``.  Where both gradients are tiny the relative error is
noise over noise, so an entry also passes when its absolute error is below
``atol`` (1e-8 for float64, 1e-3 for float32).
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

__all__ = ["DEFAULTS", "GradCheckResult", "gradcheck"]

#: dtype name -> (eps, threshold, atol)
DEFAULTS = {"float64": (1e-6, 1e-6, 1e-8), "float32": (1e-3, 1e-2, 1e-3)}


@dataclass(frozen=True)
class GradCheckResult:
    """The verdict of :func:`gradcheck`.

    Attributes
    ----------
    ok : bool
        Every entry has relative error below ``threshold`` or absolute error
        below ``atol``.
    max_rel_error : float
        The largest relative error over all parameters and entries.
    rel_errors, abs_errors : dict
        ``{parameter name: largest error over its entries}``.
    analytic, numeric : dict
        ``{parameter name: gradient}``: compiled, and by central differences.
    eps, threshold, atol : float
        The settings used.
    """

    ok: bool
    max_rel_error: float
    rel_errors: dict
    abs_errors: dict
    analytic: dict
    numeric: dict
    eps: float
    threshold: float
    atol: float

    def __bool__(self) -> bool:
        return self.ok

    def __str__(self) -> str:
        head = (f"gradient check {'ok' if self.ok else 'FAILED'}: max relative error "
                f"{self.max_rel_error:.2e} (threshold {self.threshold:g}, eps {self.eps:g})")
        rows = [f"  {n}: relative {self.rel_errors[n]:.2e}, absolute {self.abs_errors[n]:.2e}"
                for n in self.rel_errors]
        return "\n".join([head] + rows)


def gradcheck(fn: Any, at: Mapping[Any, Any], eps: float | None = None,
              threshold: float | None = None, atol: float | None = None) -> GradCheckResult:
    """Compare a compiled gradient with central finite differences.

    Parameters
    ----------
    fn : codegen.callable.CompiledFunction
        From :func:`symgrad.compile` with a non-empty ``wrt``.
    at : dict
        Every argument of ``fn`` by name (or symbol): scalars or arrays.
    eps : float, optional
        Finite-difference step; defaults by dtype (see :data:`DEFAULTS`).
    threshold, atol : float, optional
        Relative and absolute error limits for ``ok``; defaults by dtype.

    Returns
    -------
    GradCheckResult

    Notes
    -----
    When the value is a scalar and a parameter is an array (a tensor-level
    program), every entry is perturbed on its own.  When the value has the
    broadcast shape of the inputs (an elementwise program evaluated on a
    batch), each output entry depends only on its own inputs, so the whole
    array is perturbed at once.

    Examples
    --------
    >>> import sympy as sp, symgrad as sg
    >>> w, x, b = sp.symbols("w x b")
    >>> fn = sg.compile(sg.sigmoid(w*x + b), wrt=[w, b])
    >>> res = sg.gradcheck(fn, {"w": 2.0, "x": -1.0, "b": -3.0})
    >>> res.ok, res.max_rel_error < 1e-8
    (True, True)
    """
    dtype = np.dtype(fn.dtype)
    d_eps, d_thr, d_atol = DEFAULTS[dtype.name]
    eps = d_eps if eps is None else eps
    threshold = d_thr if threshold is None else threshold
    atol = d_atol if atol is None else atol
    if not fn.wrt:
        raise ValueError("fn was compiled without wrt: it returns no gradient to check")
    point = {str(k): np.asarray(v, dtype=dtype) for k, v in at.items()}
    value, grads = fn(**point)
    rel, ab, analytic, numeric = {}, {}, {}, {}
    ok = True
    for name, a in zip(fn.wrt, grads):
        if name in point:
            n = _central_difference(fn, point, name, eps, dtype, np.ndim(value) == 0)
        else:   # a parameter the expression does not use: fn does not even take it
            n = np.zeros(np.shape(a))
        a = np.asarray(a, dtype=np.float64)
        diff = np.abs(a - n)
        denom = np.maximum(np.abs(a), np.abs(n))
        r = np.divide(diff, denom, out=np.zeros_like(diff), where=denom > 0)
        rel[name], ab[name] = float(np.max(r, initial=0.0)), float(np.max(diff, initial=0.0))
        analytic[name], numeric[name] = a, n
        ok = ok and not bool(np.any((r > threshold) & (diff > atol)))
    return GradCheckResult(ok, max(rel.values()), rel, ab, analytic, numeric, eps, threshold, atol)


def _central_difference(fn, point: dict, name: str, eps: float, dtype: np.dtype,
                        scalar_value: bool) -> np.ndarray:
    p = point[name]
    if scalar_value and p.ndim > 0:
        out = np.empty(p.shape)
        for idx in np.ndindex(p.shape):
            plus, minus = p.copy(), p.copy()
            plus[idx] += dtype.type(eps)
            minus[idx] -= dtype.type(eps)
            out[idx] = _quotient(fn, point, name, plus, minus, float(plus[idx]) - float(minus[idx]))
        return out
    plus = (p + dtype.type(eps)).astype(dtype)
    minus = (p - dtype.type(eps)).astype(dtype)
    # the step actually taken, after rounding to the dtype
    step = np.asarray(plus, np.float64) - np.asarray(minus, np.float64)
    return _quotient(fn, point, name, plus, minus, step)


def _quotient(fn, point: dict, name: str, plus: np.ndarray, minus: np.ndarray, step):
    f_plus, _ = fn(**{**point, name: plus})
    f_minus, _ = fn(**{**point, name: minus})
    return (np.asarray(f_plus, np.float64) - np.asarray(f_minus, np.float64)) / step
