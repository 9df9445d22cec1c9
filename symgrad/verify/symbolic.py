"""Is a hand-derived gradient right?  Symbolic, exact and high-precision checks.

:func:`check` compares a hand-written gradient with the one symgrad derives.
It first tries to prove each component equal with cheap SymPy algebra
(``expand`` + ``cancel`` of the difference, only for small expressions, so it
never hangs); what is not proved is evaluated at seeded random rational
points, exactly when both sides reduce to rationals and otherwise with mpmath
at 50 significant digits.  A difference is reported as a counterexample only
if it persists at a nearby point, so a kink (``Abs`` at 0, ``Max`` on a tie)
is not mistaken for a wrong formula.

:func:`gradcheck` is the numerical "gradient check" of the notes for a
compiled callable: central finite differences against the compiled gradient,
reported as relative errors (see :mod:`symgrad.verify.numeric`).
"""
from __future__ import annotations

import random
from collections.abc import Sequence
from fractions import Fraction
from typing import Any

import sympy as sp

from ..api import as_wrt, grad
from .numeric import GradCheckResult, gradcheck
from .arrays import check_arrays, is_array_check, one_hand_per_parameter
from .evaluate import DIGITS   # significant digits of the mpmath evaluation
from .result import METHOD_RANK, CheckResult

__all__ = ["CheckResult", "GradCheckResult", "check", "gradcheck"]

#: Largest difference (in SymPy tree nodes) that ``check`` tries to simplify.
SYMBOLIC_SIZE_LIMIT = 400
#: Largest integer power that ``check`` lets ``expand`` multiply out.
SYMBOLIC_MAX_POWER = 12


def check(hand: Any, f: Any, wrt: Any, *, points: int | None = None, seed: int = 0) -> CheckResult:
    """Check a hand-derived gradient of ``f`` against symgrad's.

    Parameters
    ----------
    hand : sympy.Expr or sequence of sympy.Expr
        The claimed gradient: one expression when ``wrt`` is a single
        symbol, else one per entry of ``wrt``, in the same order.  For a
        matrix or n-D parameter, a SymPy matrix expression of its shape in
        the notes' notation (``A1.T * delta2``, ``HadamardProduct``,
        ``OneMatrix(1, N) * delta`` for a bias; see ``docs/verify.md``).
    f : sympy.Expr
        The function.
    wrt : Symbol, MatrixSymbol or ArraySymbol, or a sequence of them
    points : int, optional
        Agreeing points required before a component not proved symbolically
        is declared equal: 6 for scalar parameters, 3 for matrices and
        arrays (each point compares every entry, at small sizes; the cost of
        a point grows with the layer widths, about 5 s for T3's 256-wide
        MLP, so prefer :func:`symgrad.check_numpy` for wide networks).
    seed : int
        Seed of the point generator; the same seed gives the same verdict.

    Returns
    -------
    CheckResult

    Raises
    ------
    ValueError
        If ``hand`` does not have one entry per parameter, or if no point
        can be found at which both sides are defined and real.

    Examples
    --------
    The notes' Hessian example: ``f`` has ``- x2**2``, but the printed
    gradient fits ``+ x2**2``.

    >>> import sympy as sp, symgrad as sg
    >>> x1, x2, x3 = sp.symbols("x1 x2 x3")
    >>> f = x1**2 + x1*(1 - x2) - x2**2 - x2*x3 + x3**2 + x3
    >>> res = sg.check([2*x1 + 1 - x2, -x1 + 2*x2 - x3, -x2 + 2*x3 + 1], f, [x1, x2, x3])
    >>> res.ok, res.method, res.wrong
    (False, 'exact', (x2,))
    >>> sg.check(sg.sigmoid(x1) * (1 - sg.sigmoid(x1)), sg.sigmoid(x1), x1).ok
    True

    A network's layer, in the notes' notation (``W`` is ``(3, 2)``, the batch ``N``):

    >>> from symgrad import nn, losses
    >>> X, Y = nn.input("X", 3), nn.input("Y", 2)
    >>> layer = nn.Dense(3, 2, name="1")
    >>> L = losses.mse(layer(X), Y)
    >>> delta = (layer(X) - Y) / nn.BATCH          # the 2/(2N) of the mean over 2 outputs
    >>> print(sg.check([X.T * delta, sp.OneMatrix(1, nn.BATCH) * delta], L, layer.parameters()))
    ok (exact, 3 points)
    >>> print(sg.check(delta.T * X, L, [layer.W]))
    NOT EQUAL (shape):
      d/dW1: the hand gradient has shape (2, 3), expected (3, 2) (the shape of W1)
    """
    single = isinstance(wrt, (sp.Symbol, sp.MatrixSymbol))
    wrt = as_wrt(wrt)
    if is_array_check(f, wrt):
        return check_arrays(hand, f, wrt, points=3 if points is None else points, seed=seed)
    points = 6 if points is None else points
    hands = _as_hand_list(hand, wrt, single)
    expected = tuple(grad(f, wrt))
    free = _free_symbols([f, *hands, *expected], wrt)

    undecided = [k for k, (h, e) in enumerate(zip(hands, expected)) if not _proved_equal(h, e)]
    if not undecided:
        return CheckResult(True, "symbolic", None, expected=expected)
    return _evaluate_at_points(hands, expected, undecided, wrt, free, points, seed, f)


