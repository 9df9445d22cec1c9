"""Evaluating graph nodes exactly (fractions) or at 50 digits (mpmath), at concrete sizes.

:func:`symgrad.check` decides a matrix or n-D gradient by evaluating the hand
formula and the derived one at small concrete sizes (the batch bound to 2 or
3) and random rational inputs.  This evaluator walks the interned graph with
NumPy object arrays: in ``"exact"`` mode every entry is a
:class:`fractions.Fraction`, and an operation that leaves the rationals (a
transcendental function, an irrational power, a division by zero) raises
:class:`Inexact`, so the caller evaluates again in ``"mpmath"`` mode, where
entries are 50-digit ``mpf`` and undefined or complex results are NaN (a
branch that is not taken may be NaN: ``Piecewise`` only selects).

>>> import sympy as sp, numpy as np
>>> from symgrad.frontend.lower import lower
>>> N = sp.Symbol("N", integer=True, positive=True)
>>> X = sp.MatrixSymbol("X", N, 2)
>>> G, (r,) = lower([X.T * X])
>>> v = evaluate(G, [r], {X: np.array([[1, 2], [3, 4], [5, 6]])}, {N: 3}, "exact")
>>> v[r].tolist()
[[Fraction(35, 1), Fraction(44, 1)], [Fraction(44, 1), Fraction(56, 1)]]
"""
from __future__ import annotations

import math
from fractions import Fraction
from typing import Any, Callable, Mapping, Sequence

import mpmath
import numpy as np
import sympy as sp
from sympy.codegen.cfunctions import Cbrt, exp2, expm1, hypot, log1p, log2, log10
from sympy.codegen.numpy_nodes import logaddexp

from ..ir.arrays import BroadcastTo, OneHot, ReduceSum, RowMax, Sum
from ..ir.functions import elu, leaky_relu, relu, sigmoid, softplus
from ..ir.graph import COMPARISONS, Graph
from ..ir.movement import FoldWindows, Pad, Permute, ReduceMax, Reshape, Shrink, Windows

__all__ = ["evaluate", "Inexact", "DIGITS", "concrete_shape", "to_sympy_number", "object_array"]

#: significant digits of the mpmath mode
DIGITS = 50


class Inexact(Exception):
    """An exact evaluation left the rationals; evaluate again with mpmath."""


def concrete_shape(shape: Sequence[Any], sizes: Mapping[sp.Symbol, int]) -> tuple[int, ...]:
    """``shape`` with its symbolic dimensions bound to ``sizes``."""
    out = []
    for d in shape:
        d = sp.sympify(d).xreplace(dict(sizes)) if not isinstance(d, int) else d
        if not getattr(d, "is_Integer", isinstance(d, int)):
            raise ValueError(f"dimension {d} has no size (sizes given: {dict(sizes)})")
        out.append(int(d))
    return tuple(out)


def to_sympy_number(v: Any) -> sp.Expr:
    """A Fraction as a SymPy Rational, an mpf as a 50-digit Float."""
    if isinstance(v, Fraction):
        return sp.Rational(v.numerator, v.denominator)
    if isinstance(v, (bool, np.bool_)):
        return sp.true if v else sp.false
    if isinstance(v, int):
        return sp.Integer(v)
    return sp.Float(mpmath.nstr(v, DIGITS), DIGITS) if mpmath.isfinite(v) else sp.nan


# -- numbers of each mode --------------------------------------------------------------------
def _number(value: sp.Expr, mode: str):
    value = sp.sympify(value)
    if mode == "exact":
        if value.is_Rational:
            return Fraction(int(value.p), int(value.q))
        raise Inexact(f"the constant {value}")
    with mpmath.workdps(DIGITS + 10):
        return mpmath.mpf(sp.Float(value.evalf(DIGITS + 10), DIGITS + 10)) if not value.is_Rational \
            else mpmath.mpf(int(value.p)) / int(value.q)


