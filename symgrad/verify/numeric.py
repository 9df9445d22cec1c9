"""Finite-difference gradient check of a compiled callable.

Each parameter is moved by ``+eps`` and ``-eps``; the central difference
``(f(p + eps) - f(p - eps)) / 2 eps`` is compared with the compiled gradient
by the relative error ``|a - n| / max(|a|, |n|)`` (the formulation of the
Stanford CS231n notes on gradient checking), which is meaningful whatever the
gradient's scale.

Thresholds.  With float64 and the default ``eps = 1e-6`` the central
difference is accurate to about 1e-9 relative for smooth functions, so a
relative error above ``1e-6`` means a wrong gradient.  Float32 callables are
checked in float32 (that is what the caller runs) with ``eps = 1e-3`` and a
threshold of ``1e-2``.

Where the gradient is zero or tiny, the relative error is the difference's
own error divided by itself, so it says nothing.  An entry therefore also
passes when ``|a - n|`` is within the finite difference's estimated error:
truncation, estimated from the same difference taken with step ``2 eps``
(Richardson: the error of ``D(eps)`` is about ``|D(2 eps) - D(eps)| / 3``),
plus rounding, ``u |f| / eps`` with ``u`` the unit roundoff.  The estimate
scales with the function, so a wrong gradient of a function of size 1e-10
fails; a fixed absolute tolerance would let it pass.  Such entries are not
counted in ``max_rel_error``.  A NaN or infinity in either gradient fails
the check: it cannot be compared.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

__all__ = ["DEFAULTS", "GradCheckResult", "gradcheck"]

#: dtype name -> (eps, threshold)
DEFAULTS = {"float64": (1e-6, 1e-6), "float32": (1e-3, 1e-2)}

#: entries checked per array parameter by default: a seeded random sample of a big
#: tensor, as the notes' gradient check does (every entry costs four calls of fn)
MAX_ENTRIES = 30

#: multiple of ``u |f| / eps`` allowed for rounding in the evaluations of f:
#: a compiled loss sums many terms, each contributing its own roundoff
_ROUNDING_ULPS = 32.0


@dataclass(frozen=True)
class GradCheckResult:
    """The verdict of :func:`gradcheck`.

    Attributes
    ----------
    ok : bool
        Every entry is finite in both gradients and has relative error below
        ``threshold`` or an absolute error within the finite difference's
        estimated error (or below ``atol`` when one was given).
    max_rel_error : float
        The largest relative error over all entries except those counted in
        ``within_error``; ``inf`` when a gradient is not finite.  ``ok`` is
        ``max_rel_error <= threshold``.
    rel_errors, abs_errors, fd_errors : dict
        ``{parameter name: largest value over its entries}``: relative and
        absolute error of every entry (NaN when not finite), and the
        allowance used (estimated finite-difference error, or ``atol``).
    analytic, numeric : dict
        ``{parameter name: gradient}``: compiled, and by central differences.
    eps, threshold : float
        The settings used.
    atol : float or None
        The absolute tolerance given, or None (the estimate was used).
    not_finite : tuple of str
        Parameters with a NaN or infinity in either gradient.
    checked : dict
        ``{parameter name: number of entries compared}``; a big array
        parameter is checked at a seeded random sample of its entries (the
        other entries of ``numeric`` are NaN).
    within_error : int
        How many entries have a relative error above ``threshold`` but an
        absolute error within the allowance: they pass, and are left out of
        ``max_rel_error``.
    """

    ok: bool
    max_rel_error: float
    rel_errors: dict
    abs_errors: dict
    fd_errors: dict
    analytic: dict
    numeric: dict
    eps: float
    threshold: float
    atol: float | None
    not_finite: tuple = ()
    within_error: int = 0
    checked: dict = None

    def __bool__(self) -> bool:
        return self.ok

    def __str__(self) -> str:
        head = (f"gradient check {'ok' if self.ok else 'FAILED'}: max relative error "
                f"{self.max_rel_error:.2e} (threshold {self.threshold:g}, eps {self.eps:g})")
        allowance = "finite-difference error" if self.atol is None else "atol"
        if self.within_error:
            entries = "entry agrees" if self.within_error == 1 else "entries agree"
            head += (f"; {self.within_error} {entries} only within the {allowance} "
                     "(relative error not meaningful)")
        if self.not_finite:
            head += "; not finite: " + ", ".join(self.not_finite)
        def sample(n):
            size = int(np.size(self.analytic[n]))
            k = (self.checked or {}).get(n, size)
            return f"; {k} of {size} entries" if k < size else ""
        rows = [f"  {n}: relative {self.rel_errors[n]:.2e}, absolute {self.abs_errors[n]:.2e} "
                f"({allowance} {self.fd_errors[n]:.2e}{sample(n)})" for n in self.rel_errors]
        return "\n".join([head] + rows)


def gradcheck(fn: Any, at: Mapping[Any, Any], eps: float | None = None,
              threshold: float | None = None, atol: float | None = None, *,
              max_entries: int | None = MAX_ENTRIES, seed: int = 0) -> GradCheckResult:
    """Compare a compiled gradient with central finite differences.

    Parameters
    ----------
    fn : symgrad.codegen.callable.CompiledFunction
        From :func:`symgrad.compile` with a non-empty ``wrt``.
    at : dict
        Every argument of ``fn`` by name (or symbol): scalars or arrays.
    eps : float, optional
        Finite-difference step; defaults by dtype (see :data:`DEFAULTS`).
    threshold : float, optional
        Relative error limit for ``ok``; defaults by dtype.
    atol : float, optional
        Absolute error below which an entry passes whatever its relative
        error.  By default the finite difference's own estimated error
        (see the module docstring), which scales with the function.

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
    d_eps, d_thr = DEFAULTS[dtype.name]
    eps = d_eps if eps is None else eps
    threshold = d_thr if threshold is None else threshold
    if not fn.wrt:
        raise ValueError("fn was compiled without wrt: it returns no gradient to check")
    point = {str(k): np.asarray(v, dtype=dtype) for k, v in at.items()}
    value, grads = fn(**point)
    scalar_value = np.ndim(value) == 0
    rel, ab, allowed, analytic, numeric, checked = {}, {}, {}, {}, {}, {}
    decided, not_finite, within = [0.0], [], 0
    rng = np.random.default_rng(seed)
    for name, a in zip(fn.wrt, grads):
        a = np.asarray(a, dtype=np.float64)
        entries = _sample(point[name], scalar_value, max_entries, rng) if name in point else None
        if name in point:
            n, fd_error = _central_difference(fn, point, name, eps, dtype, scalar_value, entries)
        else:   # a parameter the expression does not use: fn does not even take it
            n, fd_error = np.zeros(np.shape(a)), np.zeros(np.shape(a))
        mask = np.array(True)
        if entries is not None:
            mask = np.zeros(np.shape(a), bool)
            mask[tuple(np.array(entries).T)] = True
        checked[name] = int(np.count_nonzero(np.broadcast_to(mask, np.shape(n))))
        # entries outside the sample are not compared (but a NaN there still fails)
        a_cmp, n = np.where(mask, a, 0.0), np.where(mask, n, 0.0)
        limit = np.where(mask, fd_error, 0.0) if atol is None else np.full(np.shape(a), float(atol))
        finite = np.isfinite(a_cmp) & np.isfinite(n) & np.isfinite(a)
        with np.errstate(invalid="ignore"):
            diff = np.where(finite, np.abs(a_cmp - n), np.nan)
            denom = np.maximum(np.abs(a_cmp), np.abs(n))
            r = np.divide(diff, denom, out=np.where(finite, 0.0, np.nan), where=finite & (denom > 0))
        if entries is not None:
            n = np.where(mask, n, np.nan)
        if not finite.all():
            not_finite.append(name)
        rel[name], ab[name] = _largest(r), _largest(diff)
        allowed[name] = _largest(limit)
        analytic[name], numeric[name] = a, n
        # where |a - n| is within the finite difference's error the relative error is noise
        # over noise: such an entry passes, and is counted apart instead of in max_rel_error
        excused = finite & (diff <= limit) & (r > threshold)
        decided.append(float(np.max(np.where(finite & ~excused, r, 0.0), initial=0.0)))
        within += int(np.count_nonzero(excused))
    max_rel = np.inf if not_finite else max(decided)
    ok = not not_finite and max_rel <= threshold
    return GradCheckResult(ok, max_rel, rel, ab, allowed, analytic, numeric, eps, threshold,
                           atol, tuple(not_finite), within, checked)