def _evaluate_at_points(hands, expected, undecided, wrt, free, points, seed, f) -> CheckResult:
    """Evaluate the undecided components at random points until a persistent
    difference turns up (not equal) or ``points`` points agree (equal)."""
    rng = random.Random(seed)
    method, agreeing, evaluated = "symbolic", 0, 0
    for point in _points(free, rng):
        if agreeing >= points:
            break
        values = [_evaluate(hands[k], expected[k], point) for k in undecided]
        if any(v is None for v in values):
            continue                        # undefined or complex here: draw another point
        evaluated += 1
        differs = [k for k, v in zip(undecided, values) if not v[2]]
        if not differs:
            agreeing += 1
            method = max([method, *(v[3] for v in values)], key=METHOD_RANK.get)
        elif _persists(hands, expected, differs, point, rng):
            point = _simplify_point(hands, expected, differs, point, rng)
            at = {k: _evaluate(hands[k], expected[k], point) for k in differs}
            return CheckResult(
                False, max((at[k][3] for k in differs), key=METHOD_RANK.get),
                dict(point), tuple(wrt[k] for k in differs),
                {wrt[k]: at[k][0] for k in differs}, {wrt[k]: at[k][1] for k in differs},
                expected, evaluated)
    if agreeing < points:
        raise ValueError(f"could not find {points} points at which both sides are defined and "
                         f"real (found {agreeing}); check the domain of {f}")
    return CheckResult(True, method, None, expected=expected, points=evaluated)


def _as_hand_list(hand: Any, wrt: tuple, single: bool) -> list[sp.Expr]:
    if isinstance(hand, (str, bytes)):
        raise TypeError(f"hand must be SymPy expressions, not the string {hand!r}; "
                        f"use symgrad.frontend.parse.parse to read text")
    if isinstance(hand, sp.MatrixBase):
        hand = list(hand)
    out = []
    for h in one_hand_per_parameter(hand, wrt, single):
        try:
            out.append(sp.sympify(h, strict=True))
        except sp.SympifyError:
            raise TypeError(f"hand entry {h!r} ({type(h).__name__}) is not a SymPy expression") from None
    return out


def _free_symbols(exprs: Sequence[sp.Basic], wrt: tuple) -> list[sp.Symbol]:
    free: set = set(wrt)
    for e in exprs:
        free |= e.free_symbols
    return sorted(free, key=lambda s: s.name)


