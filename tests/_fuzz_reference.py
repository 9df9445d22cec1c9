"""A 50-digit evaluator of SymPy formulas that also bounds their floating-point rounding error.

``evaluate(expr, point)`` walks the formula once (post-order, memoized, no
recursion) and returns, besides the value at 50 digits, the two sums of a
first-order running error analysis (Wilkinson's; Higham, *Accuracy and
Stability of Numerical Algorithms*, ch. 3):

* ``M``: the error of a floating-point evaluation of this formula is at most
  ``u * M + eta * Z`` to first order, where ``u`` is the unit roundoff
  (2**-53, 2**-24) and every operation rounds with relative error at most
  ``c * u`` plus an absolute ``eta`` (the smallest normal number: covers
  underflow, flushed to zero or gradual).  A leaf contributes ``|x|`` (the
  input rounded to the working dtype), an n-term sum ``(n - 1) * sum|terms|``
  (each partial sum rounds once and is at most the sum of absolute values),
  an n-factor product ``(n - 1) * |product|``, and a function ``f(a, ...)``
  ``sum |df/da| * M_a + c * |f|`` with ``c = ULPS`` ulps for transcendental
  functions (the requirement of ``symgrad.codegen.llvm_math`` and the
  accuracy of libm and scipy.special) and 1 for correctly rounded ones.
* ``Z``: the same sums for the absolute ``eta`` terms.

A floating-point evaluation can also take the other side of a branch
(a ``Piecewise`` condition, a ``Max`` tie, ``Abs``, ``floor``, a kink of an
activation) when its argument lies within its own error bound of the
boundary.  Every such decision is recorded in ``margins`` as
``(distance, M, Z)``; a caller skips the point when
``distance <= K * (u * M + eta * Z)`` for its dtype: what the compiled code
computes there is a different, equally valid, branch.

Partial derivatives of functions come from ``sympy.diff`` of each
function's elementary form on fresh symbols, evaluated with mpmath.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import mpmath
import sympy as sp
from _reference import elementary

from sympy.functions.elementary.piecewise import ExprCondPair

from symgrad.ir.functions import elu, leaky_relu, relu
from symgrad.ir.ops import REGISTRY

#: ulps of a transcendental function (llvm_math's documented requirement is 4)
ULPS = 4
#: functions that IEEE arithmetic rounds correctly (one rounding)
EXACTLY_ROUNDED = (sp.Abs,)
DIGITS = 50


@dataclass
class Evaluation:
    """Value at 50 digits, error sums M and Z, branch margins, the largest |node| seen."""

    value: mpmath.mpf
    M: mpmath.mpf
    Z: mpmath.mpf
    margins: list = field(default_factory=list)
    largest: mpmath.mpf = mpmath.mpf(0)

    def bound(self, u: float, eta: float, k: float = 2.0) -> mpmath.mpf:
        return k * (u * self.M + eta * self.Z)

    def ambiguous(self, u: float, eta: float, k: float = 2.0) -> bool:
        """Some branch lies within the evaluation's error of its boundary."""
        return any(d <= k * (u * m + eta * z) for d, m, z in self.margins)


@lru_cache(maxsize=None)
def _smooth(cls, n: int):
    """mpmath value and partial derivatives of a smooth function class with ``n`` arguments."""
    d = sp.symbols(f"a0:{n}", real=True)
    el = elementary(cls(*d))
    value = sp.lambdify(d, el, "mpmath")
    # Cbrt's elementary form sign(a)*|a|**(1/3) differentiates with a DiracDelta: 0 off 0
    partials = [sp.lambdify(d, sp.diff(el, di).replace(sp.DiracDelta, lambda *a: sp.S.Zero), "mpmath")
                for di in d]
    # the op registry says which functions are transcendental (4 ulps); the elementary form
    # cannot: Cbrt's is a product sign(a)*|a|**(1/3), and llvm's cbrt is 1-2 ulps, not rounded
    op = REGISTRY.get(cls)
    transcendental = op.transcendental if op is not None else not isinstance(el, (sp.Add, sp.Mul))
    return value, partials, transcendental


def _real(v) -> mpmath.mpf:
    v = mpmath.mpmathify(v)
    if isinstance(v, mpmath.mpc):
        if abs(v.imag) > abs(v.real) * mpmath.mpf(10) ** (-DIGITS + 5) + mpmath.mpf(10) ** -300:
            raise ValueError(f"not real: {v}")
        v = v.real
    return v


def _nearest_int_distance(v: mpmath.mpf) -> mpmath.mpf:
    return abs(v - mpmath.nint(v))