def _convert(a: Any, mode: str) -> np.ndarray:
    """An input value (numbers, NumPy or SymPy arrays) as an object array of the mode's numbers."""
    arr = np.array(a.tolist() if isinstance(a, sp.MatrixBase) else a, dtype=object)
    flat = [_number(sp.nsimplify(v) if isinstance(v, float) else v, mode) for v in arr.ravel()]
    return object_array(flat, arr.shape)


def object_array(values: list, shape: tuple) -> np.ndarray:
    """The flat ``values`` as an object array of ``shape`` (the ``None`` appended, then
    dropped, keeps NumPy from taking any value for a sequence of its own)."""
    return np.array(list(values) + [None], dtype=object)[:-1].reshape(shape)


def _exact_pow(x: Fraction, e: Fraction) -> Fraction:
    if e.denominator != 1:
        raise Inexact("a fractional power")
    if x == 0 and e < 0:
        raise Inexact("0 to a negative power")
    return x ** int(e)


def _mp_real(f: Callable) -> Callable:
    """An mpmath function returning NaN where the result is undefined or complex."""
    def safe(*xs):
        if any(not isinstance(x, mpmath.mpf) or mpmath.isnan(x) for x in xs):
            return mpmath.nan
        try:
            y = f(*xs)
        except (ZeroDivisionError, ValueError):
            return mpmath.nan
        return y if isinstance(y, mpmath.mpf) else mpmath.nan
    return safe


def _mp_pow(x, e):
    if x == 0 and e < 0:
        return mpmath.inf               # IEEE: 1/0 is inf; it makes the point invalid unless unused
    return x ** e


def _relu(x):
    return x if x > 0 else x * 0


def _leaky(x, a):
    return x if x > 0 else a * x


def _sign(x):
    return (x > 0) - (x < 0) + x * 0


def _heaviside(x, h0=Fraction(1, 2)):
    return x * 0 + (1 if x > 0 else 0 if x < 0 else h0)


#: entrywise functions that stay rational on rationals
_EXACT: dict[type, Callable] = {
    sp.Abs: abs, sp.sign: _sign, relu: _relu, leaky_relu: _leaky, sp.Heaviside: _heaviside,
    sp.Max: max, sp.Min: min, sp.floor: lambda x: Fraction(math.floor(x)),
    sp.ceiling: lambda x: Fraction(math.ceil(x)),
}

_M = mpmath
#: the same and the transcendental ones in mpmath
_MPMATH: dict[type, Callable] = {
    **{op: _mp_real(f) for op, f in _EXACT.items() if op not in (sp.floor, sp.ceiling)},
    sp.floor: _mp_real(_M.floor), sp.ceiling: _mp_real(_M.ceil),
    sp.exp: _mp_real(_M.exp), sp.log: _mp_real(lambda x: _M.log(x) if x > 0 else
                                               (-_M.inf if x == 0 else _M.nan)),
    sp.sin: _mp_real(_M.sin), sp.cos: _mp_real(_M.cos), sp.tan: _mp_real(_M.tan),
    sp.tanh: _mp_real(_M.tanh), sp.sinh: _mp_real(_M.sinh), sp.cosh: _mp_real(_M.cosh),
    sp.asin: _mp_real(_M.asin), sp.acos: _mp_real(_M.acos), sp.atan: _mp_real(_M.atan),
    sp.atan2: _mp_real(_M.atan2), sp.asinh: _mp_real(_M.asinh), sp.acosh: _mp_real(_M.acosh),
    sp.atanh: _mp_real(_M.atanh), sp.sec: _mp_real(_M.sec), sp.csc: _mp_real(_M.csc),
    sp.cot: _mp_real(_M.cot), sp.sech: _mp_real(_M.sech), sp.csch: _mp_real(_M.csch),
    sp.coth: _mp_real(_M.coth), sp.erf: _mp_real(_M.erf), sp.erfc: _mp_real(_M.erfc),
    sp.gamma: _mp_real(_M.gamma), sp.loggamma: _mp_real(_M.loggamma),
    sp.polygamma: _mp_real(lambda n, x: _M.polygamma(int(n), x)),
    sigmoid: _mp_real(lambda x: 1 / (1 + _M.exp(-x))),
    softplus: _mp_real(lambda x: _M.log1p(_M.exp(x)) if x < 0 else x + _M.log1p(_M.exp(-x))),
    elu: _mp_real(lambda x, a: x if x > 0 else a * _M.expm1(x)),
    expm1: _mp_real(_M.expm1), log1p: _mp_real(_M.log1p), exp2: _mp_real(lambda x: _M.power(2, x)),
    log2: _mp_real(lambda x: _M.log(x, 2)), log10: _mp_real(_M.log10),
    logaddexp: _mp_real(lambda a, b: max(a, b) + _M.log1p(_M.exp(-abs(a - b)))),
    Cbrt: _mp_real(_M.cbrt), hypot: _mp_real(_M.hypot),
}


