"""``check`` for matrix and n-D parameters: hand formulas in the notes' notation.

A hand gradient is a SymPy matrix expression (the delta recursion written
with ``MatMul``, ``HadamardProduct``, ``.T`` and ``OneMatrix(1, N) * delta``
for a bias).  It is lowered into the same interned graph as the derived
gradient, so a hand formula that is the derived one node for node is proved
equal at once (``"symbolic"``).  Otherwise both are evaluated at small
concrete sizes (the batch bound to 2 or 3, other symbolic dimensions to
distinct small numbers) and random small rational inputs: exactly with
fractions when everything stays rational (a ReLU network), else with mpmath
at 50 digits (tanh, softmax).  A difference counts only if it persists after
a tiny move of every input (a ReLU kink is not a wrong formula).  The
report names the parameter, the sizes and inputs, the entry and both
values, and where it can the first layer (from the output down) at which
no subexpression of the hand formula equals the derived ``delta_l = dL/dz_l``.
"""
from __future__ import annotations

import random
from fractions import Fraction
from typing import Any

import mpmath
import numpy as np
import sympy as sp
from sympy.tensor.array.expressions import ArraySymbol

from ..api import _vjp, as_wrt
from ..autodiff.reverse import vjp, zeros_shaped
from ..frontend.lower import lower
from ..frontend.to_sympy import to_sympy
from ..ir.arrays import OneHot
from ..ir.graph import Graph
from ..ir.layers import find_layers
from .evaluate import DIGITS, Inexact, concrete_shape, evaluate, object_array, to_sympy_number
from .result import METHOD_RANK, CheckResult

__all__ = ["check_arrays", "is_array_check"]

_ARRAYS = (sp.MatrixSymbol, ArraySymbol)
#: relative agreement required of two 50-digit values
_TOLERANCE = mpmath.mpf(10) ** (10 - DIGITS)


def is_array_check(f: Any, wrt: tuple) -> bool:
    """Does this check involve matrices or n-D arrays (so needs concrete sizes)?"""
    return any(isinstance(w, _ARRAYS) for w in wrt) or \
        (isinstance(f, sp.Basic) and (f.has(sp.MatrixSymbol) or f.has(ArraySymbol)))


def _shape_of(e: Any) -> tuple:
    return tuple(getattr(e, "shape", ()) or ())


def one_hand_per_parameter(hand: Any, wrt: tuple, single: bool = False) -> list:
    """``hand`` as a list with one entry per parameter of ``wrt`` (a lone expression when
    ``wrt`` has one entry, or when ``single`` says the expression stands alone)."""
    if isinstance(hand, (list, tuple)):
        hands = list(hand)
    elif single or len(wrt) == 1:
        hands = [hand]
    else:
        raise ValueError(f"hand is one expression but wrt has {len(wrt)} entries {list(wrt)}; "
                         f"pass one expression per parameter")
    if len(hands) != len(wrt):
        raise ValueError(f"hand has {len(hands)} entries but wrt has {len(wrt)} {list(wrt)}")
    return hands


def _hand_list(hand: Any, wrt: tuple) -> list:
    hands = one_hand_per_parameter(hand, wrt)
    for h in hands:
        if isinstance(h, (str, bytes)) or not isinstance(h, (sp.Basic, sp.MatrixBase, int, float)):
            raise TypeError(f"hand entry {h!r} ({type(h).__name__}) is not a SymPy expression")
    return [sp.ImmutableMatrix(h) if isinstance(h, sp.MatrixBase) else sp.sympify(h) for h in hands]