def _size(expr: sp.Basic, limit: int) -> int:
    """Tree size of ``expr``, counting at most ``limit + 1`` nodes (iterative)."""
    n, stack = 0, [expr]
    while stack and n <= limit:
        e = stack.pop()
        n += 1
        stack.extend(e.args)
    return n


def _cheap_to_expand(expr: sp.Basic) -> bool:
    if _size(expr, SYMBOLIC_SIZE_LIMIT) > SYMBOLIC_SIZE_LIMIT:
        return False
    return all(not (p.exp.is_Integer and abs(p.exp) > SYMBOLIC_MAX_POWER) for p in expr.atoms(sp.Pow))


def _proved_equal(hand: sp.Expr, expected: sp.Expr) -> bool:
    """True only when SymPy shows ``hand - expected`` is zero, cheaply."""
    d = hand - expected
    if d == 0:
        return True
    if not _cheap_to_expand(d):
        return False
    try:
        return sp.cancel(sp.expand(d)) == 0
    except (sp.PolynomialError, TypeError, ValueError, NotImplementedError):
        return False


def _points(free: list[sp.Symbol], rng: random.Random):
    """Distinct points as {symbol: Rational}: small simple rationals first, then generic ones."""
    simple = [Fraction(n, d) for d in (1, 2, 3, 4) for n in range(-6, 7)]
    seen = set()
    for attempt in range(200):
        point = {}
        for s in free:
            if attempt < 40:
                v = rng.choice(simple)
            else:
                v = Fraction(rng.randint(-10**6, 10**6), rng.randint(1, 10**6 // 7) * 7 + 1)
            if s.is_positive or s.is_nonnegative:
                v = abs(v) or Fraction(1, 2)
            if s.is_integer:
                v = Fraction(round(v))
            point[s] = sp.Rational(v.numerator, v.denominator)
        key = tuple(point.values())
        if key not in seen:
            seen.add(key)
            yield point


def _evaluate(hand: sp.Expr, expected: sp.Expr, point: dict):
    """(hand value, true value, equal?, method) at ``point``, or None if undefined there."""
    a, b = hand.xreplace(point), expected.xreplace(point)
    if a.is_Rational and b.is_Rational:
        return a, b, a == b, "exact"
    a, b = _real_number(a), _real_number(b)
    if a is None or b is None:
        return None
    scale = max(abs(a), abs(b), sp.Float(1, DIGITS))
    equal = abs(a - b) <= scale * sp.Float(10, DIGITS) ** (10 - DIGITS)
    return a, b, bool(equal), "numeric"


def _real_number(e: sp.Basic) -> sp.Float | None:
    try:
        v = sp.N(e, DIGITS)
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    if not v.is_Number or v.is_infinite or v is sp.nan or v.has(sp.zoo, sp.nan):
        return None
    return v


def _persists(hands, expected, differs, point, rng) -> bool:
    """Does the difference survive a small move?  (It does not at an isolated kink.)"""
    for _ in range(5):
        near = {s: v + sp.Rational(rng.randint(1, 999), 10**6) * rng.choice((-1, 1))
                for s, v in point.items()}
        values = [_evaluate(hands[k], expected[k], near) for k in differs]
        if all(v is not None for v in values):
            return any(not v[2] for v in values)
    return True


_SIMPLE = [sp.S.Zero, sp.S.One, sp.S.NegativeOne, sp.Integer(2), sp.Integer(-2), sp.S.Half]


def _simplify_point(hands, expected, differs, point, rng) -> dict:
    """Replace coordinates by simpler numbers (0, 1, -1, ...) while the difference stays."""
    point = dict(point)
    for s in point:
        for v in _SIMPLE:
            if v == point[s] or (v <= 0 and (s.is_positive or s.is_nonnegative)):
                continue
            trial = {**point, s: v}
            values = [_evaluate(hands[k], expected[k], trial) for k in differs]
            if all(r is not None and not r[2] for r in values) \
                    and _persists(hands, expected, differs, trial, rng):
                point = trial
                break
    return point