class _Walker:
    def __init__(self, point: dict):
        self.point = point
        self.memo: dict = {}
        self.margins: list = []
        self.largest = mpmath.mpf(0)

    def run(self, expr: sp.Basic) -> Evaluation:
        for node in sp.postorder_traversal(expr):
            if node not in self.memo:
                self.memo[node] = self.node(node)
        v, M, Z = self.memo[expr]
        return Evaluation(v, M, Z, self.margins, self.largest)

    def _margin(self, distance, *parts) -> None:
        self.margins.append((abs(distance), sum(p[1] for p in parts), sum(p[2] for p in parts)))

    def node(self, e):  # noqa: C901 - one case per kind of node, in the order they are common
        memo = self.memo
        if isinstance(e, (sp.logic.boolalg.BooleanTrue,)):
            return True
        if isinstance(e, (sp.logic.boolalg.BooleanFalse,)):
            return False
        if isinstance(e, (ExprCondPair, sp.Tuple)):
            return None
        if e.is_Symbol:
            v = self.point[e]
            return self._num(v, abs(v), 1)
        if e.is_Number or e.is_NumberSymbol:
            v = mpmath.mpf(sp.Float(e, DIGITS + 10))
            return self._num(v, abs(v), 1)
        if isinstance(e, sp.core.relational.Relational):
            lhs, rhs = memo[e.lhs], memo[e.rhs]
            self._margin(lhs[0] - rhs[0], lhs, rhs)
            return {sp.StrictGreaterThan: lhs[0] > rhs[0], sp.GreaterThan: lhs[0] >= rhs[0],
                    sp.StrictLessThan: lhs[0] < rhs[0], sp.LessThan: lhs[0] <= rhs[0],
                    sp.Eq: lhs[0] == rhs[0], sp.Ne: lhs[0] != rhs[0]}[type(e)]
        if isinstance(e, sp.And):
            return all(memo[a] for a in e.args)
        if isinstance(e, sp.Or):
            return any(memo[a] for a in e.args)
        if isinstance(e, sp.Not):
            return not memo[e.args[0]]
        if isinstance(e, sp.ITE):
            c, a, b = (memo[a] for a in e.args)
            return a if c else b
        args = [memo[a] for a in e.args] if not isinstance(e, sp.Piecewise) else None
        if isinstance(e, sp.Add):
            v = mpmath.fsum(a[0] for a in args)
            n = len(args) - 1
            return self._num(v, sum(a[1] for a in args) + n * sum(abs(a[0]) for a in args),
                             sum(a[2] for a in args) + n)
        if isinstance(e, sp.Mul):
            v = mpmath.fprod(a[0] for a in args)
            M = Z = mpmath.mpf(0)
            for i, a in enumerate(args):
                p = abs(mpmath.fprod(b[0] for j, b in enumerate(args) if j != i))
                M, Z = M + p * a[1], Z + p * a[2]
            n = len(args) - 1
            return self._num(v, M + n * abs(v), Z + n)
        if isinstance(e, sp.Pow):
            (b, bM, bZ), (x, xM, xZ) = args
            v = _real(mpmath.power(b, x))
            pb = abs(x * _real(mpmath.power(b, x - 1))) if b != 0 or x >= 1 else mpmath.inf
            M, Z = pb * bM, pb * bZ
            c = 1 if e.exp in (2, -1, sp.S.Half) else ULPS
            if not e.exp.is_Number:
                px = abs(v * mpmath.log(b)) if b > 0 else mpmath.mpf(0)
                M, Z = M + px * xM, Z + px * xZ
            return self._num(v, M + c * abs(v), Z + 1)
        if isinstance(e, sp.Piecewise):
            for expr_, cond in e.args:
                if memo[cond]:
                    return memo[expr_]
            return self._num(mpmath.nan, mpmath.mpf(0), mpmath.mpf(0))
        if isinstance(e, (sp.Max, sp.Min)):
            order = sorted(args, key=lambda a: a[0], reverse=isinstance(e, sp.Max))
            self._margin(order[0][0] - order[1][0], order[0], order[1])
            return order[0]
        if isinstance(e, sp.Abs):
            (a,) = args
            self._margin(a[0], a)
            return self._num(abs(a[0]), a[1], a[2])
        if isinstance(e, (sp.sign, sp.Heaviside, sp.DiracDelta)):
            a = args[0]
            self._margin(a[0], a)
            if isinstance(e, sp.sign):
                v = mpmath.sign(a[0])
            elif isinstance(e, sp.DiracDelta):
                v = mpmath.mpf(0) if a[0] != 0 else mpmath.inf
            else:
                v = mpmath.mpf(1 if a[0] > 0 else 0) if a[0] != 0 else args[1][0]
            return self._num(v, mpmath.mpf(0), mpmath.mpf(0))
        if isinstance(e, (sp.floor, sp.ceiling)):
            (a,) = args
            self._margin(_nearest_int_distance(a[0]), a)
            v = mpmath.floor(a[0]) if isinstance(e, sp.floor) else mpmath.ceil(a[0])
            return self._num(v, mpmath.mpf(0), mpmath.mpf(0))
        if isinstance(e, sp.Derivative) and isinstance(e.expr, (sp.floor, sp.ceiling)):
            return self._num(mpmath.mpf(0), mpmath.mpf(0), mpmath.mpf(0))
        if isinstance(e, (relu, leaky_relu, elu)):
            a = args[0]
            self._margin(a[0], a)
            if a[0] > 0:
                return a
            if isinstance(e, relu):
                return self._num(mpmath.mpf(0), mpmath.mpf(0), mpmath.mpf(0))
            al = args[1]
            if isinstance(e, leaky_relu):
                v = al[0] * a[0]
                return self._num(v, abs(al[0]) * a[1] + abs(a[0]) * al[1] + abs(v),
                                 abs(al[0]) * a[2] + abs(a[0]) * al[2] + 1)
            em1 = mpmath.expm1(a[0])
            v = al[0] * em1
            return self._num(v, abs(al[0] * mpmath.exp(a[0])) * a[1] + abs(em1) * al[1] + ULPS * abs(v),
                             abs(al[0] * mpmath.exp(a[0])) * a[2] + abs(em1) * al[2] + 1)
        if isinstance(e, sp.polygamma):
            (n, _, _), (a, aM, aZ) = args
            v, p = mpmath.psi(int(n), a), abs(mpmath.psi(int(n) + 1, a))
            return self._num(v, p * aM + ULPS * abs(v), p * aZ + 1)
        if isinstance(e, sp.Function):
            if isinstance(e, sp.atan2) and args[1][0] < 0:
                self._margin(args[0][0], args[0])       # the branch cut
            value, partials, transcendental = _smooth(type(e), len(args))
            xs = [a[0] for a in args]
            v = _real(value(*xs))
            M, Z = mpmath.mpf(0), mpmath.mpf(0)
            for p, a in zip(partials, args):
                if a[1] or a[2]:
                    p = abs(_real(p(*xs)))
                    M, Z = M + p * a[1], Z + p * a[2]
            c = ULPS if transcendental and not isinstance(e, EXACTLY_ROUNDED) else 1
            return self._num(v, M + c * abs(v), Z + 1)
        raise TypeError(f"the fuzz reference cannot evaluate {type(e).__name__}: {e}")

    def _num(self, v, M, Z):
        v = _real(v)
        if mpmath.isfinite(v) and abs(v) > self.largest:
            self.largest = abs(v)
        elif not mpmath.isfinite(v) and not mpmath.isnan(v):
            self.largest = mpmath.inf
        return (v, M, Z)