def _entrywise(f: Callable, args: list[np.ndarray]) -> np.ndarray:
    out = np.frompyfunc(f, len(args), 1)(*args)
    return out if isinstance(out, np.ndarray) else np.array(out, dtype=object)


def _bool(a: np.ndarray) -> np.ndarray:
    return np.asarray(a, dtype=object).astype(bool)


_COMPARE = {sp.StrictLessThan: np.less, sp.LessThan: np.less_equal,
            sp.StrictGreaterThan: np.greater, sp.GreaterThan: np.greater_equal,
            sp.Eq: np.equal, sp.Ne: np.not_equal}
assert set(_COMPARE) == set(COMPARISONS)


def evaluate(G: Graph, roots: Sequence[int], inputs: Mapping[sp.Basic, Any],
             sizes: Mapping[sp.Symbol, int], mode: str) -> dict[int, np.ndarray]:
    """Values of ``roots`` and their ancestors, as object arrays of the mode's numbers.

    Parameters
    ----------
    G : Graph
    roots : sequence of int
    inputs : mapping
        ``{symbol: value}`` for every input leaf; a dimension symbol in ``sizes``
        used as a value (``1/N``) takes its size.
    sizes : mapping
        ``{dimension symbol: int}``.
    mode : {"exact", "mpmath"}

    Raises
    ------
    Inexact
        In ``"exact"`` mode, where a value is not rational.
    """
    vals: dict[int, np.ndarray] = {}
    one, zero = _number(1, mode), _number(0, mode)
    with mpmath.workdps(DIGITS):
        for i in G.ancestors(list(roots)):
            node = G.nodes[i]
            a = [vals[k] for k in node.args]
            vals[i] = _node_value(node, a, inputs, sizes, mode, one, zero)
    return vals


def _leaf(node, inputs, sizes, mode):
    op, obj = node.op, node.attr
    if op is sp.Number:
        return np.array(_number(obj, mode), dtype=object)
    if op is sp.ImmutableDenseMatrix:
        return _convert(obj, mode)
    if op.__name__ in ("BooleanTrue", "BooleanFalse", "BooleanAtom"):
        return np.array(bool(obj))
    if obj in inputs:
        return _convert(inputs[obj], mode)
    if obj in sizes:
        return np.array(_number(sizes[obj], mode), dtype=object)
    raise ValueError(f"no value for the input {obj}")