def check_arrays(hand: Any, f: Any, wrt: Any, points: int = 3, seed: int = 0) -> CheckResult:
    """:func:`symgrad.check` when a parameter is a matrix or an n-D array (see the module).

    Examples
    --------
    >>> import sympy as sp
    >>> W, X = sp.MatrixSymbol("W", 2, 3), sp.MatrixSymbol("X", 4, 2)
    >>> from symgrad.tensor import Sum
    >>> f = Sum(sp.HadamardProduct(X * W, X * W))           # ||X W||^2
    >>> print(check_arrays(2 * X.T * X * W, f, [W]))
    ok (exact, 3 points)
    >>> res = check_arrays(X.T * X * W, f, [W])
    >>> res.method, res.entries
    ('exact', {W: (0, 0)})
    """
    wrt = as_wrt(wrt)
    hands = _hand_list(hand, wrt)
    G, (root,) = lower([f])
    targets = [G.leaf(w) for w in wrt]
    deltas: dict[int, int] = {}
    adjoints = zeros_shaped(G, _vjp(G, root, targets), targets)
    # every layer's delta, whatever wrt holds: the report locates an error by layer
    everything = [i for i in G.ancestors([root]) if G.nodes[i].op in _ARRAYS]
    vjp(G, root, sorted(set(everything) | set(targets)), adjoints=deltas)
    expected = tuple(to_sympy(G, a) for a in adjoints)
    try:
        G, nodes = lower(hands, G)
    except ValueError as e:   # shapes SymPy could not compare symbolically (N against 3)
        return CheckResult(False, "shape", None, tuple(wrt), expected=expected,
                           notes=(f"the hand formula does not fit together: {e}",))
    # shapes as the graph computes them: n-D expressions carry none of their own
    bad = [k for k, (t, h) in enumerate(zip(targets, nodes)) if G.nodes[t].shape != G.nodes[h].shape]
    if bad:
        notes = tuple(f"d/d{wrt[k]}: the hand gradient has shape {_show_shape(G.nodes[nodes[k]].shape)}, "
                      f"expected {_show_shape(G.nodes[targets[k]].shape)} (the shape of {wrt[k]})"
                      for k in bad)
        return CheckResult(False, "shape", None, tuple(wrt[k] for k in bad), expected=expected,
                           notes=notes)
    undecided = [k for k in range(len(wrt)) if nodes[k] != adjoints[k]]
    if not undecided:
        return CheckResult(True, "symbolic", None, expected=expected)
    session = _Session(G, root, wrt, nodes, adjoints, deltas, seed)
    return session.run(undecided, points, expected)


