"""Checking a hand-written NumPy backward pass against the derived gradient.

:func:`check_numpy` calls the user's function (a course assignment's
``backward``) on random inputs, compiles symgrad's gradient of the same loss,
and compares the two parameter by parameter: shape first (a transposed
weight gradient is reported as "expected (64, 256), got (256, 64)"), then
the largest relative error and the entry where it occurs.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np
import sympy as sp
from sympy.tensor.array.expressions import ArraySymbol

from ..api import as_wrt, compile as _compile
from ..ir.program import symbol_name
from ..tensor import LogSumExp, OneHot

__all__ = ["check_numpy", "BackpropCheckResult", "THRESHOLD"]

#: Largest relative error that passes.  Both sides are float64 evaluations of
#: the same gradient in different orders: they agree to a few ulps times the
#: condition number of the batch sums; entries near zero are measured against
#: :data:`FLOOR` times the parameter's largest entry instead of themselves.
THRESHOLD = 1e-8
FLOOR = 1e-6


@dataclass(frozen=True)
class BackpropCheckResult:
    """The verdict of :func:`check_numpy`.

    Attributes
    ----------
    ok : bool
        Every parameter has the right shape and relative error at most ``threshold``.
    max_rel_error : float
        The largest relative error over all parameters (``inf`` on a shape error).
    rel_errors : dict
        ``{name: largest relative error}`` (``inf`` for a shape error or a NaN).
    worst : dict
        ``{name: (index, hand value, derived value)}`` at the largest error.
    shape_errors : dict
        ``{name: message}``, e.g. ``"expected (5, 3), got (3, 5)"``.
    inputs : dict
        ``{name: array}``: every argument the hand function was called with.
    threshold : float
    """

    ok: bool
    max_rel_error: float
    rel_errors: dict
    worst: dict
    shape_errors: dict
    inputs: dict = field(repr=False, default_factory=dict)
    threshold: float = THRESHOLD

    def __bool__(self) -> bool:
        return self.ok

    def __str__(self) -> str:
        head = (f"hand backprop {'ok' if self.ok else 'WRONG'}: max relative error "
                f"{self.max_rel_error:.2e} (threshold {self.threshold:g})")
        rows = []
        for name, r in self.rel_errors.items():
            if name in self.shape_errors:
                rows.append(f"  {name}: shape: {self.shape_errors[name]}")
                continue
            idx, h, g = self.worst[name]
            flag = "" if r <= self.threshold else "  <-- wrong"
            rows.append(f"  {name}: relative error {r:.2e}, worst entry {idx}: hand {h:.6g}, "
                        f"derived {g:.6g}{flag}")
        return "\n".join([head] + rows)


@lru_cache(maxsize=8)
def _compiled(f: sp.Basic, wrt: tuple, backend: str):
    # checking several versions of one backward pass compiles the loss once
    return _compile(f, wrt, backend=backend, dtype="float64")


def _targets(f: sp.Basic) -> set:
    """Data symbols that are softmax cross-entropy targets: drawn as one-hot rows."""
    lse = {e.args[0] for e in f.atoms(LogSumExp)}
    out = set()
    for h in f.atoms(sp.HadamardProduct):
        if len(h.args) == 2 and any(a in lse for a in h.args):
            out |= {a for a in h.args if isinstance(a, sp.MatrixSymbol)}
    return out


def _draw(f: sp.Basic, wrt: tuple, sizes: Mapping, at: Mapping, rng: np.random.Generator) -> dict:
    """Random inputs for every symbol of ``f`` that ``at`` does not give."""
    given = {str(k): np.array(v, dtype=np.float64) for k, v in at.items()}   # copies: the result keeps them
    symbols = sorted(f.atoms(sp.MatrixSymbol, ArraySymbol) | set(wrt) |
                     {s for s in f.free_symbols if isinstance(s, sp.Symbol)}, key=str)
    labels = {e.args[0]: int(e.args[1]) for e in f.atoms(OneHot)}
    targets = _targets(f)
    dims = {d for s in symbols for d in sp.Tuple(*getattr(s, "shape", ())).free_symbols}
    bound = {d: int(sizes.get(d, sizes.get(str(d), 0))) for d in dims}
    # a dimension not given is read off a given array, else 7 (odd: unlike any layer width)
    for s in symbols:
        if str(s) in given:
            for d, n in zip(getattr(s, "shape", ()), given[str(s)].shape):
                if isinstance(d, sp.Symbol) and not bound.get(d):
                    bound[d] = n
    bound = {d: (n or 7) for d, n in bound.items()}
    out = dict(given)
    for s in symbols:
        name = str(s)
        if name in out or s in bound:
            continue
        shape = tuple(int(sp.sympify(d).xreplace(bound)) for d in getattr(s, "shape", ()))
        if s in labels:
            out[name] = rng.integers(0, labels[s], shape).astype(np.float64)
        elif s in targets:
            out[name] = np.eye(shape[1])[rng.integers(0, shape[1], shape[0])]
        else:
            fan_in = shape[0] if len(shape) == 2 and s in wrt and shape[0] > 1 else 1
            out[name] = rng.standard_normal(shape) / np.sqrt(fan_in)
    return out


def check_numpy(hand_fn: Callable[..., Any], f: Any, wrt: Any, at: Mapping[Any, Any] | None = None,
                *, sizes: Mapping[Any, int] | None = None, seed: int = 0,
                threshold: float = THRESHOLD, backend: str = "numpy") -> BackpropCheckResult:
    """Check a hand-written NumPy backward pass against symgrad's gradient of ``f``.

    Parameters
    ----------
    hand_fn : callable
        Called with every input of ``f`` as a keyword argument (float64 NumPy
        arrays, by symbol name: ``hand_fn(X=..., Y=..., W1=..., b1=...)``);
        returns the gradients as a dict by parameter name (or symbol) or a
        sequence in ``wrt`` order.  A bias of shape ``(1, n)`` may come back
        as ``(n,)``.
    f : sympy.Expr
        The loss, e.g. ``losses.softmax_cross_entropy(model(X), Y)``.
    wrt : sequence of MatrixSymbol or Symbol
        The parameters, e.g. ``model.parameters()``.
    at : dict, optional
        Inputs to use instead of random ones (by name or symbol); the rest
        are drawn: parameters ``normal / sqrt(fan_in)``, data standard
        normal, class labels and softmax cross-entropy targets as valid labels
        and one-hot rows.  Pass data with other constraints (probabilities)
        here.
    sizes : dict, optional
        Dimension sizes (``{nn.BATCH: 256}``); otherwise read off ``at`` or 7.
    seed : int
    threshold : float
        Largest relative error that passes (see :data:`THRESHOLD`).
    backend : {"numpy", "llvm"}
        Backend of the derived gradient.

    Returns
    -------
    BackpropCheckResult

    Examples
    --------
    >>> import numpy as np, sympy as sp, symgrad as sg
    >>> from symgrad import nn, losses
    >>> X, Y = nn.input("X", 3), nn.input("Y", 2)
    >>> layer = nn.Dense(3, 2, name="1")
    >>> L = losses.mse(layer(X), Y)
    >>> def backward(X, Y, W1, b1):
    ...     d = 2 * (X @ W1 + b1 - Y) / Y.size
    ...     return {"W1": X.T @ d, "b1": d.sum(axis=0)}
    >>> sg.check_numpy(backward, L, layer.parameters()).ok
    True
    >>> def forgot_the_mean(X, Y, W1, b1):
    ...     d = 2 * (X @ W1 + b1 - Y)
    ...     return {"W1": X.T @ d, "b1": d.sum(axis=0)}
    >>> res = sg.check_numpy(forgot_the_mean, L, layer.parameters())
    >>> res.ok, sorted(res.rel_errors)
    (False, ['W1', 'b1'])
    """
    if not callable(hand_fn):
        raise TypeError(f"hand_fn must be a function returning gradients, not {type(hand_fn).__name__}")
    wrt = as_wrt(wrt)
    names = [symbol_name(w) for w in wrt]
    fn = _compiled(f, wrt, backend)
    inputs = _draw(f, wrt, sizes or {}, at or {}, np.random.default_rng(seed))
    takes = {p.name for p in fn.inputs}
    call = {k: v for k, v in inputs.items() if k in takes}
    _, derived = fn(**call)
    hand = hand_fn(**{k: v.copy() for k, v in inputs.items()})
    hand = _as_dict(hand, names)
    rel, worst, shape_errors = {}, {}, {}
    for name, g in zip(names, derived):
        g = np.asarray(g, dtype=np.float64)
        h = np.asarray(hand[name], dtype=np.float64)
        if h.shape != g.shape and not (h.size == g.size and np.squeeze(h).shape == np.squeeze(g).shape):
            shape_errors[name] = f"expected {g.shape}, got {h.shape}"
            rel[name] = float("inf")
            continue
        h = h.reshape(g.shape)
        scale = FLOOR * float(np.max(np.abs(g), initial=0.0)) or np.finfo(np.float64).tiny
        with np.errstate(invalid="ignore"):
            r = np.abs(h - g) / np.maximum(np.maximum(np.abs(h), np.abs(g)), scale)
        r = np.where(np.isfinite(r), r, np.inf)
        k = np.unravel_index(int(np.argmax(r)), r.shape) if r.size else ()
        rel[name] = float(r[k]) if r.size else 0.0
        worst[name] = (tuple(int(i) for i in k), float(h[k]) if r.size else 0.0,
                       float(g[k]) if r.size else 0.0)
    max_rel = max(rel.values(), default=0.0)
    return BackpropCheckResult(max_rel <= threshold, max_rel, rel, worst, shape_errors, inputs, threshold)


def _as_dict(hand: Any, names: list[str]) -> dict:
    if isinstance(hand, Mapping):
        out = {str(k): v for k, v in hand.items()}
    elif isinstance(hand, (list, tuple)):
        if len(hand) != len(names):
            raise ValueError(f"hand_fn returned {len(hand)} gradients for {len(names)} "
                             f"parameters {names}")
        out = dict(zip(names, hand))
    else:
        raise TypeError(f"hand_fn must return a dict of gradients by name or a sequence in wrt "
                        f"order, not {type(hand).__name__}")
    missing = [n for n in names if n not in out]
    if missing:
        raise ValueError(f"hand_fn returned no gradient for {missing} (it returned {sorted(out)})")
    return out