def _node_value(node, a, inputs, sizes, mode, one, zero):
    op = node.op
    if not node.args:
        return _leaf(node, inputs, sizes, mode)
    if op is sp.Add:
        out = a[0]
        for b in a[1:]:
            out = out + b
        return np.asarray(out, dtype=object)
    if op is sp.Mul:
        out = a[0]
        for b in a[1:]:
            out = out * b
        return np.asarray(out, dtype=object)
    if op is sp.Pow:
        return _entrywise(_exact_pow if mode == "exact" else _mp_real(_mp_pow), a)
    if op is sp.Piecewise:
        # where no branch holds the value is NaN (symgrad's convention), not a rational
        out = np.full(concrete_shape(node.shape, sizes), None if mode == "exact" else mpmath.nan,
                      dtype=object)
        for v, c in reversed(list(zip(a[0::2], a[1::2]))):
            out = np.where(_bool(c), v, out)
        if mode == "exact" and any(v is None for v in np.ravel(out)):
            raise Inexact("a Piecewise where no branch holds")
        return np.asarray(out, dtype=object)
    if op in _COMPARE:
        return _bool(_COMPARE[op](a[0], a[1]))
    if op is sp.And:
        return np.logical_and.reduce([_bool(x) for x in a])
    if op is sp.Or:
        return np.logical_or.reduce([_bool(x) for x in a])
    if op is sp.Not:
        return ~_bool(a[0])
    array = _array_op(node, a, sizes, one, zero)
    if array is not None:
        return array
    table = _EXACT if mode == "exact" else _MPMATH
    if op in table:
        return _entrywise(table[op], a)
    if mode == "exact":
        raise Inexact(op.__name__)
    return _entrywise(_mp_real(_via_sympy(op)), a)


def _via_sympy(op: type) -> Callable:
    """Any other SymPy function, through SymPy's own evaluation (slow, but complete)."""
    def f(*xs):
        v = op(*(sp.Float(mpmath.nstr(x, DIGITS + 5), DIGITS + 5) for x in xs)).evalf(DIGITS)
        if not v.is_real or not v.is_finite:
            return mpmath.nan
        return mpmath.mpf(str(v))
    return f


def _array_op(node, a, sizes, one, zero):
    op, attr = node.op, node.attr
    if op is sp.MatMul:
        return np.matmul(a[0], a[1])
    if op is sp.Transpose:
        return a[0].T
    if op is Sum:
        return np.array(np.sum(a[0]), dtype=object)
    if op in (ReduceSum, ReduceMax):
        axes, keepdims = attr
        f = np.sum if op is ReduceSum else np.max
        return np.asarray(f(a[0], axis=tuple(axes), keepdims=keepdims), dtype=object)
    if op is RowMax:
        return np.max(a[0], axis=1, keepdims=True)
    if op is BroadcastTo:
        return np.broadcast_to(a[0], concrete_shape(attr, sizes))
    if op is OneHot:
        labels = a[0]
        return np.where(labels == np.arange(int(attr)), one, zero).astype(object)
    if op is Permute:
        return np.transpose(a[0], attr)
    if op is Reshape:
        return np.reshape(a[0], concrete_shape(attr, sizes))
    if op is Pad:
        return np.pad(a[0], attr, constant_values=zero)
    if op is Shrink:
        return a[0][tuple(slice(lo, a[0].shape[k] - hi) for k, (lo, hi) in enumerate(attr))]
    if op is Windows:
        kernel, stride = attr
        k = len(kernel)
        axes = tuple(range(a[0].ndim - k, a[0].ndim))
        w = np.lib.stride_tricks.sliding_window_view(a[0], kernel, axis=axes)
        return w[(Ellipsis,) + tuple(slice(None, None, s) for s in stride) + (slice(None),) * k]
    if op is FoldWindows:
        kernel, stride, spatial = attr
        g, k = a[0], len(kernel)
        lead, out_sizes = g.shape[:g.ndim - 2 * k], g.shape[g.ndim - 2 * k:g.ndim - k]
        out = np.full(lead + tuple(concrete_shape(spatial, sizes)), zero, dtype=object)
        for offset in np.ndindex(*kernel):
            index = tuple(slice(o, o + s * (n - 1) + 1, s) for o, s, n in zip(offset, stride, out_sizes))
            out[(Ellipsis,) + index] = out[(Ellipsis,) + index] + g[(Ellipsis,) + offset]
        return out
    return None