class _Session:
    """One check: the graph, the nodes to compare, and the point generator."""

    def __init__(self, G: Graph, root: int, wrt, hand_nodes, adjoints, deltas, seed):
        self.G, self.root, self.wrt = G, root, wrt
        self.hand, self.true = hand_nodes, adjoints
        self.deltas = deltas
        self.rng = random.Random(seed)
        roots = list(hand_nodes) + list(adjoints)
        live = G.ancestors(roots)
        self.dims = sorted({d for i in live for s in G.nodes[i].shape
                            for d in sp.sympify(s).free_symbols}, key=lambda s: s.name)
        self.leaves = [G.nodes[i].attr for i in live
                       if not G.nodes[i].args and G.nodes[i].op in (sp.Symbol, *_ARRAYS)
                       and G.nodes[i].attr not in self.dims]
        self.labels = {G.nodes[G.nodes[i].args[0]].attr: int(G.nodes[i].attr)
                       for i in live if G.nodes[i].op is OneHot
                       and not G.nodes[G.nodes[i].args[0]].args}

    # -- points -------------------------------------------------------------------------
    def sizes(self, k: int) -> dict:
        return {d: 2 + j + k % 2 for j, d in enumerate(self.dims)}

    def draw(self, k: int, sizes: dict) -> dict:
        simple = k < 2
        point = {}
        for s in self.leaves:
            shape = concrete_shape(_shape_of(s), sizes)
            if s in self.labels:
                v = np.array([Fraction(self.rng.randrange(self.labels[s]))
                              for _ in range(int(np.prod(shape)))])
            elif simple:
                v = np.array([Fraction(self.rng.randint(-4, 4), 2) for _ in range(int(np.prod(shape)))])
            else:
                v = np.array([Fraction(self.rng.randint(-40, 40), self.rng.choice((3, 7, 8, 11)))
                              for _ in range(int(np.prod(shape)))])
            if isinstance(s, sp.Symbol) and (s.is_positive or s.is_nonnegative):
                v = np.array([abs(x) or Fraction(1, 2) for x in v])
            point[s] = object_array(v, shape)
        return point

    def nudge(self, point: dict) -> dict:
        out = {}
        for s, v in point.items():
            if s in self.labels:
                out[s] = v
                continue
            moved = [x + Fraction(self.rng.randint(1, 999), 10**6) * self.rng.choice((-1, 1))
                     for x in v.ravel()]
            out[s] = object_array(moved, v.shape)
        return out

    # -- evaluation ----------------------------------------------------------------------
    def values(self, point: dict, sizes: dict, extra=()):
        """``(vals, method)`` or None where a side is undefined (NaN, infinite)."""
        roots = list(self.hand) + list(self.true) + list(extra)
        try:
            vals, method = evaluate(self.G, roots, point, sizes, "exact"), "exact"
        except Inexact:
            vals, method = evaluate(self.G, roots, point, sizes, "mpmath"), "numeric"
        if method == "numeric":
            for i in list(self.hand) + list(self.true):
                if not all(isinstance(v, mpmath.mpf) and mpmath.isfinite(v) for v in vals[i].ravel()):
                    return None
        return vals, method

    def differs(self, vals, k: int) -> np.ndarray:
        a, b = np.broadcast_arrays(vals[self.hand[k]], vals[self.true[k]])
        return np.array([not _same(x, y) for x, y in zip(a.ravel(), b.ravel())]).reshape(a.shape)

    def run(self, undecided: list[int], points: int, expected: tuple) -> CheckResult:
        agreeing, method, evaluated = 0, "symbolic", 0
        for attempt in range(40):
            if agreeing >= points:
                break
            sizes = self.sizes(attempt)
            point = self.draw(attempt, sizes)
            got = self.values(point, sizes)
            if got is None:
                continue
            vals, m = got
            evaluated += 1
            wrong = [k for k in undecided if self.differs(vals, k).any()]
            if not wrong:
                agreeing += 1
                method = max(method, m, key=METHOD_RANK.get)
                continue
            if self._persists(point, sizes, wrong):
                return self.report(point, sizes, wrong, m, expected, evaluated)
        if agreeing < points:
            raise ValueError(f"could not find {points} points at which both sides are defined "
                             f"(found {agreeing}); check the domain of the function")
        return CheckResult(True, method, None, expected=expected, points=evaluated)

    def _persists(self, point, sizes, wrong) -> bool:
        for _ in range(5):
            got = self.values(self.nudge(point), sizes)
            if got is not None:
                return any(self.differs(got[0], k).any() for k in wrong)
        return True

    # -- the report -----------------------------------------------------------------------
    def report(self, point, sizes, wrong, method, expected, evaluated) -> CheckResult:
        G = self.G
        live = G.ancestors([self.root])
        layers = [la for la in find_layers(G.nodes, live) if la.z in self.deltas]
        vals, _ = self.values(point, sizes, [self.deltas[la.z] for la in layers])
        entries, hand_v, true_v, notes = {}, {}, {}, []
        for k in wrong:
            w = self.wrt[k]
            bad = self.differs(vals, k)
            idx = tuple(int(i) for i in np.argwhere(bad)[0])
            a, b = np.broadcast_arrays(vals[self.hand[k]], vals[self.true[k]])
            entries[w] = idx
            hand_v[w], true_v[w] = to_sympy_number(a[idx]), to_sympy_number(b[idx])
            layer = self._departure(k, layers, vals)
            if layer:
                notes.append(f"d/d{w}: {layer}")
        shown = {s: (sp.Matrix(v.shape[0], v.shape[1], [to_sympy_number(x) for x in v.ravel()])
                     if v.ndim == 2 else sp.Array([to_sympy_number(x) for x in v.ravel()], v.shape)
                     if v.ndim else to_sympy_number(v[()]))
                 for s, v in point.items()}
        return CheckResult(False, method, shown, tuple(self.wrt[k] for k in wrong), hand_v, true_v,
                           expected, evaluated, dict(sizes), entries, tuple(notes))

    def _departure(self, k: int, layers: list, vals) -> str | None:
        """The first layer, from the output down to the parameter's own, whose delta
        the hand formula lacks; None when the parameter is in no dense layer (a
        convolution's kernel: its layer is not a matrix product of a weight)."""
        G = self.G
        target = G.leaf(self.wrt[k])
        own = next((la.index for la in layers if target in (la.weight, la.bias)), None)
        if own is None:
            return None
        hand_nodes = G.ancestors([self.hand[k]])
        agree = []
        for la in reversed(layers):
            layer, z = la.index, la.z
            if layer < own:
                break
            delta = vals[self.deltas[z]]
            cands = _candidates(G, hand_nodes, G.nodes[z].shape, vals)
            if not cands:
                continue
            if any(not _differs_any(c, delta) for c in cands):
                agree.append(layer)
                continue
            ratio = next((r for r in (_ratio(c, delta) for c in cands) if r is not None), None)
            where = f"z_{layer} = {_short(to_sympy(G, z))}"
            msg = (f"the hand delta recursion departs at layer {layer}: no subexpression of the "
                   f"hand formula equals delta_{layer} = dL/dz_{layer} ({where})")
            if ratio is not None:
                msg += f"; one is {_simple(ratio)} times delta_{layer} at these sizes"
            if agree:
                msg += f" (it agrees with delta_{', delta_'.join(map(str, agree))})"
            return msg
        if agree:
            return (f"the hand's delta_{', delta_'.join(map(str, agree))} agree with the derived "
                    f"ones; the error is outside the recursion: the product with the layer's "
                    f"input, a transpose, the sum over the batch, or another term (a penalty)")
        return None