def _sample(p: np.ndarray, scalar_value: bool, max_entries: int | None, rng) -> list | None:
    """Indices of the entries to perturb, or None for all of them."""
    if not scalar_value or np.ndim(p) == 0 or max_entries is None or p.size <= max_entries:
        return None
    flat = rng.choice(p.size, size=max_entries, replace=False)
    return [np.unravel_index(int(k), p.shape) for k in np.sort(flat)]


def _largest(values: np.ndarray) -> float:
    """The largest entry, NaN if any entry is NaN (so a report cannot hide one)."""
    values = np.asarray(values, np.float64)
    return float(np.max(values, initial=0.0)) if not np.isnan(values).any() else float("nan")


def _central_difference(fn, point: dict, name: str, eps: float, dtype: np.dtype,
                        scalar_value: bool, entries: list | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The central difference at step eps and an estimate of its error, entry by entry
    (NaN at entries not in ``entries`` when a sample is given)."""
    p = point[name]
    if scalar_value and p.ndim > 0:
        n, err = np.full(p.shape, np.nan), np.full(p.shape, np.nan)
        for idx in (np.ndindex(p.shape) if entries is None else entries):
            def moved(h, idx=idx):
                q = p.copy()
                q[idx] += dtype.type(h)
                return q
            n[idx], err[idx] = _estimate(fn, point, name, moved, eps, dtype, idx)
        return n, err
    return _estimate(fn, point, name, lambda h: (p + dtype.type(h)).astype(dtype), eps, dtype, ...)


def _estimate(fn, point: dict, name: str, moved, eps: float, dtype: np.dtype, idx):
    """D(eps) and its error: |D(2 eps) - D(eps)| (truncation) plus u |f| / eps (rounding)."""
    quotients, f_scale = [], 0.0
    for h in (eps, 2 * eps):
        plus, minus = moved(h), moved(-h)
        f_plus = np.asarray(fn(**{**point, name: plus})[0], np.float64)
        f_minus = np.asarray(fn(**{**point, name: minus})[0], np.float64)
        # the step actually taken, after rounding to the dtype
        step = np.asarray(plus[idx], np.float64) - np.asarray(minus[idx], np.float64)
        quotients.append((f_plus - f_minus) / step)
        f_scale = np.maximum(f_scale, np.maximum(np.abs(f_plus), np.abs(f_minus)))
        if h == eps:
            rounding = _ROUNDING_ULPS * np.finfo(dtype).eps * f_scale / step
    d_h, d_2h = quotients
    return d_h, np.abs(d_2h - d_h) + rounding