def evaluate(expr: sp.Basic, point: dict) -> Evaluation:
    """``expr`` at ``point`` ({Symbol: float}) to 50 digits, with its error sums (module docstring)."""
    with mpmath.workdps(DIGITS):
        return _Walker({s: mpmath.mpf(v) for s, v in point.items()}).run(sp.sympify(expr))


def reference_derivative(expr: sp.Basic, wrt: sp.Symbol) -> sp.Basic:
    """``sympy.diff`` of the elementary form; derivatives of step functions are 0 off their steps."""
    d = sp.diff(elementary(expr), wrt)
    d = d.replace(lambda n: isinstance(n, sp.Derivative) and isinstance(n.expr, (sp.floor, sp.ceiling)),
                  lambda n: sp.S.Zero)
    d = d.replace(sp.DiracDelta, lambda *a: sp.S.Zero)
    return d.replace(sp.Subs, lambda e, *a: e.xreplace(dict(zip(*a))))


def central_difference(expr: sp.Basic, point: dict, wrt: sp.Symbol, h: float = 1e-20) -> mpmath.mpf:
    """(f(p + h) - f(p - h)) / 2h at 50 digits: truncation ~h**2 f''', rounding ~1e-50/h."""
    with mpmath.workdps(DIGITS):
        hh = mpmath.mpf(h)
        up = {s: mpmath.mpf(v) + (hh if s == wrt else 0) for s, v in point.items()}
        dn = {s: mpmath.mpf(v) - (hh if s == wrt else 0) for s, v in point.items()}
        return (_Walker(up).run(expr).value - _Walker(dn).run(expr).value) / (2 * hh)