def _candidates(G: Graph, hand_nodes: list[int], shape: tuple, vals) -> list[np.ndarray]:
    """Values the hand formula may hold as a delta of ``shape``: its nodes of that shape,
    and the factors of its products scaled by the product's scalars (SymPy pulls the
    scalar of ``2/(3N) (Z - Y) W.T`` to the front, so ``2/(3N) (Z - Y)`` is no node)."""
    out = []
    for i in hand_nodes:
        node = G.nodes[i]
        if node.op is not sp.Mul:
            continue
        scalars = [a for a in node.args if G.nodes[a].shape == ()]
        if not scalars or len(scalars) == len(node.args):
            continue
        c = np.prod([vals[a][()] for a in scalars])
        stack = [a for a in node.args if a not in scalars]
        while stack:
            m = stack.pop()
            if G.nodes[m].op is sp.MatMul:
                stack.extend(G.nodes[m].args)
            elif G.nodes[m].shape == shape:
                out.append(vals[m] * c)
    return out + [vals[i] for i in hand_nodes if G.nodes[i].args and G.nodes[i].shape == shape]


def _simple(r) -> str:
    """A ratio as a short rational when it is one, else 17 digits."""
    if isinstance(r, Fraction):
        return str(r)
    q = Fraction(mpmath.nstr(r, 40, min_fixed=-50, max_fixed=50)).limit_denominator(10**4)
    return str(q) if _same(mpmath.mpf(q.numerator) / q.denominator, r) else mpmath.nstr(r, 17)


def _show_shape(shape: tuple) -> str:
    return str(tuple(shape)) if shape else "()"


def _short(e: sp.Basic, limit: int = 60) -> str:
    s = str(e)
    return s if len(s) <= limit else s[:limit - 3] + "..."


def _same(x, y) -> bool:
    if isinstance(x, Fraction) and isinstance(y, Fraction):
        return x == y
    x, y = mpmath.mpf(x), mpmath.mpf(y)
    return abs(x - y) <= _TOLERANCE * max(1, abs(x), abs(y))


def _differs_any(a: np.ndarray, b: np.ndarray) -> bool:
    a, b = np.broadcast_arrays(a, b)
    return any(not _same(x, y) for x, y in zip(a.ravel(), b.ravel()))


def _ratio(a: np.ndarray, b: np.ndarray):
    """``c`` when ``a = c b`` entrywise (with b not all zero), else None."""
    a, b = np.broadcast_arrays(a, b)
    c = None
    for x, y in zip(a.ravel(), b.ravel()):
        if y == 0:
            if x != 0 and not _same(x, 0):
                return None
            continue
        r = x / y
        if c is None:
            c = r
        elif not _same(r, c):
            return None
    return c
